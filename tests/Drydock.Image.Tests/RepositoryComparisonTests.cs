using Drydock.Findings;
using Drydock.Image.Analysis;
using Drydock.Image.Matching;
using Drydock.Image.Sources;
using Drydock.Image.Tests.Support;
using Drydock.Testing;

namespace Drydock.Image.Tests;

/// <summary>
/// `drydock image REF --repo DIR`: the busybox fixture images compared with small fixture repositories written per test.
/// Each case asserts the exact set of repository findings (IM045-IM049), so the rules that should stay quiet are checked too.
/// </summary>
public sealed class RepositoryComparisonTests
{
    private const string HealthyDockerfile = """
        FROM debian:bookworm-slim
        USER 1000
        HEALTHCHECK --interval=30s CMD ["/bin/wget", "-q", "-O-", "http://localhost:8080/health"]
        ENTRYPOINT ["/bin/sh"]
        CMD ["-c", "echo serving"]
        """;

    private static readonly string[] RepositoryRules = ["IM045", "IM046", "IM047", "IM048", "IM049"];

    /// <summary>The image HealthyDockerfile builds, in Docker media types (which keep Healthcheck).</summary>
    private static FixtureImage Healthy(string architecture = "amd64") => Busybox.Image(architecture) with
    {
        Entrypoint = ["/bin/sh"],
        Cmd = ["-c", "echo serving"],
        Healthcheck = ["CMD", "/bin/wget", "-q", "-O-", "http://localhost:8080/health"],
        DockerMediaTypes = true,
    };

    private static ImageReport Run(TempTree temp, RepositoryOptions? repository, string tag, params FixtureImage[] images)
    {
        string layout = ImageWriter.WriteLayout(temp.Path("image-" + Guid.NewGuid().ToString("N")), tag, images);
        return Inspect.Layout(layout, new ImageOptions { HostArchitecture = "amd64", Repository = repository });
    }

    private static ImageReport Run(TempTree temp, string repo, params FixtureImage[] images) =>
        Run(temp, new RepositoryOptions(temp.Path(repo)), "latest", images);

    private static List<Finding> RepositoryFindings(ImageReport report) => [.. report.Findings.Where(f => RepositoryRules.Contains(f.RuleId))];

    private static string[] Ids(ImageReport report) => [.. RepositoryFindings(report).Select(f => f.RuleId).Order(StringComparer.Ordinal)];

    private static Finding Summary(ImageReport report) => Assert.Single(report.Findings, f => f.RuleId == "IM049");

    [BusyboxFact]
    public void AnImageBuiltFromTheOnlyDockerfileReportsOnlyWhatWasCompared()
    {
        using var temp = new TempTree();
        temp.Write("repo/Dockerfile", HealthyDockerfile);
        var report = Run(temp, "repo", Healthy());
        Assert.Equal(["IM049"], Ids(report));
        var summary = Summary(report);
        Assert.Equal(Severity.Info, summary.Severity);
        Assert.Contains("stage 0 (line 1), chosen because it is the only Dockerfile in", summary.Message, StringComparison.Ordinal);
        Assert.Contains("compared: USER, HEALTHCHECK, ENTRYPOINT/CMD", summary.Evidence, StringComparison.Ordinal);
        Assert.Contains("not compared: platform: nothing asks for one", summary.Evidence, StringComparison.Ordinal);

        // The layout's ref.name "latest" is a bare tag, not a repository.
        Assert.Contains("image names looked for: none", summary.Evidence, StringComparison.Ordinal);
    }

    [BusyboxFact]
    public void DockerSaveRepoTagsNameTheImageForCompose()
    {
        using var temp = new TempTree();
        temp.Write("repo/api/Dockerfile", "FROM debian:bookworm-slim\nUSER 1000\nCMD [\"/bin/sh\"]\n");
        temp.Write("repo/worker/Dockerfile", "FROM debian:bookworm-slim\nUSER worker\nCMD [\"/bin/sh\"]\n");
        temp.Write("repo/compose.yaml", "services:\n  api:\n    image: ghcr.io/acme/api\n    build: ./api\n  worker:\n    image: ghcr.io/acme/worker\n    build: ./worker\n");
        foreach (bool docker25 in new[] { false, true })
        {
            string archive = ImageWriter.WriteDockerSave(temp.Path($"api-{docker25}.tar"), "ghcr.io/acme/api:1.0", Busybox.Image("amd64"), docker25);
            var report = Inspect.Run(new DockerArchiveSource(archive, null, "docker-archive:" + archive), new ImageOptions { HostArchitecture = "amd64", Repository = new RepositoryOptions(temp.Path("repo")) });
            Assert.Equal(["IM049"], Ids(report));
            var summary = Summary(report);
            Assert.Contains("repo/api/Dockerfile stage 0", summary.Message, StringComparison.Ordinal);
            Assert.Contains("image names looked for: ghcr.io/acme/api", summary.Evidence, StringComparison.Ordinal);
        }
    }

    [BusyboxFact]
    public void WithoutRepoNoRepositoryFindingAppears()
    {
        using var temp = new TempTree();
        Assert.Empty(Ids(Run(temp, null, "latest", Healthy() with { User = "" })));
    }

    [BusyboxFact]
    public void UserOfTheShippedStageMustReachTheImage()
    {
        using var temp = new TempTree();
        temp.Write("repo/Dockerfile", HealthyDockerfile);
        var report = Run(temp, "repo", Healthy() with { User = "" });
        Assert.Equal(["IM045", "IM049"], Ids(report));
        var finding = Assert.Single(report.Findings, f => f.RuleId == "IM045");
        Assert.EndsWith("repo/Dockerfile", finding.Location.Path, StringComparison.Ordinal);
        Assert.Equal(2, finding.Location.Line);
        Assert.Contains("ends with USER 1000, but the image", finding.Message, StringComparison.Ordinal);
        Assert.Contains("runs as root (its config sets no User) on linux/amd64", finding.Message, StringComparison.Ordinal);
        Assert.Contains("USER 1000\nimage config User: \"\"", finding.Evidence, StringComparison.Ordinal);
        Assert.Contains("[linux/amd64]", Assert.Single(finding.Related).Location.Path, StringComparison.Ordinal);

        // An inline pragma on the USER instruction silences it, as in `drydock check`.
        temp.Write("quiet/Dockerfile", HealthyDockerfile.Replace("USER 1000", "# drydock ignore=IM045\nUSER 1000", StringComparison.Ordinal));
        Assert.Equal(["IM049"], Ids(Run(temp, "quiet", Healthy() with { User = "" })));

        // A Dockerfile without USER leaves the base image's user: not compared, and said so.
        temp.Write("other/Dockerfile", "FROM debian:bookworm-slim\nCMD [\"/bin/sh\"]\n");
        var unset = Run(temp, "other", Busybox.Image("amd64") with { User = "" });
        Assert.Equal(["IM049"], Ids(unset));
        Assert.Contains("not compared: USER: ", Summary(unset).Evidence, StringComparison.Ordinal);
    }

    [BusyboxFact]
    public void HealthcheckLostInOciConversionIsToldApartFromAnotherBuild()
    {
        using var temp = new TempTree();
        temp.Write("repo/Dockerfile", HealthyDockerfile);
        var oci = Run(temp, "repo", Healthy() with { Healthcheck = null, DockerMediaTypes = false });
        Assert.Equal(["IM046", "IM049"], Ids(oci));
        var lost = Assert.Single(oci.Findings, f => f.RuleId == "IM046");
        Assert.Equal(3, lost.Location.Line);
        Assert.Contains("likely lost in conversion (docker buildx with oci-mediatypes=true drops it)", lost.Message, StringComparison.Ordinal);
        Assert.Contains("application/vnd.oci.image.config.v1+json", lost.Evidence, StringComparison.Ordinal);

        var docker = Run(temp, "repo", Healthy() with { Healthcheck = null });
        var other = Assert.Single(docker.Findings, f => f.RuleId == "IM046");
        Assert.Contains("not built from this Dockerfile or stage", other.Message, StringComparison.Ordinal);
    }

    [BusyboxFact]
    public void CommandsAreComparedAsTheBuilderResolvesThem()
    {
        using var temp = new TempTree();
        temp.Write("repo/Dockerfile", """
            FROM python:3.12-slim
            USER 1000
            CMD ["python", "-m", "cc_executor.core.main", "--server"]
            """);
        var stale = Run(temp, "repo", Busybox.Image("amd64") with { Cmd = ["python", "-m", "cc_executor.core.main"] });
        Assert.Equal(["IM047", "IM049"], Ids(stale));
        var finding = Assert.Single(stale.Findings, f => f.RuleId == "IM047");
        Assert.Equal(3, finding.Location.Line);
        Assert.Contains("has another Cmd than", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Dockerfile: ENTRYPOINT (from the base image), CMD [\"python\", \"-m\", \"cc_executor.core.main\", \"--server\"]", finding.Evidence, StringComparison.Ordinal);
        Assert.Contains("image:      Entrypoint (none), Cmd [\"python\", \"-m\", \"cc_executor.core.main\"]", finding.Evidence, StringComparison.Ordinal);
        Assert.Contains("not compared: ENTRYPOINT: ", Summary(stale).Evidence, StringComparison.Ordinal);

        // A shell-form CMD continued over two lines is /bin/sh -c with the lines joined.
        temp.Write("shell/Dockerfile", "FROM scratch\nUSER 1000\nCMD exec /bin/busybox \\\n    httpd -f\n");
        var shell = Run(temp, "shell", Busybox.Image("amd64") with { Cmd = ["/bin/sh", "-c", "exec /bin/busybox httpd -f"] });
        Assert.Equal(["IM049"], Ids(shell));
        Assert.Contains("compared: USER, ENTRYPOINT/CMD", Summary(shell).Evidence, StringComparison.Ordinal);

        // An ENTRYPOINT in the final stage clears the CMD inherited from the stage it is built FROM.
        temp.Write("reset/Dockerfile", "FROM scratch AS base\nCMD [\"serve\"]\nFROM base\nUSER 1000\nENTRYPOINT [\"/bin/busybox\", \"httpd\"]\n");
        Assert.Equal(["IM049"], Ids(Run(temp, "reset", Busybox.Image("amd64") with { Entrypoint = ["/bin/busybox", "httpd"], Cmd = [] })));
        var kept = Run(temp, "reset", Busybox.Image("amd64") with { Entrypoint = ["/bin/busybox", "httpd"], Cmd = ["serve"] });
        Assert.Equal(5, Assert.Single(kept.Findings, f => f.RuleId == "IM047").Location.Line);
    }

    [BusyboxFact]
    public void ComposePlatformMustBeAmongTheImagePlatforms()
    {
        using var temp = new TempTree();
        temp.Write("repo/Dockerfile", HealthyDockerfile);
        temp.Write("repo/compose.yaml", "services:\n  crawler:\n    image: ghcr.io/acme/crawler:latest\n    platform: linux/amd64\n");
        var local = Run(temp, new RepositoryOptions(temp.Path("repo")), "ghcr.io/acme/crawler:latest", Healthy("arm64"));
        Assert.Equal(["IM048", "IM049"], Ids(local));
        var finding = Assert.Single(local.Findings, f => f.RuleId == "IM048");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.EndsWith("repo/compose.yaml", finding.Location.Path, StringComparison.Ordinal);
        Assert.Equal(4, finding.Location.Line);
        Assert.Contains("compose service 'crawler' platform: asks for linux/amd64, but the image", finding.Message, StringComparison.Ordinal);
        Assert.Contains("has only linux/arm64", finding.Message, StringComparison.Ordinal);
        Assert.Contains("compose services for this image: crawler", Summary(local).Evidence, StringComparison.Ordinal);

        // The same service against the multi-arch index: amd64 is there.
        var index = Run(temp, new RepositoryOptions(temp.Path("repo")), "ghcr.io/acme/crawler:latest", Healthy("amd64"), Healthy("arm64"));
        Assert.Equal(["IM049"], Ids(index));
    }

    [BusyboxFact]
    public void FieldCaseAReportsOnlyRealMismatches()
    {
        // Compose asks for no platform; the laptop's local image is arm64 while the pushed index has amd64 and arm64.
        using var temp = new TempTree();
        temp.Write("repo/Dockerfile", HealthyDockerfile);
        temp.Write("repo/compose.yaml", "services:\n  crawl4ai-mcp-server:\n    image: ghcr.io/acme/crawl4ai-mcp:latest\n");
        var options = new RepositoryOptions(temp.Path("repo"));
        var localArm = Run(temp, options, "ghcr.io/acme/crawl4ai-mcp:latest", Healthy("arm64"));
        Assert.Equal(["IM049"], Ids(localArm));
        var index = Run(temp, options, "ghcr.io/acme/crawl4ai-mcp:latest", Healthy("amd64"), Healthy("arm64"));
        Assert.Equal(["IM049"], Ids(index));
        Assert.Contains("not compared: platform: nothing asks for one", Summary(index).Evidence, StringComparison.Ordinal);

        // A FROM --platform pinned on the shipped stage is a real request.
        temp.Write("pinned/Dockerfile", "FROM --platform=linux/amd64 debian:bookworm-slim\nUSER 1000\nCMD [\"/bin/sh\"]\n");
        var pinned = Run(temp, "pinned", Busybox.Image("arm64"));
        var finding = Assert.Single(pinned.Findings, f => f.RuleId == "IM048");
        Assert.Equal(1, finding.Location.Line);
        Assert.Contains("FROM --platform of stage 0 asks for linux/amd64", finding.Message, StringComparison.Ordinal);

        // --platform=$BUILDPLATFORM depends on the build: not compared.
        temp.Write("build/Dockerfile", "FROM --platform=$BUILDPLATFORM debian:bookworm-slim\nUSER 1000\nCMD [\"/bin/sh\"]\n");
        var build = Run(temp, "build", Busybox.Image("arm64"));
        Assert.Equal(["IM049"], Ids(build));
        Assert.Contains("not compared: platform: FROM --platform=$BUILDPLATFORM", Summary(build).Evidence, StringComparison.Ordinal);
    }

    [BusyboxFact]
    public void SeveralDockerfilesAreNeverGuessed()
    {
        using var temp = new TempTree();
        temp.Write("repo/api/Dockerfile", "FROM debian:bookworm-slim\nUSER api\nCMD [\"/bin/sh\"]\n");
        temp.Write("repo/worker/Dockerfile", "FROM debian:bookworm-slim\nUSER worker\nCMD [\"/bin/sh\"]\n");
        var image = Busybox.Image("amd64") with { User = "root" };
        var ambiguous = Run(temp, "repo", image);
        Assert.Equal(["IM049"], Ids(ambiguous));
        var summary = Summary(ambiguous);
        Assert.Contains("not compared with a Dockerfile: 2 Dockerfiles or stages could have built the image", summary.Message, StringComparison.Ordinal);
        Assert.Contains("repo/api/Dockerfile", summary.Evidence, StringComparison.Ordinal);
        Assert.Contains("repo/worker/Dockerfile", summary.Evidence, StringComparison.Ordinal);
        Assert.Contains("compared: nothing", summary.Evidence, StringComparison.Ordinal);

        // The title label names the folder: matched, and the mismatch is reported.
        var titled = Run(temp, "repo", image with { Labels = new Dictionary<string, string> { [RepositoryMatcher.TitleLabel] = "worker" } });
        Assert.Equal(["IM045", "IM049"], Ids(titled));
        Assert.EndsWith("repo/worker/Dockerfile", Assert.Single(titled.Findings, f => f.RuleId == "IM045").Location.Path, StringComparison.Ordinal);
        Assert.Contains("narrowed by the label org.opencontainers.image.title=worker", Summary(titled).Message, StringComparison.Ordinal);

        // --dockerfile names it outright.
        var named = Run(temp, new RepositoryOptions(temp.Path("repo")) { Dockerfile = "api/Dockerfile" }, "latest", image with { User = "api" });
        Assert.Equal(["IM049"], Ids(named));
        Assert.Contains("chosen because --dockerfile api/Dockerfile", Summary(named).Message, StringComparison.Ordinal);
    }

    [BusyboxFact]
    public void TheComposeServiceNamingTheImageChoosesDockerfileAndTarget()
    {
        using var temp = new TempTree();
        temp.Write("repo/deployment/Dockerfile", "FROM python:3.12-slim AS runtime\nUSER 1000\nCMD [\"python\", \"-m\", \"app\"]\nFROM runtime AS debug\nUSER root\n");
        temp.Write("repo/other/Dockerfile", "FROM debian:bookworm-slim\nCMD [\"/bin/sh\"]\n");
        temp.Write("repo/deployment/compose.yaml", """
            name: stack
            services:
              api:
                image: ghcr.io/acme/api:${TAG:-dev}
                build:
                  context: ..
                  dockerfile: deployment/Dockerfile
                  target: runtime
              helper:
                build:
                  context: ../other
            """);
        var options = new RepositoryOptions(temp.Path("repo"));
        var api = Run(temp, options, "ghcr.io/acme/api:1.0", Busybox.Image("amd64") with { User = "root", Cmd = ["python", "-m", "app"] });
        Assert.Equal(["IM045", "IM049"], Ids(api));
        var user = Assert.Single(api.Findings, f => f.RuleId == "IM045");
        Assert.EndsWith("repo/deployment/Dockerfile", user.Location.Path, StringComparison.Ordinal);
        Assert.Equal(2, user.Location.Line);
        Assert.Contains("compose service 'api'", Summary(api).Message, StringComparison.Ordinal);
        Assert.Contains("stage runtime", Summary(api).Message, StringComparison.Ordinal);

        // --target overrides compose's: the debug stage ends as root.
        var debug = Run(temp, options with { Target = "debug" }, "ghcr.io/acme/api:1.0", Busybox.Image("amd64") with { User = "root", Cmd = ["python", "-m", "app"] });
        Assert.Equal(["IM049"], Ids(debug));

        // A service without image: is built as <project>-<service>.
        var helper = Run(temp, options, "stack-helper:latest", Busybox.Image("amd64") with { Cmd = ["/bin/bash"] });
        Assert.Equal(["IM047", "IM049"], Ids(helper));
        Assert.EndsWith("repo/other/Dockerfile", Assert.Single(helper.Findings, f => f.RuleId == "IM047").Location.Path, StringComparison.Ordinal);
        Assert.Contains("compose's default name stack-helper", Summary(helper).Message, StringComparison.Ordinal);
    }

    [BusyboxFact]
    public void SourceAndRevisionLabelsAreCheckedAgainstTheGitFolder()
    {
        using var temp = new TempTree();
        temp.Write("repo/Dockerfile", HealthyDockerfile);
        temp.Write("repo/.git/HEAD", "ref: refs/heads/main\n");
        temp.Write("repo/.git/refs/heads/main", new string('a', 40) + "\n");
        temp.Write("repo/.git/config", "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = git@github.com:Acme/crawler.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n");
        var elsewhere = Run(temp, "repo", Healthy() with { User = "", Labels = new Dictionary<string, string> { [RepositoryMatcher.SourceLabel] = "https://github.com/someone/else" } });
        Assert.Equal(["IM049"], Ids(elsewhere));
        Assert.Contains("it was built from another repository", Summary(elsewhere).Message, StringComparison.Ordinal);

        var older = Run(temp, "repo", Healthy() with
        {
            Labels = new Dictionary<string, string> { [RepositoryMatcher.SourceLabel] = "https://github.com/acme/crawler", [RepositoryMatcher.RevisionLabel] = new string('b', 40) },
        });
        Assert.Equal(["IM049"], Ids(older));
        Assert.Contains("note: the image was built from revision bbbbbbbbbbbb; the repository is at aaaaaaaaaaaa", Summary(older).Evidence, StringComparison.Ordinal);
    }

    [BusyboxFact]
    public void BadRepositoriesGiveAClearSummaryNotACrash()
    {
        using var temp = new TempTree();
        var image = Busybox.Image("amd64");
        Assert.Contains("no such folder", Summary(Run(temp, "missing", image)).Message, StringComparison.Ordinal);

        Directory.CreateDirectory(temp.Path("empty"));
        Assert.Contains("no Dockerfile in", Summary(Run(temp, "empty", image)).Message, StringComparison.Ordinal);

        temp.WriteBytes("binary/Dockerfile", [0x46, 0x52, 0x4f, 0x4d, 0x00, 0xff, 0xfe, 0x00]);
        var binary = Run(temp, "binary", image);
        Assert.Equal(["IM049"], Ids(binary));
        Assert.Contains("could not be read", Summary(binary).Message, StringComparison.Ordinal);

        temp.Write("broken/Dockerfile", "FROM\nUSER \"unterminated\nCMD [\"/bin/sh\"\n");
        temp.Write("broken/compose.yaml", "services: [unclosed\n");
        Assert.Single(Run(temp, "broken", image).Findings, f => f.RuleId == "IM049");

        // An image that cannot be read compares nothing, and says so.
        temp.Write("unread/Dockerfile", HealthyDockerfile);
        string layout = ImageWriter.WriteLayout(temp.Path("unreadable-image"), "latest", image);
        foreach (string blob in Directory.GetFiles(Path.Combine(layout, "blobs", "sha256")))
        {
            File.WriteAllText(blob, "tampered");
        }

        var unreadable = Inspect.Layout(layout, new ImageOptions { HostArchitecture = "amd64", Repository = new RepositoryOptions(temp.Path("unread")) });
        Assert.Equal(["IM049"], Ids(unreadable));
        Assert.Contains("compared: nothing", Summary(unreadable).Evidence, StringComparison.Ordinal);
        Assert.Contains("not compared: USER: the image's config could not be read", Summary(unreadable).Evidence, StringComparison.Ordinal);

        temp.Write("stages/Dockerfile", HealthyDockerfile);
        var noStage = Run(temp, new RepositoryOptions(temp.Path("stages")) { Target = "prod" }, "latest", image);
        Assert.Contains("has no stage 'prod' (stages: 0)", Summary(noStage).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImageNamesAreNormalisedLikeTheEngine()
    {
        Assert.Equal("docker.io/library/python", RepositoryMatcher.NameKey("python:3.12"));
        Assert.Equal("docker.io/library/python", RepositoryMatcher.NameKey("docker.io/library/python"));
        Assert.Equal("ghcr.io/acme/api", RepositoryMatcher.NameKey("GHCR.io/Acme/api@sha256:" + new string('0', 64)));
        Assert.Equal("localhost:5000/x", RepositoryMatcher.NameKey("localhost:5000/x:1"));
        Assert.Null(RepositoryMatcher.NameKey("ghcr.io/acme/${IMAGE}"));
        Assert.Null(RepositoryMatcher.NameKey(""));
    }

    [Fact]
    public void RepositoryRulesAreListedAndDocumented()
    {
        var ids = ImageAnalyzer.Rules.Select(rule => rule.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(RepositoryRules, id => Assert.Contains(id, ids));
        foreach (string id in RepositoryRules)
        {
            string page = File.ReadAllText(RepoRoot.Combine("docs", "rules", id + ".md"));
            foreach (string section in new[] { "## Why it matters", "## Fires on", "## Quiet on", "## Fix", "## Configuration", "| Severity | Kind | Fixable | Equivalent |" })
            {
                Assert.Contains(section, page, StringComparison.Ordinal);
            }
        }
    }
}
