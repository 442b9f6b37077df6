using Drydock.Testing;

namespace Drydock.Workflows.Tests;

/// <summary>Every fixture under Cases/ states inline which GA findings it expects; nothing else may fire.</summary>
public sealed class InlineCaseTests
{
    public static TheoryData<string> SingleFileCases()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.EnumerateFiles(WorkflowCheck.CasesPath(), "*.yml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public static TheoryData<string> RepositoryCases()
    {
        var data = new TheoryData<string>();
        foreach (string directory in Directory.EnumerateDirectories(WorkflowCheck.CasesPath()).Where(path => !Path.GetFileName(path).StartsWith("fix", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(directory));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SingleFileCases))]
    public void Single_file_case_reports_exactly_what_it_marks(string name)
    {
        string path = WorkflowCheck.CasesPath(name);
        using var tree = WorkflowCheck.TreeFor(path);
        var expected = InlineExpectations.Parse(".github/workflows/" + name, File.ReadAllText(path));
        var findings = WorkflowCheck.Run(tree.Root);
        Assert.NotEmpty(expected);
        string? difference = InlineExpectations.Compare(expected, findings);
        Assert.True(difference is null, $"{name}:\n{difference}\n{string.Join('\n', findings.Select(finding => $"{finding.Location} {finding.RuleId} {finding.Message}"))}");
    }

    [Theory]
    [MemberData(nameof(RepositoryCases))]
    public void Repository_case_reports_exactly_what_it_marks(string name)
    {
        string? difference = CaseRunner.Check(WorkflowCheck.CasesPath(name), new WorkflowAnalyzer(), relative => relative.EndsWith(".yml", StringComparison.Ordinal), copy: true);
        Assert.True(difference is null, difference);
    }

    [Fact]
    public void Every_rule_fires_in_some_case_and_every_case_file_stays_quiet_elsewhere()
    {
        var marked = Directory.EnumerateFiles(WorkflowCheck.CasesPath(), "*.yml", SearchOption.AllDirectories)
            .SelectMany(file => InlineExpectations.Parse(file, File.ReadAllText(file)))
            .Select(expected => expected.RuleId)
            .ToHashSet(StringComparer.Ordinal);
        var missing = WorkflowAnalyzer.AllRules.Select(rule => rule.Rule.Id).Where(id => id != "GA000" && !marked.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "rules with no firing case: " + string.Join(", ", missing));
    }
}
