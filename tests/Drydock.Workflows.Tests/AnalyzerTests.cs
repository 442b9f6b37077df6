using System.Reflection;
using Drydock.Findings;

namespace Drydock.Workflows.Tests;

public sealed class AnalyzerTests
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
}
