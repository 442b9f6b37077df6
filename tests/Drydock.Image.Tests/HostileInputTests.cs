using System.IO.Compression;
using Drydock.Image.Sources;
using Drydock.Image.Tests.Support;
using Drydock.Testing;

namespace Drydock.Image.Tests;

/// <summary>Broken and malicious images give a clear finding, never an exception, and nothing is written.</summary>
public sealed class HostileInputTests
{
    private static FixtureImage Plain(params FixtureLayer[] layers) => new("amd64", layers) { Cmd = ["/app"], User = "1000" };

    private static string LayerBlob(string layout) =>
        Directory.GetFiles(Path.Combine(layout, "blobs", "sha256")).OrderByDescending(file => new FileInfo(file).Length).First();

    [Fact]
    public void TamperedLayerIsADigestMismatch()
    {
        using var temp = new TempTree();
        string layout = ImageWriter.WriteLayout(temp.Path("img"), "latest", Plain(new FixtureLayer([new LayerFile("app", new byte[4000], 0b111_101_101)], Compression.None)));
        string blob = LayerBlob(layout);
        byte[] bytes = File.ReadAllBytes(blob);
        bytes[600] ^= 0xFF;
        File.WriteAllBytes(blob, bytes);
        var report = Inspect.Layout(layout);
        var finding = Assert.Single(report.Findings, f => f.RuleId == "IM001");
        Assert.Contains("digest mismatch", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedLayerIsUnreadable()
    {
        using var temp = new TempTree();
        string layout = ImageWriter.WriteLayout(temp.Path("img"), "latest", Plain(new FixtureLayer([new LayerFile("app", new byte[40000], 0b111_101_101)], Compression.None)));
        string blob = LayerBlob(layout);
        File.WriteAllBytes(blob, File.ReadAllBytes(blob)[..1500]);
        var report = Inspect.Layout(layout);
        Assert.Contains(report.Findings, f => f.RuleId is "IM000" && f.Message.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void GzipBombStopsAtTheLimit()
    {
        using var temp = new TempTree();
        string layout = ImageWriter.WriteLayout(temp.Path("img"), "latest", Plain(new FixtureLayer([new LayerFile("zeros", new byte[20_000_000])])));
        var limits = new DecompressionLimits(MaxBytes: 50_000_000, MaxRatio: 100, RatioGraceBytes: 1_000_000);
        var report = Inspect.Layout(layout, new Analysis.ImageOptions { Limits = limits, HostArchitecture = "amd64" });
        Assert.Contains(report.Findings, f => f.RuleId == "IM000" && f.Message.Contains("decompression bomb", StringComparison.Ordinal));
        var absolute = Inspect.Layout(layout, new Analysis.ImageOptions { Limits = new DecompressionLimits(5_000_000, 10_000, 1L << 40), HostArchitecture = "amd64" });
        Assert.Contains(absolute.Findings, f => f.RuleId == "IM000" && f.Message.Contains("more than 5000000 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public void PathTraversalEntriesAreReportedAndNothingIsWritten()
    {
        using var temp = new TempTree();
        string layout = ImageWriter.WriteLayout(temp.Path("img"), "latest", Plain(new FixtureLayer(
        [
            new LayerFile("../../../tmp/drydock-escape-" + Guid.NewGuid().ToString("N"), [1, 2, 3]),
            new LayerFile("/etc/cron.d/evil", [1]),
            LayerFile.HardLink("app", "does/not/exist"),
        ])));
        var before = Directory.GetFileSystemEntries(temp.Root, "*", SearchOption.AllDirectories).Length;
        var report = Inspect.Layout(layout);
        Assert.Equal(3, report.Findings.Count(f => f.RuleId == "IM002"));
        Assert.Equal(before, Directory.GetFileSystemEntries(temp.Root, "*", SearchOption.AllDirectories).Length);
        Assert.Empty(Directory.GetFiles("/tmp", "drydock-escape-*"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"schemaVersion\":2,\"manifests\":[{\"digest\":\"sha256:../../etc/passwd\",\"size\":10}]}")]
    public void BrokenIndexJsonIsUnreadable(string json)
    {
        using var temp = new TempTree();
        temp.Write("img/index.json", json).Write("img/oci-layout", "{}");
        Directory.CreateDirectory(temp.Path("img/blobs"));
        var report = Inspect.Layout(temp.Path("img"));
        Assert.Contains(report.Findings, f => f.RuleId == "IM000");
    }

    [Fact]
    public void BinaryGarbageArchiveIsUnreadable()
    {
        using var temp = new TempTree();
        temp.WriteBytes("x.tar", [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7))]);
        var report = Inspect.Run(new DockerArchiveSource(temp.Path("x.tar"), null, "docker-archive:x.tar"));
        Assert.Contains(report.Findings, f => f.RuleId == "IM000");
    }

    [Fact]
    public void GzippedArchiveSaysToDecompressIt()
    {
        using var temp = new TempTree();
        using (var file = File.Create(temp.Path("x.tar.gz")))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(new byte[1024]);
        }

        var report = Inspect.Run(new DockerArchiveSource(temp.Path("x.tar.gz"), null, "docker-archive:x.tar.gz"));
        Assert.Contains(report.Findings, f => f.RuleId == "IM000" && f.Message.Contains("gunzip", StringComparison.Ordinal));
    }
}
