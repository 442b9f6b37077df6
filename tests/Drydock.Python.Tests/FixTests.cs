using Drydock.Findings;
using Drydock.Testing;

namespace Drydock.Python.Tests;

public sealed class FixTests
{
    private static (string Before, string After, IReadOnlyList<Finding> Findings) FixOnce(string path, string text, string ruleId, TempTree tree)
    {
        tree.Write(path, text);
        var findings = CaseTests.Run(tree.Root).Where(finding => finding.RuleId == ruleId).ToList();
        Assert.NotEmpty(findings);
        string after = text;
        foreach (var finding in findings.OrderByDescending(finding => finding.Fix!.Edits[0].Start))
        {
            Assert.NotNull(finding.Fix);
            after = FixEdits.Apply(after, finding.Fix!);
        }

        return (text, after, findings);
    }

    [Fact]
    public void Importorskip_fix_replaces_only_the_try_statement()
    {
        const string Head = "\"\"\"Browser tests.\"\"\"\r\nimport sys\r\n\r\n# the browser is optional\r\n";
        const string Try = "try:\r\n    from playwright.async_api import (\r\n        async_playwright,\r\n        Page,\r\n    )\r\nexcept ImportError:\r\n    print(\"install playwright\")\r\n    sys.exit(1)  # give up\r\n";
        const string Tail = "\r\n\r\ndef test_page():\r\n    assert async_playwright and Page\r\n";
        using var tree = new TempTree();
        var (_, after, findings) = FixOnce("tests/test_browser.py", Head + Try + Tail, "PY001", tree);
        Assert.False(findings[0].Fix!.IsSafe);
        Assert.Equal(
            Head + "import pytest\r\npytest.importorskip(\"playwright.async_api\")\r\nfrom playwright.async_api import (\r\n    async_playwright,\r\n    Page,\r\n)\r\n" + Tail,
            after);

        tree.Write("tests/test_browser.py", after);
        Assert.DoesNotContain(CaseTests.Run(tree.Root), finding => finding.RuleId is "PY001" or "PY000");
    }

    [Fact]
    public void Importorskip_fix_reuses_an_existing_pytest_import()
    {
        const string Text = "import sys\nimport pytest\ntry:\n    import torch\nexcept ImportError:\n    sys.exit(\"no torch\")\n\n\ndef test_x():\n    assert torch\n";
        using var tree = new TempTree();
        var (_, after, _) = FixOnce("test_torch.py", Text, "PY001", tree);
        Assert.Equal("import sys\nimport pytest\npytest.importorskip(\"torch\")\nimport torch\n\n\ndef test_x():\n    assert torch\n", after);
    }

    [Fact]
    public void No_fix_when_the_handler_does_more_than_report()
    {
        const string Text = "import sys\ntry:\n    import torch\nexcept ImportError:\n    torch = None\n    sys.exit(1)\n";
        using var tree = new TempTree();
        tree.Write("test_torch.py", Text);
        var finding = Assert.Single(CaseTests.Run(tree.Root), finding => finding.RuleId == "PY001");
        Assert.Null(finding.Fix);
    }

    [Theory]
    [InlineData("x = \"\\d+\"\n", "x = r\"\\d+\"\n")]
    [InlineData("x = '\\d \\n'\n", "x = '\\\\d \\n'\n")]
    [InlineData("x = u\"\\d\"\n", "x = u\"\\\\d\"\n")]
    [InlineData("x = b'\\d'\n", "x = rb'\\d'\n")]
    [InlineData("def f():\n    \"\"\"Match \\s+\"\"\"\n", "def f():\n    r\"\"\"Match \\s+\"\"\"\n")]
    [InlineData("x = f\"{y} \\d\"\n", "x = f\"{y} \\\\d\"\n")]
    public void Escape_fix_is_raw_or_doubled_and_keeps_the_rest(string before, string expected)
    {
        using var tree = new TempTree();
        var (_, after, findings) = FixOnce("mod.py", "# header\n" + before + "# footer\n", "PY004", tree);
        Assert.True(findings.All(finding => finding.Fix!.IsSafe));
        Assert.Equal("# header\n" + expected + "# footer\n", after);
        tree.Write("mod.py", after);
        Assert.DoesNotContain(CaseTests.Run(tree.Root), finding => finding.RuleId == "PY004");
    }
}
