using System.Diagnostics;
using Drydock.Image.Analysis;
using Drydock.Image.Tests.Support;
using Drydock.Testing;

namespace Drydock.Image.Tests;

/// <summary>An image built by umoci from tests/fixtures/images, so the reader meets another tool's tars and JSON.</summary>
public sealed class UmociFixtureTests
{
    [ToolFact("umoci")]
    public void UmociBuiltImageWithDanglingPythonSymlink()
    {
        using var temp = new TempTree();
        var script = Process.Start(new ProcessStartInfo("bash", [RepoRoot.Combine("tests", "fixtures", "images", "umoci-dangling-python.sh"), temp.Root, Path.Combine(Busybox.Directory, "busybox-arm64")]) { RedirectStandardError = true })!;
        string error = script.StandardError.ReadToEnd();
        Assert.True(script.WaitForExit(120_000) && script.ExitCode == 0, error);
        var report = Inspect.Layout(temp.Path("img"), new ImageOptions { HostArchitecture = "arm64" }, tag: "latest");
        Assert.Equal(["IM010", "IM030"], Inspect.Ids(report));
        var platform = Assert.Single(report.Image.Platforms);
        Assert.Equal("linux/arm64", platform.Label);
        Assert.Contains("/usr/local/bin/python -> python3", platform.Entrypoint!.Steps);
    }
}
