using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Testing;

namespace Drydock.Python.Tests;

/// <summary>
/// Tests as data: each folder under Cases/ is a small repository whose files mark the findings they expect
/// (<c># expect: PY001</c>). Every finding not marked fails, so each case also proves the other rules stay quiet.
/// </summary>
public sealed class CaseTests
{
    private static readonly string CasesRoot = Path.Combine(AppContext.BaseDirectory, "Cases");

    public static TheoryData<string> Cases() => new(CaseRunner.CaseNames(CasesRoot));

    internal static IReadOnlyList<Finding> Run(string root)
    {
        var project = Project.Open(root);
        var engine = new CheckEngine([new PythonAnalyzer()]);
        var result = engine.Run(project);
        Assert.Empty(result.Notes);
        return result.Findings;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_produces_exactly_the_marked_findings(string name)
    {
        string? difference = CaseRunner.Check(Path.Combine(CasesRoot, name), new PythonAnalyzer());
        Assert.True(difference is null, difference);
    }

    [Fact]
    public void Every_rule_fires_in_some_case()
    {
        var fired = Directory.GetDirectories(CasesRoot).Select(Path.GetFileName).OfType<string>().SelectMany(name => Run(Path.Combine(CasesRoot, name))).Select(finding => finding.RuleId).ToHashSet();
        var gitRules = new[] { "GT000", "GT001", "GT002" }; // need a real git index: see GitTests
        var missing = new PythonAnalyzer().Rules.Select(rule => rule.Id).Except(fired).Except(gitRules).ToList();
        Assert.Empty(missing);
    }
}
