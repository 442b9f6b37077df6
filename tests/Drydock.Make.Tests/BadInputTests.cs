using Drydock.Analysis;
using Drydock.Make.Model;
using Drydock.Testing;
using Drydock.Text;

namespace Drydock.Make.Tests;

/// <summary>Empty, binary, invalid UTF-8, huge or broken Makefiles give a clear MK000 finding or nothing, never an exception.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void Binary_makefile_is_one_mk000_finding()
    {
        using var tree = new TempTree().WriteBytes("Makefile", [(byte)'a', (byte)':', (byte)'\n', (byte)'\t', 0, 1, 2]);
        var finding = Assert.Single(FixTests.Run(tree.Root));
        Assert.Equal("MK000", finding.Rule.Id);
        Assert.Contains("binary", finding.Message, StringComparison.Ordinal);
        Assert.Equal(2, finding.Location.Line);
    }

    [Fact]
    public void Invalid_utf8_makefile_is_one_mk000_finding()
    {
        using var tree = new TempTree().WriteBytes("build.mk", [(byte)'A', (byte)'=', 0xC3, 0x28, (byte)'\n']);
        var finding = Assert.Single(FixTests.Run(tree.Root));
        Assert.Equal("MK000", finding.Rule.Id);
        Assert.Contains("invalid UTF-8", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_makefile_is_refused_with_a_finding()
    {
        using var tree = new TempTree().WriteBytes("Makefile", new byte[MakefileSet.MaxBytes + 1].Select(_ => (byte)'#').ToArray());
        var finding = Assert.Single(FixTests.Run(tree.Root));
        Assert.Equal("MK000", finding.Rule.Id);
        Assert.Contains("limit", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("\\")]
    [InlineData("a: \\")]
    [InlineData("$(")]
    [InlineData("a: $(x\n\tb ${")]
    [InlineData("define")]
    [InlineData("ifeq")]
    [InlineData(":")]
    [InlineData("=")]
    [InlineData("\t")]
    [InlineData("a:;")]
    [InlineData("x = $")]
    [InlineData("t:\n\techo $")]
    [InlineData("override")]
    [InlineData("a&:")]
    public void Degenerate_text_never_throws(string text)
    {
        var file = MakefileDocument.Parse(new SourceText("Makefile", text));
        Assert.NotNull(file.Statements);
        using var tree = new TempTree().Write("Makefile", text);
        _ = FixTests.Run(tree.Root);
    }

    [Fact]
    public void Deeply_nested_references_in_a_recipe_do_not_exhaust_the_stack()
    {
        string nested = string.Concat(Enumerable.Repeat("$(", 200_000)) + "x" + new string(')', 200_000);
        using var tree = new TempTree().Write("Makefile", $"A = {nested}\nt:\n\techo {nested} $HOME\n");
        var finding = Assert.Single(FixTests.Run(tree.Root));
        Assert.Equal("MK004", finding.Rule.Id);
    }

    [Fact]
    public void Random_bytes_as_text_never_throw()
    {
        var random = new Random(20261123);
        const string alphabet = "ab:=$(){}%|;#\\\t \n@-+.*?&!";
        for (int round = 0; round < 500; round++)
        {
            var chars = new char[random.Next(0, 80)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var file = MakefileDocument.Parse(new SourceText("Makefile", new string(chars)));
            foreach (var statement in file.Statements)
            {
                Assert.InRange(statement.Span.Start, 0, chars.Length);
                Assert.InRange(statement.Span.End, statement.Span.Start, chars.Length);
            }
        }
    }
}
