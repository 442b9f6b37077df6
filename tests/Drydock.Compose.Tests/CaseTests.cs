using Drydock.Testing;

namespace Drydock.Compose.Tests;

/// <summary>
/// Tests as data: each folder under Cases/ is a small repository whose compose files mark the findings
/// they expect with <c># expect: DC0xx</c>. Every finding must be marked, so each case also proves quiet.
/// </summary>
public sealed class CaseTests
{
    public static TheoryData<string> Cases() => new(CaseRunner.CaseNames(CasesRoot));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_reports_exactly_the_marked_findings(string name)
    {
        string? difference = CaseRunner.Check(Path.Combine(CasesRoot, name), new ComposeAnalyzer(() => []), IsComposeFile);
        Assert.True(difference is null, difference);
    }

    [Fact]
    public void Every_rule_fires_in_some_case_and_every_case_folder_parses()
    {
        var fired = new HashSet<string>(StringComparer.Ordinal);
        foreach (string directory in Directory.GetDirectories(CasesRoot))
        {
            foreach (string file in Directory.EnumerateFiles(directory, "*.y*ml", SearchOption.AllDirectories))
            {
                fired.UnionWith(InlineExpectations.Parse(file, File.ReadAllText(file)).Select(expected => expected.RuleId));
            }
        }

        var silent = new ComposeAnalyzer().Rules.Select(rule => rule.Id).Where(id => !fired.Contains(id) && id != HostPortRuleId).ToList();
        Assert.True(silent.Count == 0, "rules with no firing case: " + string.Join(", ", silent));
    }

    private static bool IsComposeFile(string relative) =>
        Discovery.FileClassifier.Classify(relative) == Discovery.FileKind.Compose || relative.EndsWith(".yml", StringComparison.Ordinal) || relative.EndsWith(".yaml", StringComparison.Ordinal);

    internal static string CasesRoot => Path.Combine(AppContext.BaseDirectory, "Cases");

    private const string HostPortRuleId = "DC010";
}
