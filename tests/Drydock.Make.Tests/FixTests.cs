using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Testing;

namespace Drydock.Make.Tests;

/// <summary>Each fix removes its finding and keeps every other byte of the file.</summary>
public sealed class FixTests
{
    internal static IReadOnlyCollection<Finding> Run(string root) => new CheckEngine([new MakefileAnalyzer()]).Run(Project.Open(root)).Findings;

    [Fact]
    public void Space_indented_recipe_line_gets_a_tab()
    {
        const string before = "# build\r\nbuild:\r\n\tgo build\r\n        go vet ./...   # keep\r\n.PHONY: build\r\n";
        const string after = "# build\r\nbuild:\r\n\tgo build\r\n\tgo vet ./...   # keep\r\n.PHONY: build\r\n";
        using var tree = new TempTree().Write("Makefile", before);
        AssertFix(tree, "Makefile", "MK001", after, safe: true);
    }

    [Fact]
    public void Phony_target_is_appended_to_the_existing_phony_line()
    {
        const string before = ".PHONY: lint \\\n  build # actions\n\ntest:\n\tpytest\nlint:\n\truff .\nbuild:\n\ttrue\n";
        const string after = ".PHONY: lint \\\n  build test # actions\n\ntest:\n\tpytest\nlint:\n\truff .\nbuild:\n\ttrue\n";
        using var tree = new TempTree().Write("Makefile", before).Write("test/test_a.py", "def test_a():\n    pass\n");
        AssertFix(tree, "Makefile", "MK002", after, safe: true);
    }

    [Fact]
    public void Phony_line_is_inserted_above_the_rule_when_there_is_none()
    {
        const string before = "PY = python\n\ndocs:\n\tmkdocs build\n";
        const string after = "PY = python\n\n.PHONY: docs\ndocs:\n\tmkdocs build\n";
        using var tree = new TempTree().Write("app/Makefile", before).Write("app/docs/index.md", "# x\n");
        AssertFix(tree, "app/Makefile", "MK002", after, safe: true);
    }

    [Fact]
    public void Single_dollar_shell_variable_is_escaped_by_an_unsafe_fix()
    {
        const string before = "install:\n\tcp app $HOME/bin # $$ kept\n";
        const string after = "install:\n\tcp app $$HOME/bin # $$ kept\n";
        using var tree = new TempTree().Write("Makefile", before);
        AssertFix(tree, "Makefile", "MK004", after, safe: false);
    }

    private static void AssertFix(TempTree tree, string path, string ruleId, string expected, bool safe)
    {
        var finding = Assert.Single(Run(tree.Root), found => found.Rule.Id == ruleId);
        var fix = Assert.IsType<Fix>(finding.Fix);
        Assert.Equal(safe, fix.IsSafe);
        Assert.All(fix.Edits, edit => Assert.Equal(path, edit.Path));
        string text = FixEdits.Apply(File.ReadAllText(tree.Path(path)), fix);

        Assert.Equal(expected, text);
        File.WriteAllText(tree.Path(path), text);
        Assert.DoesNotContain(Run(tree.Root), found => found.Rule.Id == ruleId);
    }
}
