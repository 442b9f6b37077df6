using Drydock.Python.Parsing;

namespace Drydock.Python.Tests;

public sealed class TokenizerTests
{
    private static List<(PyTokenKind Kind, string Text)> Tokens(string text) =>
        [.. PyTokenizer.Tokenize(text).Tokens.Select(token => (token.Kind, token.Text(text)))];

    [Fact]
    public void Indentation_gives_indent_and_dedent_tokens()
    {
        var kinds = Tokens("if x:\n    y = 1\n\n    # comment\nz = 2\n").Select(token => token.Kind).ToList();
        Assert.Equal(
            [PyTokenKind.Name, PyTokenKind.Name, PyTokenKind.Operator, PyTokenKind.Newline, PyTokenKind.Indent, PyTokenKind.Name, PyTokenKind.Operator, PyTokenKind.Number, PyTokenKind.Newline,
             PyTokenKind.NonLogicalNewline, PyTokenKind.Comment, PyTokenKind.NonLogicalNewline, PyTokenKind.Dedent, PyTokenKind.Name, PyTokenKind.Operator, PyTokenKind.Number, PyTokenKind.Newline, PyTokenKind.EndMarker],
            kinds);
    }

    [Theory]
    [InlineData("r'\\d'")]
    [InlineData("Rb\"x\"")]
    [InlineData("bR'''a\nb'''")]
    [InlineData("u'x'")]
    [InlineData("'''it''s'''")]
    [InlineData("\"a\\\"b\"")]
    [InlineData("r'\\''")]
    public void String_prefixes_and_quotes_make_one_string_token(string literal)
    {
        var tokens = Tokens(literal + "\n");
        Assert.Equal((PyTokenKind.String, literal), tokens[0]);
        Assert.Empty(PyTokenizer.Tokenize(literal + "\n").Problems);
    }

    [Fact]
    public void Fstrings_nest_per_pep_701()
    {
        const string Source = "f\"a{x!r:>{width}} {f'{y}'} {\"q\"}{{z}}\"\n";
        var stream = PyTokenizer.Tokenize(Source);
        Assert.Empty(stream.Problems);
        var kinds = stream.Tokens.Select(token => token.Kind).ToList();
        Assert.Equal(2, kinds.Count(kind => kind == PyTokenKind.FStringStart));
        Assert.Equal(2, kinds.Count(kind => kind == PyTokenKind.FStringEnd));
        Assert.Contains((PyTokenKind.String, "\"q\""), Tokens(Source));
        Assert.Contains((PyTokenKind.Name, "width"), Tokens(Source));
        Assert.Equal((PyTokenKind.FStringMiddle, "{{z}}"), Tokens(Source).Last(token => token.Kind == PyTokenKind.FStringMiddle));
    }

    [Fact]
    public void Continuations_join_lines()
    {
        var tokens = Tokens("x = (1,\n     2)\ny = 1 + \\\n    2\n");
        Assert.Equal(2, tokens.Count(token => token.Kind == PyTokenKind.Newline));
        Assert.DoesNotContain(tokens, token => token.Kind == PyTokenKind.Indent);
    }

    [Theory]
    [InlineData("1_000")]
    [InlineData("0x_FF")]
    [InlineData("1.5e-3")]
    [InlineData("3j")]
    [InlineData(".5")]
    [InlineData("0o17")]
    [InlineData("00")]
    public void Numbers_are_single_tokens(string number)
    {
        Assert.Equal((PyTokenKind.Number, number), Tokens(number + "\n")[0]);
    }

    [Theory]
    [InlineData("if x:\n        a\n    b\n", PyProblemKind.IndentationError, 3)]
    [InlineData("if x:\n\ta\n        b\n", PyProblemKind.TabError, 3)]
    [InlineData("x = 'abc\n", PyProblemKind.SyntaxError, 1)]
    [InlineData("x = '''abc\n\n", PyProblemKind.SyntaxError, 1)]
    [InlineData("x = (1,\n", PyProblemKind.SyntaxError, 1)]
    [InlineData("x = 0777\n", PyProblemKind.Python2, 1)]
    [InlineData("x = `y`\n", PyProblemKind.Python2, 1)]
    [InlineData("if a <> b: pass\n", PyProblemKind.Python2, 1)]
    [InlineData("x = $\n", PyProblemKind.SyntaxError, 1)]
    [InlineData("x = f'{a\n", PyProblemKind.SyntaxError, 1)]
    public void Problems_have_kind_and_line(string text, PyProblemKind kind, int line)
    {
        var problem = PyTokenizer.Tokenize(text).Problems.First();
        Assert.Equal(kind, problem.Kind);
        Assert.Equal(line, 1 + text[..problem.Start].Count(c => c == '\n'));
    }

    [Fact]
    public void Encoding_declaration_is_read_from_the_first_two_lines()
    {
        Assert.Equal("latin-1", PyTokenizer.EncodingOf("#!/usr/bin/env python\n# -*- coding: latin-1 -*-\n"));
        Assert.Null(PyTokenizer.EncodingOf("import x\n# coding: utf-8\n"));
    }

    [Fact]
    public void Positions_are_exact()
    {
        const string Text = "x = 1\n  # c\ndef  f():\n    return 'é'\n";
        var stream = PyTokenizer.Tokenize(Text);
        var name = stream.Tokens.First(token => token.Kind == PyTokenKind.Name && token.Text(Text) == "f");
        Assert.Equal(Text.IndexOf("f()", StringComparison.Ordinal), name.Start);
        var literal = stream.Tokens.First(token => token.Kind == PyTokenKind.String);
        Assert.Equal("'é'", literal.Text(Text));
    }
}
