using Drydock.Analysis;
using Drydock.Testing;

namespace Drydock.Compose.Tests;

/// <summary>The field cases' compose files: DC findings by file and line (the full check is the CLI's example test).</summary>
public sealed class ExampleTests
{
    [Theory]
    [InlineData("case-b-executor-stack", "deployment/docker-compose.yml:30 DC005|deployment/docker-compose.yml:39 DC011")]
    public void Example_compose_findings(string example, string expected)
    {
        string root = RepoRoot.Combine("examples", example);
        Assert.True(Directory.Exists(root), $"{root} is missing");
        var result = new CheckEngine([new ComposeAnalyzer(() => [])]).Run(Project.Open(root));
        var actual = result.Findings.Select(finding => $"{finding.Location.Path}:{finding.Location.Line} {finding.Rule.Id}");
        Assert.Equal(expected.Split('|'), actual);
    }
}
