using System.Reflection;
using System.Text.RegularExpressions;
using Drydock.Findings;
using Drydock.Testing;

namespace Drydock.Workflows.Tests;

public sealed partial class AnalyzerTests
{
    [Fact]
    public void Every_rule_class_is_listed_once_with_an_id_in_the_GA_range()
    {
        var classes = typeof(WorkflowAnalyzer).Assembly.GetTypes()
            .Where(type => typeof(IWorkflowRule).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false })
            .Select(type => type.FullName).Order(StringComparer.Ordinal).ToList();
        var listed = WorkflowAnalyzer.AllRules.Select(rule => rule.GetType().FullName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(classes, listed);

        var ids = new WorkflowAnalyzer().Rules.Select(rule => rule.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^GA0[0-6][0-9]$", id));
        Assert.True(ids.Count >= 25);
    }

    [Fact]
    public void Each_rule_file_holds_its_descriptor_and_the_instance_reports_it()
    {
        foreach (var rule in WorkflowAnalyzer.AllRules)
        {
            var field = rule.GetType().GetField("Descriptor", BindingFlags.Public | BindingFlags.Static);
            Assert.NotNull(field);
            Assert.Same(field!.GetValue(null), rule.Rule);
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", rule.Rule.Name);
            Assert.Equal(RuleKind.Workflow, rule.Rule.Kind);
            Assert.False(string.IsNullOrWhiteSpace(rule.Rule.Why));
            Assert.False(string.IsNullOrWhiteSpace(rule.Rule.FixAdvice));
        }
    }

    [Fact]
    public void Every_rule_has_a_docs_page_in_the_standard_layout()
    {
        foreach (var rule in new WorkflowAnalyzer().Rules)
        {
            string path = RepoRoot.Combine("docs", "rules", rule.Id + ".md");
            Assert.True(File.Exists(path), "missing " + path);
            string text = File.ReadAllText(path);
            Assert.StartsWith($"# {rule.Id} {rule.Name}\n", text, StringComparison.Ordinal);
            string fixable = rule.Fixable ? "(safe|unsafe)" : "no";
            string severity = rule.DefaultSeverity.ToName();
            Assert.Matches(new Regex($@"\| {severity} \| Workflow \| {fixable} \| [^|\n]+ \|"), text);
            foreach (string section in new[] { "## Why it matters", "## Fires on", "## Quiet on", "## Fix", "## Configuration" })
            {
                Assert.Contains("\n" + section + "\n", text, StringComparison.Ordinal);
            }

            Assert.Contains($"drydock ignore={rule.Id}", text, StringComparison.Ordinal);
        }
    }
}
