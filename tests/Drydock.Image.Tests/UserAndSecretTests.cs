using Drydock.Image.Analysis;
using Drydock.Image.Tests.Support;
using Drydock.Testing;

namespace Drydock.Image.Tests;

public sealed class UserAndSecretTests
{
    private static ImageReport Run(TempTree temp, FixtureImage image, ImageOptions? options = null) =>
        Inspect.Layout(ImageWriter.WriteLayout(temp.Path(Guid.NewGuid().ToString("N")), "latest", image), options);

    [BusyboxFact]
    public void UserNamesAreLookedUpInPasswd()
    {
        using var temp = new TempTree();
        Assert.Contains(Run(temp, Busybox.Image("amd64") with { User = "worker" }).Findings, f => f.RuleId == "IM020" && f.Message.Contains("unable to find user worker", StringComparison.Ordinal));
        Assert.DoesNotContain(Run(temp, Busybox.Image("amd64") with { User = "app" }).Findings, f => f.RuleId is "IM020" or "IM021");
        Assert.DoesNotContain(Run(temp, Busybox.Image("amd64") with { User = "4242:4242" }).Findings, f => f.RuleId == "IM020");
        Assert.Contains(Run(temp, Busybox.Image("amd64") with { User = "app:nogroup" }).Findings, f => f.RuleId == "IM020");
    }

    [BusyboxFact]
    public void RootIsReported()
    {
        using var temp = new TempTree();
        Assert.Contains(Run(temp, Busybox.Image("amd64") with { User = "" }).Findings, f => f.RuleId == "IM021" && f.Message.Contains("no USER", StringComparison.Ordinal));
        Assert.Contains(Run(temp, Busybox.Image("amd64") with { User = "root" }).Findings, f => f.RuleId == "IM021");
    }

    [BusyboxFact]
    public void WorkdirAndVolumeMustBeWritableByTheUser()
    {
        using var temp = new TempTree();
        var dirs = new FixtureLayer([LayerFile.Dir("srv/"), LayerFile.Dir("workspace/", uid: 1000, gid: 1000), LayerFile.Dir("data/")]);
        var bad = Run(temp, Busybox.Image("amd64", dirs) with { User = "app", WorkingDir = "/srv", Volumes = ["/data", "/cache"] });
        Assert.Equal(3, bad.Findings.Count(f => f.RuleId == "IM022"));
        var good = Run(temp, Busybox.Image("amd64", dirs) with { User = "app", WorkingDir = "/workspace", Volumes = ["/workspace", "/tmp"] });
        Assert.DoesNotContain(good.Findings, f => f.RuleId == "IM022");
    }

    [BusyboxFact]
    public void SetuidAndWorldWritablePathFilesAreListed()
    {
        using var temp = new TempTree();
        var layer = new FixtureLayer([new LayerFile("usr/local/bin/su", Busybox.Binary("amd64"), 0b100_111_101_101), new LayerFile("usr/local/bin/tool", [1], 0b111_111_111)]);
        var report = Run(temp, Busybox.Image("amd64", layer));
        Assert.Contains(report.Findings, f => f.RuleId == "IM023" && f.Evidence.Contains("/usr/local/bin/su mode 4755", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.RuleId == "IM024" && f.Evidence.Contains("/usr/local/bin/tool mode 777", StringComparison.Ordinal));
        // /tmp is world-writable but sticky and not on PATH: quiet.
        Assert.DoesNotContain(Run(temp, Busybox.Image("amd64")).Findings, f => f.RuleId is "IM023" or "IM024");
    }

    [BusyboxFact]
    public void SecretsInEnvHistoryAndFilesAreReportedRedacted()
    {
        using var temp = new TempTree();
        const string token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
        var files = new FixtureLayer(
        [
            LayerFile.Dir("home/"), LayerFile.Dir("home/app/"),
            LayerFile.Text("home/app/.npmrc", "//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789\n"),
            LayerFile.Text("app/.env", "DATABASE_URL=postgres://u:p@db/x\n"),
            LayerFile.Dir("home/app/.docker/"),
            LayerFile.Text("home/app/.docker/config.json", "{\"auths\":{\"ghcr.io\":{\"auth\":\"dXNlcjpwYXNz\"}}}"),
            LayerFile.Text("app/docs/.npmrc", "registry=https://registry.npmjs.org/\n"),
        ], CreatedBy: $"|1 GHCR_PAT={token} /bin/sh -c echo building");
        var image = Busybox.Image("amd64", files) with { Env = ["PATH=/usr/bin:/bin", "API_TOKEN=s3cr3t-value-123", "PASSWORD_FILE=/run/secrets/db", "PYTHONUNBUFFERED=1"] };
        var report = Run(temp, image);
        var env = Assert.Single(report.Findings, f => f.RuleId == "IM035");
        Assert.Contains("API_TOKEN", env.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", env.Evidence, StringComparison.Ordinal);
        var history = Assert.Single(report.Findings, f => f.RuleId == "IM036");
        Assert.DoesNotContain(token, history.Evidence, StringComparison.Ordinal);
        Assert.Contains("GHCR_PAT", history.Message, StringComparison.Ordinal);
        var secretFiles = report.Findings.Where(f => f.RuleId == "IM037").Select(f => f.Location.Path.Split(' ').Last()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["/app/.env", "/home/app/.docker/config.json", "/home/app/.npmrc"], secretFiles);
    }

    [BusyboxFact]
    public void SizeBudgetAndEfficiencyBudgetFailTheRun()
    {
        using var temp = new TempTree();
        var big = new FixtureLayer([new LayerFile("data.bin", new byte[3_000_000])]);
        var gone = new FixtureLayer([new LayerFile(".wh.data.bin", [])]);
        var report = Run(temp, Busybox.Image("amd64", big, gone), new ImageOptions { MaxSizeBytes = ImageOptions.ParseSize("1MB"), MinEfficiency = 0.5, HostArchitecture = "amd64" });
        Assert.Contains(report.Findings, f => f.RuleId == "IM040" && f.Message.Contains("over the 1 MB budget", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.RuleId == "IM041" && f.Evidence.Contains("/data.bin: 3 MB from layer 2, removed or replaced by layer 3", StringComparison.Ordinal));
        var within = Run(temp, Busybox.Image("amd64"), new ImageOptions { MaxSizeBytes = ImageOptions.ParseSize("100MB"), MinEfficiency = 0.95, HostArchitecture = "amd64" });
        Assert.DoesNotContain(within.Findings, f => f.RuleId is "IM040" or "IM041");
    }

    [Theory]
    [InlineData("100MB", 100_000_000L)]
    [InlineData("1.5GiB", 1_610_612_736L)]
    [InlineData("2048", 2048L)]
    [InlineData("12 parsecs", null)]
    public void SizesParse(string text, long? bytes) => Assert.Equal(bytes, ImageOptions.ParseSize(text));
}
