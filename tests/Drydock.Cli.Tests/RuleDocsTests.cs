using System.Text.RegularExpressions;
using Drydock.Findings;
using Drydock.Testing;

namespace Drydock.Cli.Tests;

/// <summary>Keeps docs/rules and the rule metadata in step: every rule has a page, every page a rule, and they agree.</summary>
public partial class RuleDocsTests
{
    private static readonly string[] RequiredSections = ["## Why it matters", "## Fires on", "## Quiet on", "## Fix", "## Configuration"];

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All)
        {
            data.Add(rule.Id);
        }

        if (data.Count == 0)
        {
            data.Add("none");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_page_that_agrees_with_its_descriptor(string id)
    {
        if (id == "none")
        {
            return;
        }

        var rule = RuleCatalog.All.Single(rule => rule.Id == id);
        string path = RepoRoot.Combine("docs", "rules", id + ".md");
        Assert.True(File.Exists(path), $"{rule.Id} ({rule.Name}) has no page {rule.DocPath}");
        string page = File.ReadAllText(path);
        string[] lines = [.. page.Split('\n').Select(line => line.TrimEnd('\r'))];
        Assert.Equal($"# {rule.Id} {rule.Name}", lines[0]);
        Assert.True(lines.Contains("| Severity | Kind | Fixable | Equivalent |"), $"{path}: no metadata table header");
        var row = lines.Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith('|') && !line.StartsWith("| Severity", StringComparison.Ordinal) && !line.StartsWith("| ---", StringComparison.Ordinal));
        Assert.True(row is not null, $"{path}: no metadata table row");
        string[] cells = row!.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
        Assert.Equal(rule.DefaultSeverity.ToName(), cells[0]);
        Assert.Equal(rule.Kind.ToString(), cells[1]);
        Assert.Contains(cells[2], (string[])(rule.Fixable ? ["safe", "unsafe"] : ["no"]));
        Assert.Equal(rule.Equivalents.Count == 0 ? "-" : string.Join(", ", rule.Equivalents), cells[3]);
        foreach (string section in RequiredSections)
        {
            Assert.True(lines.Contains(section), $"{path} lacks the line '{section}'");
        }

        // Rules that report on a file of the repository can be silenced there; image and log findings cannot.
        if (rule.Kind is not (RuleKind.Image or RuleKind.Log))
        {
            Assert.True(page.Contains($"drydock ignore={rule.Id}", StringComparison.Ordinal), $"{path}: Configuration does not show the pragma");
        }
    }

    [Fact]
    public void Every_page_belongs_to_a_rule()
    {
        var ids = RuleCatalog.All.Select(rule => rule.Id).ToHashSet(StringComparer.Ordinal);
        string directory = RepoRoot.Combine("docs", "rules");
        var orphans = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.md").Select(Path.GetFileNameWithoutExtension).Where(id => !ids.Contains(id!) && id != "README").ToList()
            : [];
        Assert.True(orphans.Count == 0, "pages without a rule: " + string.Join(", ", orphans));
    }

    [Fact]
    public void Rule_ids_and_names_are_well_formed_and_unique()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Matches(IdPattern(), rule.Id);
            Assert.Matches(NamePattern(), rule.Name);
            Assert.True(names.Add(rule.Name), $"rule name {rule.Name} is used twice");
            Assert.False(string.IsNullOrWhiteSpace(rule.Summary), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Why), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.FixAdvice), rule.Id);
        }
    }

    [GeneratedRegex("^(DF|DC|GA|PY|GT|IM|LG|MK)[0-9]{3}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}
