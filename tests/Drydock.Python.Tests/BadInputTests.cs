using System.Text;
using Drydock.Python.Model;
using Drydock.Testing;

namespace Drydock.Python.Tests;

/// <summary>Bad input gives a precise PY000 (or a quiet skip), never an exception.</summary>
public sealed class BadInputTests
{
    private static List<string> Findings(TempTree tree) =>
        [.. CaseTests.Run(tree.Root).Select(finding => $"{finding.Location.Path}:{finding.Location.Line} {finding.RuleId} {finding.Message}")];

    [Fact]
    public void Invalid_utf8_is_skipped_with_its_position()
    {
        using var tree = new TempTree();
        tree.WriteBytes("tests/test_latin.py", [.. "x = 1\ny = '"u8, 0xE9, .. "'\n"u8]);
        var finding = Assert.Single(Findings(tree));
        Assert.StartsWith("tests/test_latin.py:2 PY000", finding, StringComparison.Ordinal);
        Assert.Contains("invalid UTF-8", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void A_latin1_coding_declaration_is_named_in_the_finding()
    {
        using var tree = new TempTree();
        tree.WriteBytes("legacy.py", [.. "# -*- coding: latin-1 -*-\nname = '"u8, 0xE9, .. "'\n"u8]);
        var finding = Assert.Single(Findings(tree));
        Assert.StartsWith("legacy.py:2 PY000", finding, StringComparison.Ordinal);
        Assert.Contains("coding: latin-1", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Nul_bytes_are_skipped()
    {
        using var tree = new TempTree();
        tree.WriteBytes("mod.py", [.. "x = 1\n"u8, 0, .. "\n"u8]);
        Assert.Contains("NUL", Assert.Single(Findings(tree)), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lines_and_empty_files_parse()
    {
        using var tree = new TempTree();
        tree.Write("long.py", "x = [" + string.Join(", ", Enumerable.Repeat("1", 50_000)) + "]\ny = '" + new string('a', 100_000) + "'\n")
            .Write("empty.py", "")
            .Write("blank.py", "\n\n   \n")
            .Write("only_comment.py", "# nothing")
            .Write("no_newline.py", "if x:\n    y = 1");
        Assert.Empty(Findings(tree));
    }

    [Fact]
    public void Deep_nesting_and_unbalanced_brackets_do_not_crash()
    {
        using var tree = new TempTree();
        tree.Write("deep.py", new string('(', 20_000) + "\n")
            .Write("close.py", "x = )]}\n")
            .Write("fdeep.py", string.Concat(Enumerable.Repeat("f'{", 500)) + "\n");
        var findings = Findings(tree);
        Assert.Equal(3, findings.Count);
        Assert.All(findings, finding => Assert.Contains(" PY000 ", finding, StringComparison.Ordinal));
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(4);
        var alphabet = "abc_ \t\n\r\\'\"#()[]{}:=.,;@fFrRbB0123456789xj-+*/<>!`$\u00e9".ToCharArray();
        for (int round = 0; round < 3000; round++)
        {
            var builder = new StringBuilder();
            int length = random.Next(0, 200);
            for (int k = 0; k < length; k++) { builder.Append(alphabet[random.Next(alphabet.Length)]); }
            var module = PythonModule.FromText("fuzz.py", builder.ToString());
            _ = module.Problems.Count + module.Imports.Count + module.Exits.Count + module.MainBlocks.Count + module.DefinedNames.Count;
            foreach (var token in module.AllTokens) { Assert.InRange(token.Start, 0, builder.Length); Assert.InRange(token.End, token.Start, builder.Length); }
        }
    }

    [Fact]
    public void Broken_packaging_files_are_py000_not_crashes()
    {
        using var tree = new TempTree();
        tree.Write("pyproject.toml", "[project\nname = \n")
            .Write("tox.ini", "envlist = py39\n")
            .WriteBytes("requirements.txt", [0xFF, 0xFE, 0x00]);
        var findings = Findings(tree);
        Assert.Equal(3, findings.Count);
        Assert.All(findings, finding => Assert.Contains(" PY000 ", finding, StringComparison.Ordinal));
    }
}
