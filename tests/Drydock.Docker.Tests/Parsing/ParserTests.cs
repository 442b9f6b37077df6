using Drydock.Docker.Model;
using Drydock.Docker.Parsing;
using Drydock.Text;

namespace Drydock.Docker.Tests.Parsing;

public class ParserTests
{
    private static DockerfileDocument Parse(string text, DockerfileParseOptions? options = null) => DockerfileDocument.Parse("Dockerfile", text, options);

    private static string At(DockerfileDocument document, TextSpan span) => document.Source.Text[span.Start..span.End];

    [Fact]
    public void Directives_are_read_only_at_the_top()
    {
        var document = Parse("# syntax=docker/dockerfile:1.7\n#escape=`\n# check=skip=JSONArgsRecommended\nFROM alpine\n# escape=\\\nRUN echo hi `\n  there\n");
        Assert.Equal("docker/dockerfile:1.7", document.Syntax);
        Assert.Equal('`', document.EscapeCharacter);
        Assert.Equal("skip=JSONArgsRecommended", document.Check);
        Assert.Equal(3, document.Directives.Count);
        var run = Assert.IsType<RunInstruction>(document.Instructions[1]);
        Assert.Equal("echo hi   there", run.ArgumentsText);
        Assert.Equal(6, run.Line);
        Assert.Equal(7, run.EndLine);
        Assert.Empty(document.Problems);
    }

    [Fact]
    public void A_blank_line_or_comment_ends_the_directives()
    {
        var document = Parse("# hello\n# escape=`\nFROM alpine\n");
        Assert.Empty(document.Directives);
        Assert.Equal('\\', document.EscapeCharacter);
    }

    [Fact]
    public void Bad_and_duplicate_directives_are_problems()
    {
        var document = Parse("# escape=x\n# syntax=a\n# syntax=b\nFROM alpine\n");
        Assert.Equal(2, document.Problems.Count);
        Assert.Contains(document.Problems, problem => problem.Message.Contains("invalid escape", StringComparison.Ordinal));
        Assert.Contains(document.Problems, problem => problem.Message.Contains("only one 'syntax'", StringComparison.Ordinal));
    }

    [Fact]
    public void Windows_style_file_with_backtick_escape_and_crlf()
    {
        string text = "# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nRUN powershell -Command `\r\n    Write-Host C:\\path\\to `\r\n    ; exit 0\r\nWORKDIR C:\\app\r\n";
        var document = Parse(text);
        Assert.Empty(document.Problems);
        var run = Assert.IsType<RunInstruction>(document.Instructions[1]);
        Assert.Equal("powershell -Command     Write-Host C:\\path\\to     ; exit 0", run.ArgumentsText);
        var workdir = Assert.IsType<WorkdirInstruction>(document.Instructions[2]);
        Assert.Equal("C:\\app", workdir.Path);
        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(document.ToBytes()));
        var word = run.Words.Single(candidate => candidate.Value == "Write-Host");
        Assert.Equal("Write-Host", At(document, word.Span));
        Assert.Equal(4, document.Source.Position(word.Span.Start).Line);
    }

    [Fact]
    public void Comments_and_blank_lines_inside_continuations_are_dropped()
    {
        var document = Parse("FROM debian\nRUN apt-get update && \\\n# a comment\n    # indented comment\n\n    apt-get install -y curl\nCMD [\"sh\"]\n");
        var run = Assert.IsType<RunInstruction>(document.Instructions[1]);
        Assert.Equal("apt-get update &&     apt-get install -y curl", run.ArgumentsText);
        Assert.Equal(2, run.ContinuationComments.Count);
        Assert.Equal(6, run.EndLine);
        var curl = run.Commands.Last().Words[^1];
        Assert.Equal("curl", At(document, curl.Span));
        Assert.Equal((6, 24), document.Source.Position(curl.Span.Start));
    }

    [Fact]
    public void Flags_keep_name_value_and_spans()
    {
        var document = Parse("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN --mount=type=cache,target=/root/.cache/go-build --network=none go build\nCOPY --from=build --chown=app:app --chmod=0755 --link --exclude=*.md --parents /out/ /app/\nADD --checksum=sha256:abc https://example.com/x.tar.gz /x/\n");
        var from = Assert.IsType<FromInstruction>(document.Instructions[0]);
        Assert.Equal("$BUILDPLATFORM", from.Platform!.Value);
        Assert.Equal("build", from.StageName);
        Assert.Equal("golang:1.22", from.ImageWord!.Value);
        var run = Assert.IsType<RunInstruction>(document.Instructions[1]);
        Assert.Equal("cache", run.Mounts[0].Type);
        Assert.Equal("/root/.cache/go-build", run.Mounts[0].Target);
        Assert.Equal("none", run.Network);
        var copy = Assert.IsType<CopyInstruction>(document.Instructions[2]);
        Assert.Equal("build", copy.From);
        Assert.Equal("app:app", copy.Chown);
        Assert.Equal("0755", copy.Chmod);
        Assert.True(copy.Link);
        Assert.True(copy.Parents);
        Assert.Equal(["*.md"], copy.Excludes);
        Assert.Equal("/app/", copy.Destination!.Value);
        Assert.Equal("--chown=app:app", At(document, copy.Flag("chown")!.Span));
        Assert.Equal("app:app", At(document, copy.Flag("chown")!.ValueSpan));
        var add = Assert.IsType<AddInstruction>(document.Instructions[3]);
        Assert.Equal("sha256:abc", add.Checksum);
        Assert.Empty(add.ContextSources);
    }

    [Fact]
    public void Heredocs_several_per_instruction_with_strip_and_quotes()
    {
        string text = "FROM alpine\nRUN <<EOF\napk add curl\nEOF\nCOPY <<-\"A\" /a.txt <<B /b.txt\n\tfirst $HOME\n\tA\nsecond\nB\nRUN python3 <<PY\nprint('x')\nPY\n";
        var document = Parse(text);
        Assert.Empty(document.Problems);
        var run = Assert.IsType<RunInstruction>(document.Instructions[1]);
        var heredoc = Assert.Single(run.Heredocs);
        Assert.Equal("apk add curl\n", heredoc.Content);
        Assert.Equal(4, run.EndLine);
        var script = Assert.Single(run.HeredocScripts);
        Assert.Equal("apk", script.AllCommands().Single().Name);
        var copy = Assert.IsType<CopyInstruction>(document.Instructions[2]);
        Assert.Equal(2, copy.Heredocs.Count);
        Assert.True(copy.Heredocs[0].StripTabs);
        Assert.True(copy.Heredocs[0].IsQuoted);
        Assert.Equal("first $HOME\n", copy.Heredocs[0].Content);
        Assert.Equal("second\n", copy.Heredocs[1].Content);
        Assert.Equal("B", At(document, copy.Heredocs[1].TerminatorSpan));
        var python = Assert.IsType<RunInstruction>(document.Instructions[3]);
        Assert.Empty(python.HeredocScripts);
        Assert.Equal("python3", python.Commands.Single().Name);
    }

    [Fact]
    public void Unterminated_heredoc_is_a_problem_not_a_hang()
    {
        var document = Parse("FROM alpine\nRUN <<EOF\necho never closed\n");
        var problem = Assert.Single(document.Problems);
        Assert.Contains("not terminated", problem.Message, StringComparison.Ordinal);
        Assert.Equal("<<EOF", At(document, problem.Span));
    }

    [Fact]
    public void Json_form_and_its_errors()
    {
        var document = Parse("FROM python:3.12\nCMD [\"python\", \"-m\", \"app\"]\nENTRYPOINT [python, app.py]\nRUN ['echo', 'x']\nSHELL /bin/bash -c\n");
        var cmd = Assert.IsType<CmdInstruction>(document.Instructions[1]);
        Assert.True(cmd.Command.IsExecForm);
        Assert.Equal(["python", "-m", "app"], cmd.Command.Exec!.Select(argument => argument.Value));
        Assert.Equal("\"-m\"", At(document, cmd.JsonArguments[1].Span));
        var entrypoint = Assert.IsType<EntrypointInstruction>(document.Instructions[2]);
        Assert.False(entrypoint.IsJsonForm);
        Assert.NotNull(entrypoint.JsonProblem);
        Assert.Equal("python", At(document, entrypoint.JsonProblem!.Span));
        var run = Assert.IsType<RunInstruction>(document.Instructions[3]);
        Assert.Contains("single quotes", run.JsonProblem!.Message, StringComparison.Ordinal);
        Assert.Contains(document.Problems, problem => problem.Message.StartsWith("SHELL requires", StringComparison.Ordinal));
    }

    [Fact]
    public void Onbuild_wraps_a_typed_instruction()
    {
        var document = Parse("FROM alpine\nONBUILD COPY --chown=1000 . /app\nONBUILD ONBUILD RUN x\n");
        var onBuild = Assert.IsType<OnBuildInstruction>(document.Instructions[1]);
        var copy = Assert.IsType<CopyInstruction>(onBuild.Trigger);
        Assert.Equal("1000", copy.Chown);
        Assert.Equal("/app", copy.Destination!.Value);
        Assert.Single(document.Problems);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n")]
    [InlineData("FROM")]
    [InlineData("RUN echo before from\n")]
    [InlineData("FROM alpine\nRUN echo \"unterminated\n")]
    [InlineData("FROM alpine\nRUN echo $(unterminated\n")]
    [InlineData("FROM alpine\nRUN \\")]
    [InlineData("FROM alpine\nCOPY <<EOF\n")]
    [InlineData("FROM alpine\nRUN if then fi else ;; esac ) } {\n")]
    [InlineData("\uFEFF\u0000\u0001garbage[[[{{{")]
    public void Broken_input_never_throws(string text)
    {
        var document = Parse(text);
        foreach (var run in document.Instructions.OfType<RunInstruction>())
        {
            _ = run.Commands.ToList();
        }

        Assert.Equal(text, document.Source.Text);
    }

    [Fact]
    public void Deep_nesting_is_bounded()
    {
        string nested = string.Concat(Enumerable.Repeat("$(", 5000)) + "x" + string.Concat(Enumerable.Repeat(")", 5000));
        string subshells = string.Concat(Enumerable.Repeat("( ", 5000)) + "true" + string.Concat(Enumerable.Repeat(" )", 5000));
        string ifs = string.Concat(Enumerable.Repeat("if true; then ", 3000)) + "x" + string.Concat(Enumerable.Repeat("; fi", 3000));
        foreach (string script in new[] { nested, subshells, ifs })
        {
            var document = Parse("FROM alpine\nRUN echo " + script + "\n");
            var run = document.Instructions.OfType<RunInstruction>().Single();
            Assert.Contains(run.Script!.Problems, problem => problem.Message.Contains("nesting", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Round_trip_is_byte_for_byte_with_bom_and_crlf()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("FROM alpine\r\nRUN echo é \\\r\n  && true\r\n")];
        Assert.True(SourceReader.TryDecode(bytes, "Dockerfile", out var text, out _));
        var document = DockerfileParser.Parse(text!);
        Assert.Equal(bytes, document.ToBytes());
        Assert.Equal(2, document.Instructions.Count);
    }
}
