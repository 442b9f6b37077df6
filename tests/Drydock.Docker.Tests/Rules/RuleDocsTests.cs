using Drydock.Docker.Rules;
using Drydock.Findings;
using Drydock.Testing;

namespace Drydock.Docker.Tests.Rules;

/// <summary>The pages of DF000-DF039 agree with the descriptors, and their examples do what they say.</summary>
public class RuleDocsTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var rule in new DockerfileAnalyzer(RuleCaseTests.OwnRules).Rules)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Page_matches_descriptor_and_examples_fire_and_stay_quiet(string id)
    {
        var rule = new DockerfileAnalyzer(RuleCaseTests.OwnRules).Rules.Single(candidate => candidate.Id == id);
        string page = File.ReadAllText(RepoRoot.Combine("docs", "rules", id + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        string[] lines = page.Split('\n');
        Assert.Equal($"# {rule.Id} {rule.Name}", lines[0]);
        string[] cells = lines[4].Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
        Assert.Equal(rule.DefaultSeverity.ToName(), cells[0]);
        Assert.Equal("Dockerfile", cells[1]);
        Assert.Equal(rule.Fixable, cells[2] is "safe" or "unsafe");
        Assert.Equal(rule.Equivalents.Count == 0 ? "-" : string.Join(", ", rule.Equivalents), cells[3]);
        foreach (string section in new[] { "## Why it matters", "## Fires on", "## Quiet on", "## Fix", "## Configuration" })
        {
            Assert.Contains(section, page, StringComparison.Ordinal);
        }

        Assert.Contains(RuleCaseTests.Check("Dockerfile", Example(page, "## Fires on")).Findings, finding => finding.RuleId == id);
        Assert.DoesNotContain(RuleCaseTests.Check("Dockerfile", Example(page, "## Quiet on")).Findings, finding => finding.RuleId == id);
    }

    private static string Example(string page, string section)
    {
        int start = page.IndexOf("```dockerfile\n", page.IndexOf(section, StringComparison.Ordinal), StringComparison.Ordinal) + "```dockerfile\n".Length;
        int end = page.IndexOf("```", start, StringComparison.Ordinal);
        return page[start..end];
    }
}
