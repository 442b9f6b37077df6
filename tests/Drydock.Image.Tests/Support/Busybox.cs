using System.Text;
using Drydock.Image.Analysis;
using Drydock.Image.Sources;
using Drydock.Testing;

namespace Drydock.Image.Tests.Support;

/// <summary>
/// The busybox-static binaries of Debian's amd64 and arm64 packages, unpacked by .ci/setup-image-fixtures.sh into
/// /var/cache/drydock-image-fixtures (or $DRYDOCK_IMAGE_FIXTURES). Real binaries, so ELF checks meet real headers.
/// </summary>
public static class Busybox
{
    public static string Directory => Environment.GetEnvironmentVariable("DRYDOCK_IMAGE_FIXTURES") is { Length: > 0 } custom ? custom : "/var/cache/drydock-image-fixtures";

    public static bool Available => File.Exists(Path.Combine(Directory, "busybox-amd64")) && File.Exists(Path.Combine(Directory, "busybox-arm64"));

    public static byte[] Binary(string architecture) => File.ReadAllBytes(Path.Combine(Directory, "busybox-" + architecture));

    /// <summary>A minimal busybox root: /bin/busybox, /bin/sh, /etc/passwd with root and app (1000), /tmp.</summary>
    public static FixtureLayer BaseLayer(string architecture, Compression compression = Compression.Gzip) => new(
    [
        LayerFile.Dir("bin/"),
        LayerFile.Exec("bin/busybox", Binary(architecture)),
        LayerFile.Symlink("bin/sh", "busybox"),
        LayerFile.Symlink("bin/wget", "busybox"),
        LayerFile.Dir("etc/"),
        LayerFile.Text("etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n"),
        LayerFile.Text("etc/group", "root:x:0:\napp:x:1000:\n"),
        LayerFile.Dir("tmp/", 0b001_111_111_111),
        LayerFile.Dir("usr/"),
        LayerFile.Dir("usr/local/"),
        LayerFile.Dir("usr/local/bin/"),
    ], compression, "ADD busybox /bin/busybox");

    public static FixtureImage Image(string architecture, params FixtureLayer[] more) =>
        new(architecture, [BaseLayer(architecture), .. more]) { Cmd = ["/bin/sh"], User = "1000" };
}

/// <summary>A fact that needs the busybox fixtures (installed by .ci/setup-image-fixtures.sh) and skips, saying so, without them.</summary>
public sealed class BusyboxFactAttribute : FactAttribute
{
    public BusyboxFactAttribute()
    {
        if (!Busybox.Available)
        {
            Skip = $"busybox-static fixtures missing in {Busybox.Directory}: run .ci/setup-image-fixtures.sh";
        }
    }
}

/// <summary>A fact that needs command-line tools on PATH (skopeo, docker-registry, umoci).</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        var missing = tools.Where(tool => !Tools.OnPath(tool)).ToList();
        if (!Busybox.Available)
        {
            missing.Add("busybox fixtures");
        }

        if (missing.Count > 0)
        {
            Skip = $"needs {string.Join(", ", missing)}: run .ci/setup-image-fixtures.sh";
        }
    }
}

public static class Tools
{
    public static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Any(directory => File.Exists(Path.Combine(directory, tool)));
}

/// <summary>Runs the analysis on a fixture source.</summary>
public static class Inspect
{
    public static ImageReport Layout(string layout, ImageOptions? options = null, string? tag = null) =>
        Run(new OciLayoutSource(layout, tag, "oci:" + layout), options);

    public static ImageReport Run(ImageSource source, ImageOptions? options = null)
    {
        using (source)
        {
            return ImageAnalyzer.Analyze(source, options ?? new ImageOptions { HostArchitecture = "amd64" });
        }
    }

    public static string[] Ids(ImageReport report) => [.. report.Findings.Select(finding => finding.RuleId).Distinct().Order(StringComparer.Ordinal)];

    public static string Describe(ImageReport report) =>
        string.Join('\n', report.Findings.Select(f => $"{f.RuleId} {f.Location.Path}: {f.Message}"))
        + string.Concat(report.Image.Problems.Select(p => "\nproblem: " + p.Message));
}

public static class Utf8
{
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
