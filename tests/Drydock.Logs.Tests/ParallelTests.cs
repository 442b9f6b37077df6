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
}
