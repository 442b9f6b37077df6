using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Drydock.Debian.Advice;
using Drydock.Debian.Images;
using Drydock.Debian.Index;

// Usage:
//   dotnet run -c Release --project bench/debian -- cold     first load and first check in a fresh process (what `drydock check` pays)
//   dotnet run -c Release --project bench/debian -- --filter '*'   BenchmarkDotNet: steady-state load and lookup
if (args.Length > 0 && args[0] == "cold")
{
    ColdStart.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(DebianBenchmarks).Assembly).Run(args);

/// <summary>The packages of field case A's Dockerfile (a python:3.11-slim image built for amd64 and arm64), plus common ones: 20 names.</summary>
internal static class CaseA
{
    public static readonly string[] Packages =
    [
        "libavcodec58", "libavformat58", "libavutil56", "libswscale5", "libswresample3", "libavdevice58", "libavfilter7",
        "google-chrome-stable", "build-essential", "python3-dev", "curl", "wget", "gnupg", "ca-certificates", "fonts-liberation",
        "libnss3", "libxss1", "libasound2", "libgbm1", "xvfb",
    ];

    public static readonly ArchSet Targets = ArchSet.Of("amd64", "arm64");

    public static int CheckAll(PackageAdvisor advisor, string codename)
    {
        int problems = 0;
        foreach (string package in Packages)
        {
            if (advisor.Check(codename, package, Targets, sameCommand: Packages).IsProblem)
            {
                problems++;
            }
        }

        return problems;
    }
}

internal static class ColdStart
{
    public static void Run()
    {
        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        var index = PackageIndex.Shared;
        double load = watch.Elapsed.TotalMilliseconds;
        _ = index.Count;

        watch.Restart();
        var release = new BaseImageResolver().Resolve("python:3.11-slim");
        var advisor = PackageAdvisor.Shared;
        double knowledge = watch.Elapsed.TotalMilliseconds;

        watch.Restart();
        int problems = CaseA.CheckAll(advisor, release.Codename!);
        double firstCheck = watch.Elapsed.TotalMilliseconds;

        watch.Restart();
        const int rounds = 50;
        for (int i = 0; i < rounds; i++)
        {
            CaseA.CheckAll(advisor, release.Codename!);
        }

        double warmCheck = watch.Elapsed.TotalMilliseconds / rounds;
        Console.WriteLine($"index: {index.Count} names, {index.Releases.Count} releases, updated {index.Updated}");
        Console.WriteLine($"load (header, first use, includes JIT):                {load:F1} ms");
        Console.WriteLine($"base image + replacement/third-party knowledge:          {knowledge:F1} ms  ({release.Explanation})");
        Console.WriteLine($"first check of {CaseA.Packages.Length} packages (includes JIT):            {firstCheck:F1} ms, {problems} problems");
        Console.WriteLine($"warm check of {CaseA.Packages.Length} packages:                             {warmCheck:F3} ms");
        Console.WriteLine($"total added to a check:                                 {total.Elapsed.TotalMilliseconds:F1} ms");
    }
}

[MemoryDiagnoser]
[InProcess]
public class DebianBenchmarks
{
    private PackageAdvisor warm = null!;

    [GlobalSetup]
    public void Setup() => warm = PackageAdvisor.Shared;

    [Benchmark(Description = "load the embedded index (read + header)")]
    public int LoadIndex() => PackageIndex.LoadEmbedded().Releases.Count;

    [Benchmark(Description = "load and inflate every block (worst case)")]
    public int LoadAndInflateAll() => PackageIndex.LoadEmbedded().Rows().Count();

    [Benchmark(Description = "fresh index + check case A's 20 packages (bookworm, amd64+arm64)")]
    public int CheckCaseACold() => CaseA.CheckAll(new PackageAdvisor(PackageIndex.LoadEmbedded(), warm.Replacements, warm.ThirdParty), "bookworm");

    [Benchmark(Description = "check case A's 20 packages, blocks already inflated")]
    public int CheckCaseAWarm() => CaseA.CheckAll(warm, "bookworm");
}
