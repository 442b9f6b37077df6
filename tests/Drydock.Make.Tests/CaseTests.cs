using Drydock.Testing;

namespace Drydock.Make.Tests;

/// <summary>
/// Tests as data: each folder under Cases/ is a small repository whose Makefiles mark the findings they expect with
/// <c># expect: MK0xx</c>. Every finding must be marked, so each case also proves the other rules stay quiet.
/// </summary>
public sealed class CaseTests
{
    internal static string CasesRoot => Path.Combine(AppContext.BaseDirectory, "Cases");

    public static TheoryData<string> Cases() => new(CaseRunner.CaseNames(CasesRoot));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_reports_exactly_the_marked_findings(string name)
    {
        string? difference = CaseRunner.Check(Path.Combine(CasesRoot, name), new MakefileAnalyzer(), IsMakefile);
        Assert.True(difference is null, difference);
    }

    [Fact]
    public void Every_rule_fires_in_some_case()
    {
        var fired = CaseRunner.CaseNames(CasesRoot)
            .SelectMany(name => CaseRunner.Expectations(Path.Combine(CasesRoot, name), IsMakefile))
            .Select(expected => expected.RuleId).ToHashSet(StringComparer.Ordinal);
        var silent = new MakefileAnalyzer().Rules.Select(rule => rule.Id).Where(id => !fired.Contains(id)).ToList();
        Assert.True(silent.Count == 0, "rules with no firing case: " + string.Join(", ", silent));
    }

    [Fact]
    public void The_clean_project_has_every_construct_and_no_finding()
    {
        var expected = CaseRunner.Expectations(Path.Combine(CasesRoot, "clean-project"));
        Assert.Empty(expected);
        Assert.Null(CaseRunner.Check(Path.Combine(CasesRoot, "clean-project"), new MakefileAnalyzer(), IsMakefile));
    }

    private static bool IsMakefile(string relative) => Discovery.FileClassifier.Classify(relative) == Discovery.FileKind.Makefile;
}
