using Drydock.Testing;

namespace Drydock.Workflows.Tests;

/// <summary>
/// The example repositories: the GA findings of this analyzer, by file and line. When the example has an
/// expected-findings.txt, its GA lines for rules of this analyzer must match exactly.
/// </summary>
public sealed class ExampleTests
{
    [Theory]
    [InlineData("case-a-crawler-mcp", new[]
    {
        ".github/workflows/docker-publish.yml:40 GA028",
        ".github/workflows/docker-publish.yml:43 GA028",
        ".github/workflows/docker-publish.yml:47 GA019",
        ".github/workflows/docker-publish.yml:50 GA021",
        ".github/workflows/docker-publish.yml:51 GA028",
        ".github/workflows/docker-publish.yml:59 GA028",
        ".github/workflows/docker-publish.yml:62 GA017",
        ".github/workflows/docker-publish.yml:63 GA020",
        ".github/workflows/docker-publish.yml:64 GA022",
        ".github/workflows/docker-publish.yml:65 GA022",
    })]
    [InlineData("case-c-accel-lib", new[]
    {
        ".github/workflows/multiarch.yml:23 GA012",
        ".github/workflows/multiarch.yml:32 GA012",
        ".github/workflows/test-amd64.yml:30 GA012",
        ".github/workflows/test-arm64.yml:10 GA023",
    })]
    [InlineData("clean-service", new string[0])]
    public void Example_reports_its_workflow_findings(string example, string[] expected)
    {
        string root = RepoRoot.Combine("examples", example);
        var ids = new WorkflowAnalyzer().Rules.Select(rule => rule.Id).ToHashSet(StringComparer.Ordinal);
        var actual = WorkflowCheck.Run(root).Select(finding => $"{finding.Location.Path}:{finding.Location.Line} {finding.RuleId}").ToList();
        Assert.Equal(expected, actual);

        var listed = ExampleExpectations.Load(root).Where(item => ids.Contains(item.RuleId)).Select(item => item.ToString()).Order(StringComparer.Ordinal).ToList();
        if (listed.Count > 0)
        {
            Assert.Equal(listed, actual.Order(StringComparer.Ordinal).ToList());
        }
    }
}
