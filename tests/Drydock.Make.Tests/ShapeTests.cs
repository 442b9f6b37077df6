using System.Text.Json;
using Drydock.Knowledge;

namespace Drydock.Make.Tests;

public sealed class ShapeTests
{
    [Fact]
    public void Every_rule_class_is_listed_in_the_analyzer()
    {
        var listed = MakefileAnalyzer.RuleInstances.Select(rule => rule.GetType()).ToHashSet();
        var declared = typeof(MakefileAnalyzer).Assembly.GetTypes()
            .Where(type => typeof(IMakeRule).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false }).ToList();
        Assert.NotEmpty(declared);
        Assert.All(declared, type => Assert.Contains(type, listed));
    }

    [Fact]
    public void Every_rule_has_its_descriptor_in_its_own_file_and_an_mk_id()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in MakefileAnalyzer.RuleInstances)
        {
            var field = rule.GetType().GetField("Descriptor", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static);
            Assert.NotNull(field);
            Assert.Same(rule.Rule, field!.GetValue(null));
            Assert.StartsWith("MK", rule.Rule.Id, StringComparison.Ordinal);
            Assert.Equal(Findings.RuleKind.Makefile, rule.Rule.Kind);
            Assert.True(ids.Add(rule.Rule.Id), $"{rule.Rule.Id} is used twice");
        }
    }

    [Fact]
    public void Conventional_phony_targets_file_has_its_shape()
    {
        using var document = KnowledgeFile.Open(typeof(MakefileAnalyzer).Assembly, "conventional-phony-targets.json");
        var targets = document.RootElement.GetProperty("targets");
        Assert.Equal(JsonValueKind.Array, targets.ValueKind);
        var names = targets.EnumerateArray().Select(item => item.GetString()).ToList();
        Assert.Contains("test", names);
        Assert.All(names, name => Assert.Matches("^[a-z][a-z0-9-]*$", name!));
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(names.Count, MakeKnowledge.Default.ConventionalPhonyTargets.Count);
    }
}
