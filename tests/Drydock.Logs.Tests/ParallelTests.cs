using Drydock.Logs.Analysis;
using Drydock.Logs.Model;
using Drydock.Testing;

namespace Drydock.Logs.Tests;

/// <summary>Logs are scanned on every core; the answer must not depend on how many ran at once, or in which order they finished.</summary>
public sealed class ParallelTests
{
    [Fact]
    public void ADirectoryOfLogsGivesTheSameAnswerOnOneCoreAndOnMany()
    {
        string corpus = RepoRoot.Combine("examples", "logs-corpus");
        var serial = new DiagnoseEngine(new DiagnoseOptions { MaxDegreeOfParallelism = 1 }).Diagnose([corpus]);
        Assert.True(serial.Jobs.Count > 10);
        for (int round = 0; round < 3; round++)
        {
            var parallel = new DiagnoseEngine(new DiagnoseOptions { MaxDegreeOfParallelism = 4 }).Diagnose([corpus]);
            Assert.Equal(Describe(serial), Describe(parallel));
        }
    }

    private static List<string> Describe(DiagnoseResult result) =>
    [
        .. result.Jobs.Select(job => $"job {job.Path} {job.Failed} {job.FailedStep} {job.ExitCode} {job.Lines}"),
        .. result.Diagnoses.Select(diagnosis => $"{diagnosis.RuleId} {diagnosis.Message} {diagnosis.Evidence.Path}:{diagnosis.Evidence.StartLine}-{diagnosis.Evidence.EndLine} {string.Join(",", diagnosis.Jobs.Select(job => job.Path))} | {diagnosis.Cause} | {diagnosis.Fix}"),
        .. result.Problems.Select(problem => $"problem {problem.Path} {problem.Message}"),
    ];

    [Fact]
    public void ProgressCountsEveryByteAndEveryLogWhileScanningInParallel()
    {
        // Big enough to cross the scanner's progress step (8 MB) several times.
        string line = "Collecting package (from -r requirements.txt (line 4))\n";
        var big = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(line, (20 << 20) / line.Length)) + "E: Unable to locate package libavcodec58\n");
        var small = System.Text.Encoding.UTF8.GetBytes("npm ERR! code E404\n");
        var inputs = new[] { LogHarness.Input(big, "big.log"), LogHarness.Input(small, "small.log"), LogHarness.Input(big, "big2.log") };
        var seen = new Collector();
        new DiagnoseEngine(new DiagnoseOptions { Progress = seen, MaxDegreeOfParallelism = 2 }).Diagnose(inputs);

        var reports = seen.Reports;
        Assert.True(reports.Count >= 6, $"{reports.Count} reports");
        Assert.Equal((2L * big.Length) + small.Length, reports.Max(report => report.BytesRead));
        Assert.Equal(3, reports.Max(report => report.LogsDone));
        Assert.All(reports, report => Assert.Equal(3, report.LogsTotal));
    }

    private sealed class Collector : IProgress<DiagnoseProgress>
    {
        private readonly List<DiagnoseProgress> reports = [];

        public List<DiagnoseProgress> Reports
        {
            get
            {
                lock (reports)
                {
                    return [.. reports];
                }
            }
        }

        public void Report(DiagnoseProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
