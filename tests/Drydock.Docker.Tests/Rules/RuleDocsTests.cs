using Drydock.Docker.Rules;
using Drydock.Testing;

namespace Drydock.Docker.Tests.Rules;

/// <summary>The examples on the pages of DF000-DF039 do what they say (the layout is checked for every rule by Drydock.Cli.Tests RuleDocsTests).</summary>
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
    public void Page_examples_fire_and_stay_quiet(string id)
    {
        string page = File.ReadAllText(RepoRoot.Combine("docs", "rules", id + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal);
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
