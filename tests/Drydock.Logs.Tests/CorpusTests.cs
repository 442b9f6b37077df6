using System.Globalization;
using Drydock.Logs.Analysis;
using Drydock.Testing;
using Xunit.Abstractions;

namespace Drydock.Logs.Tests;

/// <summary>
/// The acceptance corpus: every log under examples/logs-corpus (and the field cases' logs under examples/*/logs)
/// comes with a <c>.expected</c> file naming the root cause and the chunk a developer would quote. The first
/// diagnosis must name that rule, and over the corpus the chunk's line-level precision and recall must stay
/// above a floor.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private const double PrecisionFloor = 0.85;
    private const double RecallFloor = 0.85;
    private const double RuleAccuracyFloor = 0.9;

    public static IEnumerable<string> ExpectedFiles() =>
        Directory.EnumerateFiles(RepoRoot.Combine("examples"), "*.expected", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    [Fact]
    public void CorpusHasAtLeastSixtyLogsAcrossTheEcosystems()
    {
        var corpus = Directory.EnumerateFiles(RepoRoot.Combine("examples", "logs-corpus"), "*.log", SearchOption.AllDirectories).ToList();
        Assert.True(corpus.Count >= 60, $"only {corpus.Count} logs");
        var ecosystems = corpus.Select(path => Path.GetFileName(Path.GetDirectoryName(path))).Distinct().ToList();
        Assert.True(ecosystems.Count >= 10, string.Join(", ", ecosystems));
        Assert.All(corpus, log => Assert.True(File.Exists(Path.ChangeExtension(log, ".expected")), log));
    }

    [Fact]
    public void ChunksMeetThePrecisionAndRecallFloor()
    {
        var engine = new DiagnoseEngine(new DiagnoseOptions { MaxDegreeOfParallelism = 1 });
        long truePositive = 0, predicted = 0, relevant = 0;
        int rulesRight = 0, total = 0;
        var misses = new List<string>();
        foreach (string expectedFile in ExpectedFiles())
        {
            var expected = Expected.Load(expectedFile);
            string log = Path.ChangeExtension(expectedFile, ".log");
            var result = engine.Diagnose([log]);
            total++;
            var top = result.Diagnoses.FirstOrDefault();
            string name = Path.GetRelativePath(RepoRoot.Path, log);
            if (top is null)
            {
                misses.Add($"{name}: no diagnosis (want {expected.RuleId} {expected.Start}-{expected.End})");
                relevant += expected.End - expected.Start + 1;
                continue;
            }

            if (top.RuleId == expected.RuleId)
            {
                rulesRight++;
            }

            int start = top.Evidence.StartLine, end = top.Evidence.EndLine;
            int overlap = Math.Max(0, Math.Min(end, expected.End) - Math.Max(start, expected.Start) + 1);
            truePositive += overlap;
            predicted += end - start + 1;
            relevant += expected.End - expected.Start + 1;
            if (top.RuleId != expected.RuleId || start != expected.Start || end != expected.End)
            {
                misses.Add($"{name}: got {top.RuleId} {start}-{end}, want {expected.RuleId} {expected.Start}-{expected.End}");
            }
        }

        double precision = (double)truePositive / Math.Max(1, predicted);
        double recall = (double)truePositive / Math.Max(1, relevant);
        double accuracy = (double)rulesRight / Math.Max(1, total);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"logs {total}, root cause right {rulesRight} ({accuracy:P1}), chunk precision {precision:P1}, recall {recall:P1}"));
        foreach (string miss in misses)
        {
            output.WriteLine(miss);
        }

        Assert.True(accuracy >= RuleAccuracyFloor, $"root cause accuracy {accuracy:P1}\n{string.Join('\n', misses)}");
        Assert.True(precision >= PrecisionFloor, $"precision {precision:P1}\n{string.Join('\n', misses)}");
        Assert.True(recall >= RecallFloor, $"recall {recall:P1}\n{string.Join('\n', misses)}");
    }

    private sealed record Expected(string RuleId, int Start, int End)
    {
        public static Expected Load(string path)
        {
            string? rule = null;
            int start = 0, end = 0;
            foreach (string raw in File.ReadAllLines(path))
            {
                string line = raw.Trim();
                if (line.StartsWith("rule:", StringComparison.Ordinal))
                {
                    rule = line[5..].Trim();
                }
                else if (line.StartsWith("lines:", StringComparison.Ordinal))
                {
                    var parts = line[6..].Trim().Split('-');
                    start = int.Parse(parts[0], CultureInfo.InvariantCulture);
                    end = int.Parse(parts[^1], CultureInfo.InvariantCulture);
                }
            }

            return new Expected(rule ?? throw new FormatException($"{path}: no 'rule:'"), start, end);
        }
    }
}
