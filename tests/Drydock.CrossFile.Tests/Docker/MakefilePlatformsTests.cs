using Drydock.Analysis;
using Drydock.CrossFile.Platforms;
using Drydock.CrossFile.Rules.Docker;
using Drydock.Docker.Model;
using Drydock.Findings;
using Drydock.Testing;

namespace Drydock.CrossFile.Tests.Docker;

/// <summary>
/// Makefile recipes as a source of build platforms: <c>docker buildx build --platform</c> in a recipe line, make
/// variables expanded where the Makefile settles them. The fixture folders are Docker/Cases/makefile-*.
/// </summary>
public sealed class MakefilePlatformsTests
{
    private static readonly string CasesRoot = RepoRoot.Combine("tests", "Drydock.CrossFile.Tests", "Docker", "Cases");

    [Fact]
    public void A_multi_arch_makefile_build_is_named_as_the_reason()
    {
        string root = Path.Combine(CasesRoot, "makefile-multiarch");
        int recipeLine = LineOf(root, "Makefile", "docker buildx build --platform $(PLATFORMS)");
        int apiLine = LineOf(root, "Makefile", "cd services/api");
        var findings = Check(root);

        var edge = Assert.Single(findings, finding => finding.Location.Path == "docker/Dockerfile.edge");
        Assert.Equal("DF041", edge.RuleId);
        Assert.Contains($"the arm64 build (asked for by Makefile:{recipeLine}) fails", edge.Message, StringComparison.Ordinal);
        var related = Assert.Single(edge.Related);
        Assert.Equal(("Makefile", recipeLine, recipeLine + 1), (related.Location.Path, related.Location.Line, related.Location.EndLine));
        Assert.Equal("'docker buildx build --platform' in the recipe of Makefile target 'build-multiarch' builds linux/amd64, linux/arm64", related.Message);

        var api = Assert.Single(findings, finding => finding.Location.Path == "services/api/Dockerfile");
        Assert.Contains($"the arm64 build (asked for by Makefile:{apiLine}) fails", api.Message, StringComparison.Ordinal);

        // 'make build' names linux/amd64 for the root Dockerfile: no arm64 build, no finding.
        Assert.DoesNotContain(findings, finding => finding.Location.Path == "Dockerfile");
        Assert.Equal(["linux/amd64"], Assert.Single(Targets(root).SitesFor("Dockerfile")).Platforms);
    }

    [Fact]
    public void An_amd64_only_makefile_is_what_keeps_the_rules_quiet()
    {
        using var tree = CaseRunner.CopyOf(Path.Combine(CasesRoot, "makefile-amd64"));
        Assert.Empty(Check(tree.Root));
        var site = Assert.Single(Targets(tree.Root).Sites);
        Assert.Equal(("docker/Dockerfile", PlatformSiteKind.MakefileRecipe, "Makefile:6", true), (site.DockerfilePath, site.Kind, site.Where, site.IsKnown));

        File.Delete(Path.Combine(tree.Root, "Makefile"));
        var finding = Assert.Single(Check(tree.Root));
        Assert.Contains("the arm64 build fails", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Platforms_the_makefile_does_not_settle_leave_the_default_pair()
    {
        string root = Path.Combine(CasesRoot, "makefile-unknown");
        var project = Project.Open(root);
        var targets = project.Model(BuildTargets.Build);

        // PLATFORMS ?= (the environment may set it) and a target-specific EDGE_PLATFORMS: sites with unknown platforms.
        Assert.False(Assert.Single(targets.SitesFor("Dockerfile")).IsKnown);
        var worker = Assert.Single(targets.SitesFor("docker/Dockerfile.worker"));
        Assert.Equal((false, 0), (worker.IsKnown, worker.Platforms.Count));

        // $(DOCKER) with DOCKER ?= docker: not known to be docker at all.
        Assert.Empty(targets.SitesFor("docker/Dockerfile.edge"));

        var documents = project.Model(DockerfileSet.Build);
        foreach (string path in new[] { "Dockerfile", "docker/Dockerfile.worker", "docker/Dockerfile.edge" })
        {
            var platforms = targets.For(documents[path]!.FinalStage!);
            Assert.Equal((TargetOrigin.Default, "amd64 arm64"), (platforms.Origin, string.Join(' ', platforms.Architectures.Order(StringComparer.Ordinal))));
        }
    }

    [Theory]
    [InlineData("\tdocker buildx build --platform linux/arm64 .", "Dockerfile", "linux/arm64", true)]
    [InlineData("\t@sudo docker build --platform=linux/arm64 -f deploy/Dockerfile .", "deploy/Dockerfile", "linux/arm64", true)]
    [InlineData("\tdocker buildx build --platform $(PLATFORMS) --push .", "Dockerfile", "linux/ppc64le linux/s390x", true)]
    [InlineData("\tdocker buildx build --platform ${ALL} .", "Dockerfile", "linux/ppc64le linux/s390x linux/arm/v7", true)]
    [InlineData("\tdocker buildx build --platform linux/amd64,$(EXTRA) .", "Dockerfile", "linux/amd64", false)]
    [InlineData("\tdocker buildx build --platform $$PLATFORMS .", "Dockerfile", "", false)]
    [InlineData("\tdocker buildx build --platform $(shell cat platforms.txt) .", "Dockerfile", "", false)]
    [InlineData("\tdocker buildx build --platform $@ .", "Dockerfile", "", false)]
    [InlineData("\t$(BUILD) --platform linux/arm64 -f $(FILE) $(CONTEXT)", "deploy/Dockerfile", "linux/arm64", true)]
    [InlineData("\tcd deploy && docker buildx build --platform linux/arm64 .", "deploy/Dockerfile", "linux/arm64", true)]
    [InlineData("\tif [ -n \"$$CI\" ]; then docker buildx build --platform linux/arm64 .; fi", "Dockerfile", "linux/arm64", true)]
    [InlineData("\tdocker buildx build \\\n\t  --platform linux/amd64 \\\n\t  --platform linux/arm/v7 .", "Dockerfile", "linux/amd64 linux/arm/v7", true)]
    public void Build_commands_in_recipes_are_read(string recipe, string dockerfile, string platforms, bool known)
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM debian:bookworm-slim\n")
            .Write("Makefile", "PLATFORMS := linux/ppc64le,linux/s390x\nALL = $(PLATFORMS),linux/arm/v7\nEXTRA ?= linux/arm64\nBUILD := docker buildx build\nFILE := deploy/Dockerfile\nCONTEXT := .\n\nimage:\n" + recipe + "\n");
        var site = Assert.Single(Targets(tree.Root).Sites);
        Assert.Equal((dockerfile, platforms, known), (site.DockerfilePath, string.Join(' ', site.Platforms), site.IsKnown));
        Assert.Equal(("Makefile", 9, 2), (site.Location.Path, site.Location.Line, site.Location.Column));
    }

    [Theory]
    [InlineData("image:\n\tdocker build .\n")]
    [InlineData("image:\n\tcd $(DIR) && docker build --platform linux/arm64 .\n")]
    [InlineData("image:\n\tdocker buildx build --platform linux/arm64 -f $(FILE) .\n")]
    [InlineData("image:\n\tdocker buildx build --platform linux/arm64 -f '$(FILE)' .\n")]
    [InlineData("image:\n\tdocker build --platform linux/arm64 - < Dockerfile\n")]
    [InlineData("image:\n\techo docker build --platform linux/arm64 .\n")]
    [InlineData("define BUILD\n\tdocker build --platform linux/arm64 .\nendef\n")]
    [InlineData(".ONESHELL:\nimage:\n\tcd deploy\n\tdocker build --platform linux/arm64 .\n")]
    [InlineData("image:\n    docker build --platform linux/arm64 .\n")]
    [InlineData("ifeq ($(X),1)\nimage:\n\tdocker build --platform linux/arm64 .\n")]
    public void Recipes_whose_dockerfile_or_platform_is_not_known_are_not_sites(string makefile)
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM debian:bookworm-slim\n").Write("deploy/Dockerfile", "FROM debian:bookworm-slim\n").Write("Makefile", makefile);
        Assert.Empty(Targets(tree.Root).Sites);
    }

    [Fact]
    public void A_makefile_in_a_folder_builds_from_that_folder_and_adds_to_the_workflows()
    {
        using var tree = new TempTree();
        tree.Write("services/api/Dockerfile", "FROM debian:bookworm-slim\n")
            .Write("services/api/Makefile", "image:\n\tdocker buildx build --platform linux/arm64 -t api .\n")
            .Write(".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build --platform linux/amd64 services/api\n");
        var sites = Targets(tree.Root).SitesFor("services/api/Dockerfile");
        Assert.Equal([PlatformSiteKind.WorkflowCommand, PlatformSiteKind.MakefileRecipe], sites.Select(site => site.Kind));
        Assert.Equal("services/api/Makefile:2", sites[1].Where);
    }

    [Theory]
    [InlineData("\0\0\0binary")]
    [InlineData("image:\n\tdocker build --platform \"linux/arm64 .\n")]
    [InlineData("image:\n\tdocker build --platform $(\n")]
    [InlineData("image:\n\tdocker build --platform $(A)\nA = $(A)\n")]
    public void Broken_makefiles_give_no_crash_and_no_guess(string content) => AssertDefaultsStand(System.Text.Encoding.UTF8.GetBytes(content));

    [Fact]
    public void A_makefile_that_is_not_utf8_gives_no_crash_and_no_guess() =>
        AssertDefaultsStand([.. "image:\n\tdocker build --platform linux/amd64 . # "u8, 0xff, 0xfe, (byte)'\n']);

    private static void AssertDefaultsStand(byte[] makefile)
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y microsoft-edge-stable\n").WriteBytes("Makefile", makefile);
        var result = new CheckEngine([Analyzer()]).Run(Project.Open(tree.Root));
        Assert.Empty(result.Notes);
        Assert.Contains("the arm64 build fails", Assert.Single(result.Findings, finding => finding.RuleId == "DF041").Message, StringComparison.Ordinal);
    }

    private static RulesAnalyzer Analyzer() => new(new ArchOnlyPackageUnguardedRule(), new AptPackageUnavailableRule());

    private static List<Finding> Check(string root) => [.. new CheckEngine([Analyzer()]).Run(Project.Open(root)).Findings];

    private static BuildTargets Targets(string root) => Project.Open(root).Model(BuildTargets.Build);

    private static int LineOf(string root, string path, string text) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(root, path)), line => line.Contains(text, StringComparison.Ordinal)) + 1;
}
