using Drydock.Analysis;
using Drydock.Configuration;
using Drydock.Findings;
using Drydock.Testing;

namespace Drydock.Core.Tests;

public class CheckEngineTests
{
    private static readonly RuleDescriptor First = new("DF901", "first-test-rule", Severity.Warning, "s", "w", "f");
    private static readonly RuleDescriptor Second = new("DF902", "second-test-rule", Severity.Info, "s", "w", "f");

    /// <summary>Reports both test rules on every line of every Dockerfile, twice, to exercise dedup.</summary>
    private sealed class EveryLineAnalyzer : IAnalyzer
    {
        public IReadOnlyList<RuleDescriptor> Rules => [First, Second];

        public void Analyze(Project project, FindingSink sink)
        {
            foreach (var file in project.Files.OfKind(Discovery.FileKind.Dockerfile))
            {
                var (text, _) = project.ReadText(file.RelativePath);
                project.RegisterSuppressions(file.RelativePath, PragmaScanner.Scan(text!));
                for (int line = 1; line <= text!.LineCount; line++)
                {
                    if (text.Line(line).StartsWith('#'))
                    {
                        continue;
                    }

                    foreach (var rule in new[] { First, Second, First })
                    {
                        sink.Report(rule, text, text.LineStart(line), text.LineStart(line) + text.Line(line).Length, $"line {line}");
                    }
                }
            }
        }
    }

    private sealed class ThrowingAnalyzer : IAnalyzer
    {
        public IReadOnlyList<RuleDescriptor> Rules => [];

        public void Analyze(Project project, FindingSink sink) => throw new InvalidOperationException("boom");
    }

    [Fact]
    public void Pragmas_ignores_and_overrides_apply_and_output_is_sorted_without_duplicates()
    {
        using var tree = new TempTree();
        tree.Write("b/Dockerfile", "FROM a\n")
            .Write("a/Dockerfile", "FROM a\n# drydock ignore=DF901\nRUN x\n");
        var config = DrydockConfig.Default with
        {
            SeverityOverrides = new Dictionary<string, Severity> { ["second-test-rule"] = Severity.Error },
        };
        var project = Project.Open(tree.Root, config);

        var result = new CheckEngine([new EveryLineAnalyzer(), new ThrowingAnalyzer()]).Run(project);

        Assert.Equal(
            ["a/Dockerfile:1 DF901", "a/Dockerfile:1 DF902", "a/Dockerfile:3 DF902", "b/Dockerfile:1 DF901", "b/Dockerfile:1 DF902"],
            result.Findings.Select(finding => $"{finding.Location.Path}:{finding.Location.Line} {finding.RuleId}"));
        Assert.All(result.Findings.Where(finding => finding.RuleId == "DF902"), finding => Assert.Equal(Severity.Error, finding.Severity));
        Assert.Equal(1, result.SuppressedCount);
        Assert.Contains(result.Notes, note => note.Contains("boom", StringComparison.Ordinal));
    }

    [Fact]
    public void Ignored_rules_are_dropped_and_the_threshold_decides_failure()
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM a\n");
        var project = Project.Open(tree.Root, DrydockConfig.Default with { IgnoredRules = new HashSet<string> { "DF901" } });

        var result = new CheckEngine([new EveryLineAnalyzer()]).Run(project);

        Assert.Equal(["DF902"], result.Findings.Select(finding => finding.RuleId));
        Assert.False(result.Fails(Severity.Warning));
        Assert.True(result.Fails(Severity.Info));
    }

    [Fact]
    public void A_rule_id_declared_twice_is_a_build_defect()
    {
        Assert.Throws<InvalidOperationException>(() => new CheckEngine([new EveryLineAnalyzer(), new EveryLineAnalyzer()]));
    }

    [Theory]
    [InlineData("DF001", RuleKind.Dockerfile)]
    [InlineData("GA010", RuleKind.Workflow)]
    [InlineData("LG100", RuleKind.Log)]
    public void The_id_prefix_names_the_kind(string id, RuleKind kind)
    {
        Assert.Equal(kind, RuleDescriptor.KindOf(id));
    }

    [Fact]
    public void Unknown_prefixes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new RuleDescriptor("XX001", "x", Severity.Info, "", "", ""));
    }
}
