using Drydock.Analysis;
using Drydock.Testing;

namespace Drydock.Make.Tests;

/// <summary>The field-case examples: MK findings by file and line (the full check is the CLI's example test).</summary>
public sealed class ExampleTests
{
    [Theory]
    [InlineData("case-a-crawler-mcp", "")]
    [InlineData("case-b-executor-stack", "")]
    [InlineData("case-c-accel-lib", "")]
    [InlineData("case-d-temporal-worker", "")]
    [InlineData("clean-service", "")]
    public void Example_makefile_findings(string example, string expected)
    {
        string root = RepoRoot.Combine("examples", example);
        Assert.True(Directory.Exists(root), $"{root} is missing");
        var result = new CheckEngine([new MakefileAnalyzer()]).Run(Project.Open(root));
        var actual = result.Findings.Select(finding => $"{finding.Location.Path}:{finding.Location.Line} {finding.Rule.Id}");
        Assert.Equal(expected.Split('|', StringSplitOptions.RemoveEmptyEntries), actual);
    }

    [Fact]
    public void Case_d_makefile_is_parsed_into_its_targets()
    {
        string root = RepoRoot.Combine("examples", "case-d-temporal-worker");
        var project = Project.Open(root);
        var makefile = Assert.Single(project.Model(Model.MakefileSet.Build).Files);
        Assert.Equal(["build", "run", "push", ".PHONY"], makefile.Targets.Keys);
        Assert.Equal(["build", "push", "run"], makefile.PhonyTargets.Order(StringComparer.Ordinal));
        Assert.Empty(makefile.Problems);
    }
}
