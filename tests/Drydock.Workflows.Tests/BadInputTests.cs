using System.Text;
using Drydock.Testing;

namespace Drydock.Workflows.Tests;

/// <summary>Broken files give one GA000 with a clear message and a location, never an exception or a hang.</summary>
public sealed class BadInputTests
{
    private const string WorkflowPath = ".github/workflows/ci.yml";

    private static Drydock.Findings.Finding SingleGa000(TempTree tree)
    {
        var findings = WorkflowCheck.Run(tree.Root);
        var finding = Assert.Single(findings);
        Assert.Equal("GA000", finding.RuleId);
        Assert.Equal(WorkflowPath, finding.Location.Path);
        return finding;
    }

    [Fact]
    public void Malformed_yaml_points_at_the_line()
    {
        using var tree = new TempTree().Write(WorkflowPath, "on: push\njobs:\n  a:\n    runs-on: [ubuntu-latest\n    steps: x\n");
        var finding = SingleGa000(tree);
        Assert.StartsWith("invalid YAML", finding.Message, StringComparison.Ordinal);
        Assert.True(finding.Location.Line is >= 4 and <= 6, finding.Message + " at " + finding.Location);
    }

    [Fact]
    public void Tabs_in_indentation_are_reported_with_their_line()
    {
        using var tree = new TempTree().Write(WorkflowPath, "on: push\njobs:\n  a:\n\truns-on: ubuntu-latest\n");
        var finding = SingleGa000(tree);
        Assert.True(finding.Location.Line == 4, finding.Message + " at " + finding.Location);
    }

    [Fact]
    public void Duplicate_keys_are_reported_with_their_line()
    {
        using var tree = new TempTree().Write(WorkflowPath, "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    runs-on: ubuntu-22.04\n    steps: [{run: x}]\n");
        var finding = SingleGa000(tree);
        Assert.Contains("uplicate", finding.Message, StringComparison.Ordinal);
        Assert.Equal(5, finding.Location.Line);
    }

    [Theory]
    [InlineData("- on: push\n- jobs: {}\n", "found a sequence")]
    [InlineData("just a string\n", "found a scalar")]
    [InlineData("", "empty")]
    [InlineData("# only a comment\n", "empty")]
    public void Non_mapping_and_empty_documents_say_what_they_found(string text, string message)
    {
        using var tree = new TempTree().Write(WorkflowPath, text);
        var finding = SingleGa000(tree);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
        Assert.Equal(1, finding.Location.Line);
    }

    [Fact]
    public void A_billion_laughs_document_is_bounded()
    {
        var yaml = new StringBuilder("on: push\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level < 12; level++)
        {
            yaml.Append($"x{level}: &a{level} [");
            yaml.AppendJoin(", ", Enumerable.Repeat($"*a{level - 1}", 9));
            yaml.Append("]\n");
        }

        yaml.Append("jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n        env:\n          BOMB: *a11\n");
        using var tree = new TempTree().Write(WorkflowPath, yaml.ToString());
        var finding = SingleGa000(tree);
        Assert.Contains("YAML bomb", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_20_MB_workflow_is_refused_by_size()
    {
        using var tree = new TempTree();
        var text = new StringBuilder("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n");
        while (text.Length < 20 * 1024 * 1024)
        {
            text.Append("      - run: echo 0123456789012345678901234567890123456789012345678901234567890123456789\n");
        }

        tree.Write(WorkflowPath, text.ToString());
        var finding = SingleGa000(tree);
        Assert.Contains("MiB", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x6f, 0x6e, 0x3a, 0x00, 0x01 }, "NUL")]
    [InlineData(new byte[] { 0x6f, 0x6e, 0x3a, 0x20, 0xff, 0xfe, 0x0a }, "UTF-8")]
    public void Binary_and_invalid_utf8_files_are_reported(byte[] bytes, string message)
    {
        using var tree = new TempTree().WriteBytes(WorkflowPath, bytes);
        var finding = SingleGa000(tree);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Odd_shapes_do_not_crash_any_rule()
    {
        const string odd = """
            on: [push, {weird: 1}]
            permissions: [a]
            env: 5
            jobs:
              a:
                runs-on: {labels: 5}
                needs: {x: 1}
                strategy: {matrix: [1, 2]}
                outputs: []
                steps:
                  - 42
                  - uses: ""
                  - uses: "@"
                  - uses: owner/repo@
                  - run: [not, a, string]
                    with: string
                    env: [x]
              b: just a string
              c:
                runs-on: ubuntu-latest
                steps: {not: a list}
            """;
        using var tree = new TempTree().Write(WorkflowPath, odd);
        var findings = WorkflowCheck.Run(tree.Root);
        Assert.DoesNotContain(findings, finding => finding.RuleId == "GA000");
        Assert.NotEmpty(findings);
    }
}
