using System.IO.Compression;
using System.Text;
using Drydock.Logs.Analysis;
using Drydock.Logs.Reading;
using Drydock.Testing;

namespace Drydock.Logs.Tests;

public sealed class SourcesTests
{
    private const string Failure = "E: Unable to locate package libavcodec58\n";

    [Fact]
    public void GzipLogsAreReadByTheirMagicBytes()
    {
        using var tree = new TempTree();
        using (var file = File.Create(tree.Path("build.log.gz")))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes("noise\n" + Failure));
        }

        var result = new DiagnoseEngine().Diagnose([tree.Path("build.log.gz")]);
        var diagnosis = Assert.Single(result.Diagnoses);
        Assert.Equal("LG120", diagnosis.RuleId);
        Assert.Equal(2, diagnosis.Evidence.StartLine);
        Assert.Equal("build", diagnosis.Jobs[0].Name);
    }

    [Fact]
    public void StandardInputIsALog()
    {
        var result = new DiagnoseEngine().Diagnose(["-"], () => new MemoryStream(Encoding.UTF8.GetBytes(Failure)));
        Assert.Equal("LG120", Assert.Single(result.Diagnoses).RuleId);
        Assert.Equal("-", result.Diagnoses[0].Evidence.Path);
    }

    [Fact]
    public void ARunZipGivesOneLogPerJobWithStepNamesFromTheStepFiles()
    {
        using var tree = new TempTree();
        string failing = "2025-03-11T09:00:00.0000000Z ##[group]Run pytest\n2025-03-11T09:00:01.0000000Z collected 0 items\n2025-03-11T09:00:01.1000000Z \n2025-03-11T09:00:01.2000000Z ===== no tests ran in 0.01s =====\n2025-03-11T09:00:01.3000000Z ##[error]Process completed with exit code 5.\n";
        string passing = "2025-03-11T09:00:00.0000000Z ##[group]Run ruff check\n2025-03-11T09:00:01.0000000Z All checks passed!\n";
        using (var zip = ZipFile.Open(tree.Path("logs.zip"), ZipArchiveMode.Create))
        {
            Add(zip, "0_test (3.11).txt", failing);
            Add(zip, "test (3.11)/3_Run tests.txt", failing);
            Add(zip, "1_lint.txt", passing);
            Add(zip, "lint/2_Lint.txt", passing);
        }

        var result = new DiagnoseEngine().Diagnose([tree.Path("logs.zip")]);
        var diagnosis = Assert.Single(result.Diagnoses);
        Assert.Equal("LG012", diagnosis.RuleId);
        Assert.Equal("test (3.11)", diagnosis.Jobs[0].Name);
        Assert.Equal("Run tests", diagnosis.Jobs[0].Step);
        Assert.EndsWith("logs.zip!0_test (3.11).txt", diagnosis.Evidence.Path, StringComparison.Ordinal);
        Assert.Equal("lint", Assert.Single(result.Passed).Name);
    }

    [Fact]
    public void AZipEntryPointingOutsideIsRefused()
    {
        using var tree = new TempTree();
        using (var zip = ZipFile.Open(tree.Path("evil.zip"), ZipArchiveMode.Create))
        {
            Add(zip, "../../etc/cron.d/x.txt", Failure);
        }

        var result = new DiagnoseEngine().Diagnose([tree.Path("evil.zip")]);
        Assert.Empty(result.Diagnoses);
        Assert.Contains("outside the archive", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZipBombIsRefusedWithAClearMessage()
    {
        using var tree = new TempTree();
        using (var zip = ZipFile.Open(tree.Path("bomb.zip"), ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntry("0_build.txt", CompressionLevel.SmallestSize);
            using var stream = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++)
            {
                stream.Write(zeros);
            }
        }

        var result = new DiagnoseEngine().Diagnose([tree.Path("bomb.zip")]);
        Assert.Empty(result.Diagnoses);
        Assert.Contains("zip bomb", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGzipThatInflatesPastTheCapStops()
    {
        using var tree = new TempTree();
        using (var file = File.Create(tree.Path("big.log.gz")))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            var line = Encoding.UTF8.GetBytes(new string('a', 1023) + "\n");
            for (int i = 0; i < 4096; i++)
            {
                gzip.Write(line);
            }
        }

        var engine = new DiagnoseEngine(new DiagnoseOptions { Archives = new ArchiveLimits { MaxTotalBytes = 1024 * 1024 } });
        var result = engine.Diagnose([tree.Path("big.log.gz")]);
        Assert.Contains("zip bomb", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DirectoriesAreExpandedAndMissingPathsReported()
    {
        using var tree = new TempTree();
        tree.Write("logs/a.log", Failure).Write("logs/sub/b.log", "all good\n").Write("logs/a.expected", "rule: LG120\n");
        var result = new DiagnoseEngine().Diagnose([tree.Path("logs"), tree.Path("missing.log")]);
        Assert.Equal(2, result.Jobs.Count);
        Assert.Equal("no such file or directory", Assert.Single(result.Problems).Message);
    }

    [Theory]
    [InlineData("1_build (3.9).txt", "build (3.9)")]
    [InlineData("pytest-3.11.log.gz", "pytest-3.11")]
    [InlineData("test.log", "test")]
    public void JobNamesComeFromFileNames(string file, string job) => Assert.Equal(job, LogSources.JobNameOf(file));

    private static void Add(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name);
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
