using Drydock.Analysis;
using Drydock.Docker.Rules;
using Drydock.Testing;

namespace Drydock.Docker.Tests.Rules;

/// <summary>Runs every fixture under Cases/Rules through the real analyzer on a real project and compares with its inline expectations.</summary>
public class RuleCaseTests
{
    /// <summary>DF000-DF039 only: the field-case rules (DF040+) have their own fixtures.</summary>
    internal static readonly IReadOnlyList<DockerfileRule> OwnRules = [.. DockerfileRules.All.Where(rule => string.CompareOrdinal(rule.Rule.Id, "DF040") < 0)];

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Cases", "Rules"), "*.Dockerfile").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_findings_match_expectations(string name)
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", "Rules", name));
        var result = Check(name, text);
        string? difference = InlineExpectations.Compare(InlineExpectations.Parse(name, text), result.Findings);
        Assert.True(difference is null, $"{name}:\n{difference}\n\nall findings:\n{string.Join('\n', result.Findings.Select(finding => $"{finding.Location} {finding.RuleId} {finding.Message}"))}");
    }

    internal static CheckResult Check(string name, string text)
    {
        using var tree = new TempTree();
        tree.Write(name, text);
        var project = Project.Open(tree.Root);
        var engine = new CheckEngine([new DockerfileAnalyzer(OwnRules)]);
        var result = engine.Run(project);
        Assert.Empty(result.Notes);
        return result;
    }
}
