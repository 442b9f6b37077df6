using Drydock.Image.Analysis;
using Drydock.Image.Model;
using Drydock.Image.Tests.Support;
using Drydock.Testing;

namespace Drydock.Image.Tests;

/// <summary>Real busybox binaries in hand-written OCI layouts: will the container start?</summary>
public sealed class EntrypointTests
{
    // Quiet baseline: a non-root busybox image with a healthcheck-free OCI config gives only the IM030 note.
    [BusyboxFact]
    public void Amd64BusyboxStartsAndOnlyTheHealthcheckNoteFires()
    {
        using var temp = new TempTree();
        var report = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("img"), "latest", Busybox.Image("amd64")));
        Assert.Equal(["IM030"], Inspect.Ids(report));
        var platform = Assert.Single(report.Image.Platforms);
        Assert.Equal(CommandOutcome.Runs, platform.Entrypoint!.Outcome);
        Assert.Equal("/bin/busybox", platform.Entrypoint.ResolvedPath);
        Assert.Contains("/bin/sh -> busybox", platform.Entrypoint.Steps);
        Assert.Contains("absent, or lost in conversion", report.Findings.Single().Message, StringComparison.Ordinal);
    }

    [BusyboxFact]
    public void ConfigSaysArm64ButEntrypointIsAmd64IsAnExecFormatError()
    {
        using var temp = new TempTree();
        var image = new FixtureImage("arm64", [Busybox.BaseLayer("amd64")]) { Cmd = ["/bin/sh"], User = "1000" };
        var report = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("img"), "latest", image));
        var finding = Assert.Single(report.Findings, f => f.RuleId == "IM013");
        Assert.Contains("/bin/busybox is a amd64 binary in a arm64 image: exec format error", finding.Message, StringComparison.Ordinal);
        Assert.Contains("e_machine 62", finding.Evidence, StringComparison.Ordinal);
        Assert.EndsWith("[linux/arm64] /bin/busybox", finding.Location.Path, StringComparison.Ordinal);
    }

    [BusyboxFact]
    public void MultiArchIndexListsBothPlatformsAndEachBinaryMatches()
    {
        using var temp = new TempTree();
        var layout = ImageWriter.WriteLayout(temp.Path("img"), "v1", Busybox.Image("amd64"), Busybox.Image("arm64"));
        var report = Inspect.Layout(layout, tag: "v1");
        Assert.Equal(["linux/amd64", "linux/arm64"], report.Image.Platforms.Select(p => p.Label).ToArray());
        Assert.All(report.Image.Platforms, platform => Assert.Equal(CommandOutcome.Runs, platform.Entrypoint!.Outcome));
        Assert.DoesNotContain(report.Findings, f => f.RuleId is "IM013" or "IM003" or "IM004");
    }

    [BusyboxFact]
    public void IndexPlatformThatDisagreesWithTheConfigFires()
    {
        using var temp = new TempTree();
        // The index lists the second manifest as arm64 while its config (and binary) say amd64.
        var lying = Busybox.Image("amd64") with { ListedAs = "arm64" };
        var layout = ImageWriter.WriteLayout(temp.Path("img"), "v1", Busybox.Image("amd64"), lying);
        var report = Inspect.Layout(layout);
        var finding = Assert.Single(report.Findings, f => f.RuleId == "IM003");
        Assert.Contains("lists this manifest as linux/arm64 but its config says linux/amd64", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Findings, f => f.RuleId == "IM013");
    }

    [BusyboxFact]
    public void PlatformOptionPicksOneAndUnknownPlatformFires()
    {
        using var temp = new TempTree();
        var layout = ImageWriter.WriteLayout(temp.Path("img"), "v1", Busybox.Image("amd64"), Busybox.Image("arm64"));
        var arm = Inspect.Layout(layout, new ImageOptions { Platform = ImagePlatform.Parse("linux/arm64"), HostArchitecture = "amd64" });
        Assert.Equal("linux/arm64", Assert.Single(arm.Image.Platforms).Label);
        var missing = Inspect.Layout(layout, new ImageOptions { Platform = ImagePlatform.Parse("linux/s390x") });
        Assert.Contains(missing.Findings, f => f.RuleId == "IM005" && f.Message.Contains("linux/amd64, linux/arm64", StringComparison.Ordinal));
    }

    [BusyboxFact]
    public void HostArchitectureWithoutAMatchingPlatformWarns()
    {
        using var temp = new TempTree();
        var layout = ImageWriter.WriteLayout(temp.Path("img"), "v1", Busybox.Image("arm64"));
        Assert.Contains(Inspect.Layout(layout, new ImageOptions { HostArchitecture = "amd64" }).Findings, f => f.RuleId == "IM004");
        Assert.DoesNotContain(Inspect.Layout(layout, new ImageOptions { HostArchitecture = "arm64" }).Findings, f => f.RuleId == "IM004");
    }

    [BusyboxFact]
    public void DanglingPythonSymlinkIsReportedWithTheChain()
    {
        using var temp = new TempTree();
        var app = new FixtureLayer([LayerFile.Symlink("usr/local/bin/python", "python3")]);
        var image = Busybox.Image("amd64", app) with { Cmd = ["python", "-m", "app"] };
        var report = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("img"), "latest", image));
        var finding = Assert.Single(report.Findings, f => f.RuleId == "IM010");
        Assert.Contains("executable file not found in $PATH", finding.Message, StringComparison.Ordinal);
        Assert.Contains("/usr/local/bin/python -> python3", finding.Message, StringComparison.Ordinal);
        Assert.Contains("/usr/local/bin/python3 does not exist", finding.Message, StringComparison.Ordinal);

        var absolute = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("abs"), "latest", image with { Cmd = ["/usr/local/bin/python"] }));
        Assert.Contains(absolute.Findings, f => f.RuleId == "IM010" && f.Message.Contains("dangling symlink", StringComparison.Ordinal));
    }

    [BusyboxFact]
    public void SymlinkLoopAndEscapingSymlinkAreHandled()
    {
        using var temp = new TempTree();
        var loop = new FixtureLayer([LayerFile.Symlink("usr/local/bin/a", "b"), LayerFile.Symlink("usr/local/bin/b", "a"), LayerFile.Symlink("usr/local/bin/up", "../../../../../../bin/busybox")]);
        var looping = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("loop"), "latest", Busybox.Image("amd64", loop) with { Cmd = ["/usr/local/bin/a"] }));
        Assert.Contains(looping.Findings, f => f.RuleId == "IM015" && f.Message.Contains("too many levels of symbolic links", StringComparison.Ordinal));

        // Climbing above the root stays inside it, as in the kernel's chroot: the target is the image's own busybox.
        var escaping = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("up"), "latest", Busybox.Image("amd64", loop) with { Cmd = ["up"] }));
        var platform = Assert.Single(escaping.Image.Platforms);
        Assert.Equal(CommandOutcome.Runs, platform.Entrypoint!.Outcome);
        Assert.Contains(platform.Entrypoint.Steps, step => step.Contains("climbs above the image root", StringComparison.Ordinal));
    }

    [BusyboxFact]
    public void ShebangScriptWithoutItsInterpreterFires()
    {
        using var temp = new TempTree();
        var app = new FixtureLayer([LayerFile.Exec("usr/local/bin/serve", Utf8.Bytes("#!/usr/bin/python3\nprint('hi')\n")), LayerFile.Exec("usr/local/bin/ok", Utf8.Bytes("#!/bin/sh\necho ok\n"))]);
        var report = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("img"), "latest", Busybox.Image("amd64", app) with { Entrypoint = ["serve"] }));
        var finding = Assert.Single(report.Findings, f => f.RuleId == "IM012");
        Assert.Contains("needs the interpreter /usr/bin/python3", finding.Message, StringComparison.Ordinal);

        var quiet = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("ok"), "latest", Busybox.Image("amd64", app) with { Entrypoint = ["ok"] }));
        Assert.DoesNotContain(quiet.Findings, f => f.RuleId.StartsWith("IM01", StringComparison.Ordinal));

        var viaEnv = new FixtureLayer([LayerFile.Symlink("usr/bin/env", "/bin/busybox"), LayerFile.Exec("app.py", Utf8.Bytes("#!/usr/bin/env python3\n"))]);
        var envReport = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("env"), "latest", Busybox.Image("amd64", viaEnv) with { Entrypoint = ["/app.py"] }));
        Assert.Contains(envReport.Findings, f => f.RuleId == "IM012" && f.Message.Contains("python3", StringComparison.Ordinal));
    }

    [BusyboxFact]
    public void NonExecutableAndNonElfEntrypointsFire()
    {
        using var temp = new TempTree();
        var app = new FixtureLayer([LayerFile.Text("app/run.sh", "#!/bin/sh\n"), LayerFile.Exec("app/blob", Utf8.Bytes("just text, no shebang\n"))]);
        var notExec = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("a"), "latest", Busybox.Image("amd64", app) with { Cmd = ["/app/run.sh"] }));
        Assert.Contains(notExec.Findings, f => f.RuleId == "IM011" && f.Message.Contains("no execute bit", StringComparison.Ordinal));
        var notElf = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("b"), "latest", Busybox.Image("amd64", app) with { Cmd = ["/app/blob"] }));
        Assert.Contains(notElf.Findings, f => f.RuleId == "IM013" && f.Message.Contains("neither an ELF binary", StringComparison.Ordinal));
        var none = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("c"), "latest", Busybox.Image("amd64") with { Cmd = [] }));
        Assert.Contains(none.Findings, f => f.RuleId == "IM016");
    }

    [BusyboxFact]
    public void ShellFormCommandIsResolvedThroughTheShell()
    {
        using var temp = new TempTree();
        var report = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("img"), "latest", Busybox.Image("amd64") with { Cmd = ["/bin/sh", "-c", "exec gunicorn app:app"] }));
        Assert.Contains(report.Findings, f => f.RuleId == "IM010" && f.Message.Contains("\"gunicorn\"", StringComparison.Ordinal));
    }

    [BusyboxFact]
    public void HealthcheckWithMissingCurlFiresAndWgetStaysQuiet()
    {
        using var temp = new TempTree();
        var curl = Busybox.Image("amd64") with { DockerMediaTypes = true, Healthcheck = ["CMD-SHELL", "curl -f http://localhost:8003/health || exit 1"] };
        var report = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("curl"), "latest", curl));
        var finding = Assert.Single(report.Findings, f => f.RuleId == "IM031");
        Assert.Contains("\"curl\": executable file not found in $PATH", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Findings, f => f.RuleId == "IM030");

        var wget = curl with { Healthcheck = ["CMD", "wget", "-q", "-O-", "http://localhost:8003/health"] };
        Assert.Empty(Inspect.Layout(ImageWriter.WriteLayout(temp.Path("wget"), "latest", wget)).Findings);
    }

    [BusyboxFact]
    public void GlibcBinaryWithoutItsLoaderFires()
    {
        using var temp = new TempTree();
        var dynamic = Elf.DynamicAmd64("/lib64/ld-linux-x86-64.so.2");
        var app = new FixtureLayer([LayerFile.Exec("app/server", dynamic), LayerFile.Dir("lib/"), LayerFile.Exec("lib/ld-musl-x86_64.so.1", Busybox.Binary("amd64"))]);
        var report = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("img"), "latest", Busybox.Image("amd64", app) with { Cmd = ["/app/server"] }));
        var finding = Assert.Single(report.Findings, f => f.RuleId == "IM014");
        Assert.Contains("a glibc binary", finding.Message, StringComparison.Ordinal);
        Assert.Contains("/lib/ld-musl-x86_64.so.1 (musl)", finding.Message, StringComparison.Ordinal);

        var withLoader = new FixtureLayer([LayerFile.Dir("lib64/"), LayerFile.Exec("lib64/ld-linux-x86-64.so.2", Busybox.Binary("amd64"))]);
        var quiet = Inspect.Layout(ImageWriter.WriteLayout(temp.Path("ok"), "latest", Busybox.Image("amd64", app, withLoader) with { Cmd = ["/app/server"] }));
        Assert.DoesNotContain(quiet.Findings, f => f.RuleId == "IM014");
    }
}

/// <summary>Minimal ELF files for loader tests: a header, one PT_INTERP program header and the loader path.</summary>
public static class Elf
{
    public static byte[] DynamicAmd64(string loader)
    {
        byte[] path = System.Text.Encoding.ASCII.GetBytes(loader + "\0");
        byte[] file = new byte[120 + path.Length];
        "\u007fELF"u8.CopyTo(file);
        file[4] = 2; // 64-bit
        file[5] = 1; // little-endian
        file[6] = 1;
        BitConverter.TryWriteBytes(file.AsSpan(16), (ushort)3); // ET_DYN
        BitConverter.TryWriteBytes(file.AsSpan(18), (ushort)62); // x86-64
        BitConverter.TryWriteBytes(file.AsSpan(32), 64L); // e_phoff
        BitConverter.TryWriteBytes(file.AsSpan(54), (ushort)56); // e_phentsize
        BitConverter.TryWriteBytes(file.AsSpan(56), (ushort)1); // e_phnum
        BitConverter.TryWriteBytes(file.AsSpan(64), 3u); // PT_INTERP
        BitConverter.TryWriteBytes(file.AsSpan(64 + 8), 120L); // p_offset
        BitConverter.TryWriteBytes(file.AsSpan(64 + 32), (long)path.Length); // p_filesz
        path.CopyTo(file, 120);
        return file;
    }
}
