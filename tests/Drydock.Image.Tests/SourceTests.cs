using Drydock.Image.Analysis;
using Drydock.Image.Sources;
using Drydock.Image.Tests.Support;
using Drydock.Testing;

namespace Drydock.Image.Tests;

/// <summary>The same image read from each kind of source, and the layer formats.</summary>
public sealed class SourceTests
{
    private static FixtureImage App() => Busybox.Image("amd64", new FixtureLayer([LayerFile.Symlink("usr/local/bin/python", "python3")], Compression.None, "RUN ln -s python3 /usr/local/bin/python")) with { Cmd = ["python"] };

    [BusyboxFact]
    public void ProgressNamesEveryLayerOfEveryPlatformBeforeReadingIt()
    {
        using var temp = new TempTree();
        var layout = ImageWriter.WriteLayout(temp.Path("img"), "v1", App(), Busybox.Image("arm64"));
        var seen = new List<ImageProgress>();
        var report = Inspect.Layout(layout, new ImageOptions { HostArchitecture = "amd64", Progress = new Collect(seen) }, tag: "v1");
        Assert.Equal(["linux/amd64 1/2", "linux/amd64 2/2", "linux/arm64 1/1"], seen.Select(step => $"{step.Platform} {step.Layer}/{step.Layers}").ToArray());
        var layers = report.Image.Platforms.SelectMany(platform => platform.Layers).Select(layer => layer.CompressedSize);
        Assert.Equal(layers, seen.Select(step => step.CompressedBytes));
    }

    private sealed class Collect(List<ImageProgress> into) : IProgress<ImageProgress>
    {
        public void Report(ImageProgress value) => into.Add(value);
    }

    [BusyboxFact]
    public void LegacyDockerSaveTarballIsRead()
    {
        using var temp = new TempTree();
        string archive = ImageWriter.WriteDockerSave(temp.Path("legacy.tar"), "crawler:latest", App(), docker25: false);
        var report = Inspect.Run(ImageReferences.Open("docker-archive:" + archive + ":latest", insecure: false));
        Assert.Contains(report.Findings, f => f.RuleId == "IM010");
        var platform = Assert.Single(report.Image.Platforms);
        Assert.Equal(2, platform.Layers.Count);
        Assert.Equal("RUN ln -s python3 /usr/local/bin/python", platform.Layers[1].CreatedBy);
    }

    [BusyboxFact]
    public void Docker25SaveTarballPrefersManifestJson()
    {
        using var temp = new TempTree();
        string archive = ImageWriter.WriteDockerSave(temp.Path("d25.tar"), "crawler:v2", App(), docker25: true);
        var report = Inspect.Run(ImageReferences.Open(archive, insecure: false));
        Assert.Contains(report.Findings, f => f.RuleId == "IM010");
        Assert.Equal(2, Assert.Single(report.Image.Platforms).Layers.Count);
    }

    [BusyboxFact]
    public void UnknownTagListsTheTagsPresent()
    {
        using var temp = new TempTree();
        string layout = ImageWriter.WriteLayout(temp.Path("img"), "v1", App());
        var report = Inspect.Run(ImageReferences.Open("oci:" + layout + ":v9", insecure: false));
        Assert.Contains(report.Findings, f => f.RuleId == "IM000" && f.Message.Contains("no image tagged 'v9'", StringComparison.Ordinal) && f.Message.Contains("v1", StringComparison.Ordinal));
    }

    [BusyboxFact]
    public void ZstdAndUncompressedLayersAreRead()
    {
        using var temp = new TempTree();
        var image = new FixtureImage("arm64", [Busybox.BaseLayer("arm64", Compression.Zstd), new FixtureLayer([LayerFile.Text("etc/motd", "hi")], Compression.None)]) { Cmd = ["/bin/sh"], User = "1000" };
        var report = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("img"), "latest", image), new ImageOptions { HostArchitecture = "arm64" });
        var platform = Assert.Single(report.Image.Platforms);
        Assert.Equal([LayerCompression.Zstd, LayerCompression.None], platform.Layers.Select(layer => layer.Compression).ToArray());
        Assert.Equal(CommandOutcome.Runs, platform.Entrypoint!.Outcome);
        Assert.True(platform.Layers[0].UncompressedSize > platform.Layers[0].CompressedSize);
    }

    [BusyboxFact]
    public void WhiteoutsAndOpaqueDirectoriesShapeTheEntrypoint()
    {
        using var temp = new TempTree();
        var addTool = new FixtureLayer([LayerFile.Dir("opt/"), LayerFile.Dir("opt/app/"), LayerFile.Exec("opt/app/run", Busybox.Binary("amd64")), new LayerFile("opt/app/data.bin", new byte[3000])]);
        var opaque = new FixtureLayer([LayerFile.Dir("opt/app/"), LayerFile.Text("opt/app/README", "gone"), new LayerFile("opt/app/.wh..wh..opq", [])]);
        var whiteout = new FixtureLayer([new LayerFile("bin/.wh.busybox", [])]);
        var opaqueReport = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("a"), "latest", Busybox.Image("amd64", addTool, opaque) with { Cmd = ["/opt/app/run"] }), new ImageOptions { MinEfficiency = 0.9, HostArchitecture = "amd64" });
        Assert.Contains(opaqueReport.Findings, f => f.RuleId == "IM010" && f.Message.Contains("/opt/app/run does not exist", StringComparison.Ordinal));
        var platform = Assert.Single(opaqueReport.Image.Platforms);
        Assert.Equal(3000 + Busybox.Binary("amd64").Length, platform.WastedBytes);
        Assert.Contains(opaqueReport.Findings, f => f.RuleId == "IM041");

        var whiteoutReport = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("b"), "latest", Busybox.Image("amd64", whiteout)));
        Assert.Contains(whiteoutReport.Findings, f => f.RuleId == "IM010" && f.Message.Contains("/bin/busybox does not exist", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("oci:/tmp/x", "oci")]
    [InlineData("oci:/tmp/x:v1", "oci")]
    [InlineData("docker-archive:/tmp/x.tar", "archive")]
    [InlineData("ghcr.io/owner/crawler:sha-123", "registry")]
    [InlineData("127.0.0.1:5000/app@sha256:0000000000000000000000000000000000000000000000000000000000000000", "registry")]
    [InlineData("busybox", "registry")]
    public void ReferencesAreClassified(string reference, string kind)
    {
        Assert.Equal(kind, ImageReferences.Classify(reference));
    }

    [Theory]
    [InlineData("busybox", "registry-1.docker.io", "library/busybox", "latest")]
    [InlineData("ghcr.io/owner/crawler:sha-123", "ghcr.io", "owner/crawler", "sha-123")]
    [InlineData("localhost:5000/a/b", "localhost:5000", "a/b", "latest")]
    [InlineData("owner/app:1.0", "registry-1.docker.io", "owner/app", "1.0")]
    public void RegistryReferencesParse(string text, string registry, string repository, string reference)
    {
        var parsed = RegistryReference.Parse(text)!;
        Assert.Equal((registry, repository, reference), (parsed.Registry, parsed.Repository, parsed.Reference));
    }
}
