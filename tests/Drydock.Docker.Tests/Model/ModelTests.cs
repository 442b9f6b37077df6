using Drydock.Analysis;
using Drydock.Docker.Model;
using Drydock.Testing;

namespace Drydock.Docker.Tests.Model;

public class ModelTests
{
    private static DockerfileDocument Parse(string text, DockerfileParseOptions? options = null) => DockerfileDocument.Parse("Dockerfile", text, options);

    [Fact]
    public void Global_args_expand_in_from_and_stage_args_redeclare_them()
    {
        var document = Parse("ARG PY=3.12\nARG VARIANT\nFROM python:${PY}-slim AS base\nARG PY\nENV V=${PY:-none} W=${MISSING:-dflt} X=${PY:+set}\nFROM python:${PY}-${VARIANT:-slim}\nRUN echo $PY\n");
        var stage = document.Stages[0];
        Assert.Equal("python:3.12-slim", stage.BaseName);
        Assert.Equal("3.12-slim", stage.BaseImage!.Tag);
        Assert.Equal("3.12", stage.Variables["V"]!.Value);
        Assert.Equal("dflt", stage.Variables["W"]!.Value);
        Assert.Equal("set", stage.Variables["X"]!.Value);
        Assert.Null(document.Stages[1].BaseName);
        Assert.False(document.Stages[1].Variables.IsDeclared("PY"));
    }

    [Theory]
    [InlineData("python:3.12-slim", null, "python", "3.12-slim", null)]
    [InlineData("ghcr.io/acme/api:1.0@sha256:abc", "ghcr.io", "acme/api", "1.0", "sha256:abc")]
    [InlineData("docker.io/library/python", "docker.io", "library/python", null, null)]
    [InlineData("localhost:5000/app", "localhost:5000", "app", null, null)]
    public void Image_references_keep_the_registry_as_written(string text, string? registry, string repository, string? tag, string? digest)
    {
        var image = ImageReference.Parse(text)!;
        Assert.Equal((text, registry, repository, tag, digest), (image.Original, image.Registry, image.Repository, image.Tag, image.Digest));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("python:$TAG")]
    [InlineData("my image")]
    [InlineData("python:")]
    [InlineData("python@")]
    [InlineData("ghcr.io/")]
    public void Image_references_that_the_engine_would_reject_are_null(string? text)
    {
        Assert.Null(ImageReference.Parse(text));
    }

    [Fact]
    public void Build_context_paths_map_to_project_paths_and_stop_at_the_root()
    {
        using var tree = new TempTree();
        tree.Write("deploy/Dockerfile", "FROM python:3.12-slim\nCOPY ../src /app\n").Write("src/app.py", "print(1)\n");
        var project = Project.Open(tree.Root);
        var set = project.Model(DockerfileSet.Build);
        var context = set.ContextOf(set["deploy/Dockerfile"]!);
        Assert.Equal("deploy", context.Directory);
        Assert.Equal("deploy/app.py", context.ProjectPath("app.py"));
        Assert.Equal("deploy", context.ProjectPath(""));
        Assert.Equal("src/app.py", context.ProjectPath("..\\src/./app.py"));
        Assert.Null(context.ProjectPath("../../etc/passwd"));
        Assert.True(context.Exists("../src/app.py"));
        Assert.False(context.Exists("app.py"));
        Assert.Equal("src", set.ContextOf(set["deploy/Dockerfile"]!, "src").ProjectPath("."));
    }

    [Fact]
    public void Platform_args_are_unknown_unless_a_platform_is_given()
    {
        const string text = "FROM --platform=$TARGETPLATFORM alpine\nARG TARGETARCH\nENV ARCH=$TARGETARCH\n";
        var unknown = Parse(text).Stages[0];
        Assert.Null(unknown.Platform);
        Assert.False(unknown.Variables["ARCH"]!.IsKnown);
        var known = Parse(text, new DockerfileParseOptions { TargetPlatform = "linux/arm64" }).Stages[0];
        Assert.Equal("linux/arm64", known.Platform);
        Assert.Equal("arm64", known.Variables["ARCH"]!.Value);
    }

    [Fact]
    public void Stages_resolve_bases_dependencies_and_inherited_settings()
    {
        var document = Parse("""
            FROM python:3.12-slim AS base
            USER app
            WORKDIR /srv
            ENV A=1
            EXPOSE 8000
            FROM golang:1.22 AS tools
            FROM base AS final
            COPY --from=tools /go/bin/x /usr/local/bin/x
            RUN --mount=type=bind,from=0,target=/b true
            WORKDIR app
            SHELL ["/bin/bash", "-o", "pipefail", "-c"]
            CMD gunicorn app:app
            """);
        var final = document.FinalStage!;
        Assert.True(final.IsFinal);
        Assert.Same(document.Stages[0], final.BaseStage);
        Assert.Equal(["base", "tools"], final.Dependencies.Select(stage => stage.DisplayName).Order());
        Assert.Equal("app", final.FinalUser);
        Assert.Equal("/srv/app", final.FinalWorkdir);
        Assert.Equal("1", final.Variables["A"]!.Value);
        Assert.Single(final.ExposedPorts);
        Assert.Equal(["/bin/bash", "-o", "pipefail", "-c", "gunicorn app:app"], final.ResolvedCommand);
        var copy = final.InstructionsOf<CopyInstruction>().Single();
        Assert.Equal("/srv", final.WorkdirAt(copy));
        Assert.Same(document.Stages[1], document.FindStage("TOOLS"));
        Assert.Same(document.Stages[0], document.FindStage("0"));
    }

    [Fact]
    public void Exec_entrypoint_and_cmd_combine()
    {
        var stage = Parse("FROM alpine\nENTRYPOINT [\"tini\", \"--\"]\nCMD [\"python\", \"app.py\"]\n").FinalStage!;
        Assert.Equal(["tini", "--", "python", "app.py"], stage.ResolvedCommand);
    }

    [Fact]
    public void Packages_are_extracted_with_versions_and_guards()
    {
        var document = Parse("""
            FROM debian:bookworm
            ARG TARGETARCH
            RUN apt-get update && sudo apt-get install -y --no-install-recommends -o Dpkg::Options::=--force-confnew curl=7.88.1-10 ca-certificates \
                && if [ "$TARGETARCH" = "amd64" ]; then apt-get install -y google-chrome-stable; fi \
                && ARCH=$(dpkg --print-architecture) && case "$ARCH" in arm64) apt-get install -y libfoo ;; esac
            RUN python3 -m pip install --no-cache-dir -r requirements.txt "requests[socks]==2.32.0" -e . 'numpy>=2' \
             && uv pip install --system httpx && apk add --virtual .deps gcc musl-dev=1.2
            """);
        var packages = document.FinalStage!.Packages.ToList();
        Assert.Equal(["curl", "ca-certificates", "google-chrome-stable", "libfoo", "requests", "numpy", "httpx", "gcc", "musl-dev"], packages.Select(package => package.Name));
        Assert.Equal("7.88.1-10", packages[0].Version);
        Assert.False(packages[0].IsArchitectureGuarded);
        Assert.True(packages[2].IsArchitectureGuarded);
        Assert.True(packages[3].IsArchitectureGuarded);
        Assert.Equal("2.32.0", packages[4].Version);
        Assert.Equal(">=2", packages[5].Version);
        Assert.Equal("1.2", packages[8].Version);
        var pip = document.FinalStage.Installs.Single(install => install.Manager == PackageManager.Pip);
        Assert.Equal("requirements.txt", Assert.Single(pip.RequirementFiles).Value);
        Assert.Equal(".", Assert.Single(pip.LocalTargets).Value);
        Assert.Equal("\"requests[socks]==2.32.0\"", document.Source.Text[packages[4].Span.Start..packages[4].Span.End]);
        Assert.True(document.FinalStage.Installs[0].Line.IsRunWithSudo || document.FinalStage.Installs[1].Line.IsRunWithSudo);
    }

    [Fact]
    public void Shell_parser_reads_lists_pipes_and_pipefail()
    {
        var document = Parse("FROM alpine\nRUN set -eo pipefail; curl -fsSL https://x | sh && (cd /tmp || exit 1) ; { echo a; } > /log 2>&1\nRUN wget -O- https://y | tar xz\n");
        var runs = document.Instructions.OfType<RunInstruction>().ToList();
        var pipelines = runs[0].Script!.AllPipelines().ToList();
        Assert.All(pipelines.Skip(1), pipeline => Assert.True(pipeline.PipefailSet));
        Assert.True(pipelines.Single(pipeline => pipeline.HasPipe).PipefailSet);
        Assert.Equal(["set", "curl", "sh", "cd", "exit", "echo"], runs[0].Commands.Select(command => command.Name));
        Assert.False(runs[1].Script!.AllPipelines().Single().PipefailSet);
        Assert.Empty(runs[0].Script!.Problems);
    }

    [Fact]
    public void Shell_words_unquote_and_track_variables()
    {
        var run = Parse("FROM alpine\nRUN echo \"a b\" 'c $d' $E ${F:-x} \"$(uname -m)\" x\\ y\n").Instructions.OfType<RunInstruction>().Single();
        var words = run.Commands.First().Words;
        Assert.Equal(["echo", "a b", "c $d", "$E", "${F:-x}", "$(uname -m)", "x y"], words.Select(word => word.Value));
        Assert.Equal(["E"], words[3].Variables);
        Assert.Equal(["F"], words[4].Variables);
        Assert.Equal("uname", words[5].Substitutions.Single().AllCommands().Single().Name);
        Assert.Null(words[3].Literal);
        Assert.Equal("a b", words[1].Literal);
    }

    [Fact]
    public void Case_on_targetarch_guards_its_arms_and_apt_heredoc_is_parsed()
    {
        var document = Parse("# syntax=docker/dockerfile:1\nFROM debian\nARG TARGETARCH\nRUN <<EOF\nset -e\ncase \"${TARGETARCH}\" in\n  amd64) apt-get install -y chrome ;;\n  *) echo skip ;;\nesac\napt-get install -y git\nEOF\n");
        var stage = document.FinalStage!;
        var packages = stage.Packages.ToList();
        Assert.True(packages.Single(package => package.Name == "chrome").IsArchitectureGuarded);
        Assert.False(packages.Single(package => package.Name == "git").IsArchitectureGuarded);
        Assert.Equal(7, document.Source.Position(packages[0].Span.Start).Line);
    }
}
