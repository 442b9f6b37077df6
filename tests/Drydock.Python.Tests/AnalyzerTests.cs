using System.Reflection;
using System.Text.RegularExpressions;
using Drydock.Findings;
using Drydock.Knowledge;
using Drydock.Python.Model;
using Drydock.Testing;

namespace Drydock.Python.Tests;

public sealed partial class AnalyzerTests
{
    private static IEnumerable<RuleDescriptor> DescriptorsInAssembly() =>
        typeof(PythonAnalyzer).Assembly.GetTypes()
            .Select(type => type.GetField("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(field => field?.FieldType == typeof(RuleDescriptor))
            .Select(field => (RuleDescriptor)field!.GetValue(null)!);

    [Fact]
    public void Every_rule_class_is_listed_by_the_analyzer()
    {
        var listed = new PythonAnalyzer().Rules.Select(rule => rule.Id).Order(StringComparer.Ordinal).ToList();
        var declared = DescriptorsInAssembly().Select(rule => rule.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(declared, listed);
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    [Fact]
    public void Rule_ids_stay_in_the_python_and_git_ranges()
    {
        foreach (var rule in new PythonAnalyzer().Rules)
        {
            Assert.Matches(IdPattern(), rule.Id);
            int number = int.Parse(rule.Id[2..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(rule.Id.StartsWith("PY", StringComparison.Ordinal) ? number <= 49 : number <= 19, rule.Id);
            Assert.Matches(NamePattern(), rule.Name);
        }
    }

    [Fact]
    public void Every_rule_has_a_docs_page_in_the_layout()
    {
        foreach (var rule in new PythonAnalyzer().Rules)
        {
            string path = RepoRoot.Combine("docs", "rules", rule.Id + ".md");
            Assert.True(File.Exists(path), $"{path} is missing");
            string text = File.ReadAllText(path);
            Assert.StartsWith($"# {rule.Id} {rule.Name}\n", text, StringComparison.Ordinal);
            Assert.Contains("| Severity | Kind | Fixable | Equivalent |", text, StringComparison.Ordinal);
            string fixable = rule.Fixable ? (rule.Id == "PY001" ? "unsafe" : "safe") : "no";
            Assert.Contains($"| {rule.DefaultSeverity.ToName()} | {rule.Kind} | {fixable} |", text, StringComparison.Ordinal);
            foreach (string section in new[] { "## Why it matters", "## Fires on", "## Quiet on", "## Fix", "## Configuration" })
            {
                Assert.Contains(section, text, StringComparison.Ordinal);
            }

            Assert.Contains($"drydock ignore={rule.Id}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Knowledge_files_have_their_shape()
    {
        var assembly = typeof(PythonAnalyzer).Assembly;
        Assert.Equal(["import-names.json", "pytest-defaults.json", "python-stdlib.json"], KnowledgeFile.EmbeddedFiles(assembly).Order(StringComparer.Ordinal));
        var knowledge = PythonKnowledge.Default;
        Assert.Contains("asyncio", knowledge.Stdlib);
        Assert.Contains("tomllib", knowledge.Stdlib);
        Assert.Contains("distutils", knowledge.Stdlib);
        Assert.DoesNotContain("numpy", knowledge.Stdlib);
        Assert.All(knowledge.ImportNames.Values.SelectMany(names => names), name => Assert.Equal(Packaging.PyRequirement.NormalizeName(name), name));
        Assert.Equal(["test_*.py", "*_test.py"], knowledge.DefaultPythonFiles);
        Assert.Contains("-k", knowledge.PytestValueOptions);
        Assert.Contains("test", knowledge.TestExtras);
    }

    [GeneratedRegex("^(PY|GT)[0-9]{3}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}
