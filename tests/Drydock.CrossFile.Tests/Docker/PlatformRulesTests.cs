using System.Text.Json;
using Drydock.Analysis;
using Drydock.CrossFile.Knowledge;
using Drydock.CrossFile.Platforms;
using Drydock.CrossFile.Rules.Docker;
using Drydock.Discovery;
using Drydock.Docker.Model;
using Drydock.Findings;
using Drydock.Knowledge;
using Drydock.Testing;

namespace Drydock.CrossFile.Tests.Docker;

/// <summary>
/// DF041 and DF080 against the platforms the repository builds for. Each folder under Docker/Cases is a small
/// repository (Dockerfiles, workflows, compose files) whose Dockerfiles mark the DF041/DF080 findings they expect.
/// </summary>
public sealed class PlatformRulesTests
{
    private static readonly string CasesRoot = RepoRoot.Combine("tests", "Drydock.CrossFile.Tests", "Docker", "Cases");

    public static TheoryData<string> Cases() => new(CaseRunner.CaseNames(CasesRoot));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_produces_exactly_the_marked_findings(string name)
    {
        string? difference = CaseRunner.Check(Path.Combine(CasesRoot, name), Analyzer(), relative => FileClassifier.Classify(relative) == FileKind.Dockerfile);
        Assert.True(difference is null, difference);
    }

    [Fact]
    public void An_amd64_only_workflow_is_what_keeps_the_rules_quiet()
    {
        using var tree = CaseRunner.CopyOf(Path.Combine(CasesRoot, "workflow-amd64"));
        Assert.Empty(Check(tree.Root));

        File.Delete(Path.Combine(tree.Root, ".github", "workflows", "publish.yml"));
        var findings = Check(tree.Root);
        Assert.Contains(findings, finding => finding.RuleId == "DF041" && finding.Message.Contains("the arm64 build fails", StringComparison.Ordinal));
        Assert.Contains(findings, finding => finding.RuleId == "DF080" && finding.Message.Contains("libc6-i386", StringComparison.Ordinal));
    }

    [Fact]
    public void A_multi_arch_workflow_is_named_as_the_reason()
    {
        string root = Path.Combine(CasesRoot, "workflow-multiarch");
        const string workflow = ".github/workflows/publish.yml";
        int platformsLine = LineOf(root, workflow, "platforms: |");
        int commandLine = LineOf(root, workflow, "--platform linux/amd64,linux/arm64");
        var findings = Check(root);

        var chrome = Assert.Single(findings, finding => finding.RuleId == "DF041" && finding.Location.Path == "Dockerfile");
        Assert.Contains($"the arm64 build (asked for by {workflow}:{platformsLine}) fails", chrome.Message, StringComparison.Ordinal);
        var related = Assert.Single(chrome.Related);
        Assert.Equal((workflow, platformsLine), (related.Location.Path, related.Location.Line));
        Assert.Contains("'platforms' of step 'Build and push' builds linux/amd64, linux/arm64", related.Message, StringComparison.Ordinal);

        var edge = Assert.Single(findings, finding => finding.RuleId == "DF041" && finding.Location.Path == "docker/Dockerfile.edge");
        Assert.Equal((workflow, commandLine), (edge.Related[0].Location.Path, edge.Related[0].Location.Line));
        Assert.Contains("'docker buildx build --platform' in step 'Edge image'", edge.Related[0].Message, StringComparison.Ordinal);

        var libc = Assert.Single(findings, finding => finding.RuleId == "DF080");
        Assert.Equal((workflow, platformsLine), (libc.Related[0].Location.Path, libc.Related[0].Location.Line));
    }

    [Fact]
    public void A_compose_platform_adds_its_architecture()
    {
        string root = Path.Combine(CasesRoot, "compose-arm64");
        var finding = Assert.Single(Check(root));
        Assert.Contains($"the arm64 build (asked for by compose.yaml:{LineOf(root, "compose.yaml", "platform: linux/arm64")})", finding.Message, StringComparison.Ordinal);
        Assert.Equal("compose.yaml", Assert.Single(finding.Related).Location.Path);
    }

    [Fact]
    public void Sites_name_the_dockerfile_the_platforms_and_the_place()
    {
        var targets = Targets(Path.Combine(CasesRoot, "matrix"));
        var app = Assert.Single(targets.SitesFor("Dockerfile"));
        Assert.Equal(PlatformSiteKind.BuildPushAction, app.Kind);
        Assert.Equal(["linux/amd64", "linux/arm64"], app.Platforms);
        Assert.True(app.IsKnown);
        var worker = Assert.Single(targets.SitesFor("worker/Dockerfile"));
        Assert.Equal((PlatformSiteKind.WorkflowCommand, "linux/amd64"), (worker.Kind, Assert.Single(worker.Platforms)));

        var unknown = Targets(Path.Combine(CasesRoot, "unknown-platforms"));
        Assert.False(Assert.Single(unknown.SitesFor("Dockerfile")).IsKnown);
        Assert.Equal([PlatformSiteKind.BuildPushAction, PlatformSiteKind.ComposePlatform], unknown.SitesFor("api/Dockerfile").Select(site => site.Kind));
    }

    [Theory]
    [InlineData("docker build --platform linux/arm64 .", "Dockerfile", "linux/arm64", true)]
    [InlineData("docker image build --platform=linux/arm64 -t app:1 -f deploy/Dockerfile .", "deploy/Dockerfile", "linux/arm64", true)]
    [InlineData("docker buildx build --push --platform linux/amd64 --platform linux/arm/v7 services/api", "services/api/Dockerfile", "linux/amd64 linux/arm/v7", true)]
    [InlineData("sudo docker buildx b --platform ${{ env.PLATFORMS }} .", "Dockerfile", "linux/ppc64le", true)]
    [InlineData("docker buildx build --platform $PLATFORMS .", "Dockerfile", "", false)]
    [InlineData("docker buildx build --platform linux/amd64,${{ inputs.extra }} .", "Dockerfile", "linux/amd64", false)]
    public void Build_commands_in_run_steps_are_read(string command, string dockerfile, string platforms, bool known)
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM debian:bookworm-slim\n")
            .Write(".github/workflows/ci.yml", $"on: push\nenv:\n  PLATFORMS: linux/ppc64le\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: {command}\n");
        var site = Assert.Single(Targets(tree.Root).Sites);
        Assert.Equal((dockerfile, platforms, known), (site.DockerfilePath, string.Join(' ', site.Platforms), site.IsKnown));
        Assert.Equal((".github/workflows/ci.yml", 8), (site.Location.Path, site.Location.Line));
    }

    [Theory]
    [InlineData("docker build .")]
    [InlineData("cd api && docker build --platform linux/arm64 .")]
    [InlineData("docker build --platform linux/arm64 - < Dockerfile")]
    [InlineData("docker build --platform linux/arm64 https://github.com/acme/app.git")]
    [InlineData("docker buildx bake --set '*.platform=linux/arm64'")]
    [InlineData("echo docker build --platform linux/arm64 .")]
    public void Builds_whose_dockerfile_or_platform_is_not_known_are_not_sites(string command)
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM debian:bookworm-slim\n")
            .Write(".github/workflows/ci.yml", $"on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: {command}\n");
        Assert.Empty(Targets(tree.Root).Sites);
    }

    [Fact]
    public void A_pinned_from_wins_over_every_site()
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM --platform=linux/amd64 debian:bookworm-slim AS base\nFROM base\nRUN true\n")
            .Write("compose.yaml", "services:\n  app:\n    build: .\n    platform: linux/arm64\n");
        var project = Project.Open(tree.Root);
        var document = project.Model(DockerfileSet.Build)["Dockerfile"]!;
        var platforms = project.Model(BuildTargets.Build).For(document.FinalStage!);
        Assert.Equal((TargetOrigin.Pinned, "amd64"), (platforms.Origin, Assert.Single(platforms.Architectures)));
        Assert.Same(document.Stages[0], platforms.PinnedBy);
        Assert.Equal("", platforms.Reason(["amd64"]));
    }

    [Theory]
    [InlineData("linux/amd64", "amd64")]
    [InlineData("linux/arm64/v8", "arm64")]
    [InlineData("linux/arm/v7", "arm")]
    [InlineData("LINUX/X86_64", "amd64")]
    [InlineData("aarch64", "arm64")]
    [InlineData("local", null)]
    [InlineData("linux/", null)]
    [InlineData("$TARGETPLATFORM", null)]
    [InlineData("", null)]
    public void Platform_names_read_as_architectures(string platform, string? architecture) =>
        Assert.Equal(architecture, PlatformNames.ArchitectureOf(platform));

    [Theory]
    [InlineData(".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          platforms: [linux/amd64\n")]
    [InlineData(".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    strategy:\n      matrix: ${{ fromJSON(needs.setup.outputs.matrix) }}\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          platforms: ${{ matrix.platform }}\n          file: ${{ matrix.file }}\n      - run: docker build --platform \"\n")]
    [InlineData(".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          platforms:\n            - linux/arm64\n")]
    [InlineData("compose.yaml", "services:\n  app:\n    build:\n      context: .\n      platforms: linux/arm64\n    platform: [1, 2]\n")]
    [InlineData("compose.yaml", "\0\0binary")]
    public void Broken_build_files_give_no_crash_and_no_guess(string path, string content)
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y microsoft-edge-stable\n").Write(path, content);
        var result = new CheckEngine([Analyzer()]).Run(Project.Open(tree.Root));
        Assert.Empty(result.Notes);
        Assert.Contains("the arm64 build", Assert.Single(result.Findings, finding => finding.RuleId == "DF041").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Docker_build_options_file_has_its_shape()
    {
        using var document = KnowledgeFile.Open(typeof(DockerBuildOptions).Assembly, "docker-build-options.json");
        Assert.True(DateOnly.TryParse(document.RootElement.GetProperty("updated").GetString(), out _));
        Assert.Equal(JsonValueKind.String, document.RootElement.GetProperty("description").ValueKind);
        var options = DockerBuildOptions.Load();
        Assert.Contains(options.Commands, words => words.SequenceEqual(["buildx", "build"]));
        IEnumerable<string> valueOptions = options.ValueOptions;
        Assert.Contains("--platform", valueOptions);
        Assert.Contains("-f", valueOptions);
        Assert.DoesNotContain("--push", valueOptions);
    }

    private static RulesAnalyzer Analyzer() => new(new ArchOnlyPackageUnguardedRule(), new AptPackageUnavailableRule());

    private static List<Finding> Check(string root) => [.. new CheckEngine([Analyzer()]).Run(Project.Open(root)).Findings];

    private static BuildTargets Targets(string root) => Project.Open(root).Model(BuildTargets.Build);

    private static int LineOf(string root, string path, string text) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(root, path)), line => line.Contains(text, StringComparison.Ordinal)) + 1;
}
