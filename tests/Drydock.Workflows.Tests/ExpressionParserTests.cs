using Drydock.Workflows.Parsing;

namespace Drydock.Workflows.Tests;

public sealed class ExpressionParserTests
{
    [Theory]
    [InlineData("github.sha")]
    [InlineData("github.event.commits.*.message")]
    [InlineData("steps['meta'].outputs.tags")]
    [InlineData("matrix.os == 'ubuntu-latest' && !cancelled()")]
    [InlineData("(a.b || c.d) && e['f'][0]")]
    [InlineData("fromJSON('{\"a\": 1}').a")]
    [InlineData("'it''s' != null")]
    [InlineData("-1.5e3 < 0x10 && 0o17 >= 2")]
    [InlineData("format('{0}', true, false)")]
    public void Parses_valid_expressions(string text)
    {
        var tree = ExpressionParser.Parse(text, out var error);
        Assert.Null(error);
        Assert.NotNull(tree);
    }

    [Theory]
    [InlineData("a = b", "'=' is not an operator", 2)]
    [InlineData("a & b", "'&' is not an operator", 2)]
    [InlineData("'unclosed", "not closed", 0)]
    [InlineData("\"double\"", "single quotes", 0)]
    [InlineData("(a", "expected ')'", 2)]
    [InlineData("a.", "property name", 2)]
    [InlineData("", "empty", 0)]
    [InlineData("a b", "unexpected 'b'", 2)]
    [InlineData("f(a,)", "value was expected", 4)]
    [InlineData("1.2.3", "not a valid number", 0)]
    public void Reports_the_first_error_with_its_offset(string text, string message, int offset)
    {
        var tree = ExpressionParser.Parse(text, out var error);
        Assert.Null(tree);
        Assert.NotNull(error);
        Assert.Contains(message, error!.Message, StringComparison.Ordinal);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void Operators_bind_by_precedence()
    {
        var tree = ExpressionParser.Parse("a || b && c == d", out _);
        var or = Assert.IsType<BinaryNode>(tree);
        Assert.Equal("||", or.Operator);
        var and = Assert.IsType<BinaryNode>(or.Right);
        Assert.Equal("&&", and.Operator);
        Assert.Equal("==", Assert.IsType<BinaryNode>(and.Right).Operator);
    }

    [Fact]
    public void Access_paths_name_each_segment_and_keep_positions()
    {
        var tree = ExpressionParser.Parse("x == steps.meta.outputs['tags']", out _)!;
        var (node, path) = Assert.Single(ExprNodes.AccessChains(tree), chain => chain.Path[0] == "steps");
        Assert.Equal(["steps", "meta", "outputs", "tags"], path);
        Assert.Equal(5, node.Start);
        Assert.Equal(31, node.End);
    }

    [Fact]
    public void Templates_skip_closing_braces_inside_strings()
    {
        var templates = ExpressionTemplates.Find("a ${{ format('}}', x) }} b ${{ y");
        Assert.Equal(2, templates.Count);
        Assert.Equal(" format('}}', x) ", templates[0].Inner);
        Assert.True(templates[0].Closed);
        Assert.False(templates[1].Closed);
    }

    [Theory]
    [InlineData("0 3 * * 1-5", null)]
    [InlineData("*/15 0-23/2 1,15 JAN-DEC sun", null)]
    [InlineData("0 0 * * 7", null)]
    [InlineData("60 * * * *", "out of range")]
    [InlineData("* * *", "5 fields")]
    [InlineData("0 5-1 * * *", "backwards")]
    [InlineData("0 0 * FOO *", "not a valid value")]
    [InlineData("*/0 * * * *", "positive")]
    public void Validates_cron(string cron, string? problem)
    {
        string? result = CronExpression.Validate(cron);
        if (problem is null)
        {
            Assert.Null(result);
        }
        else
        {
            Assert.Contains(problem, result, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("release/**", true, null)]
    [InlineData("!docs/**", false, null)]
    [InlineData("v[0-9]+.*", true, null)]
    [InlineData("feature/[abc", true, "never closed")]
    [InlineData("a..b", true, "'..'")]
    [InlineData("my branch", true, "a space")]
    [InlineData("src/my file.py", false, null)]
    [InlineData("!", false, "negates nothing")]
    [InlineData("+x", true, "nothing to repeat")]
    public void Validates_filter_globs(string pattern, bool isRef, string? problem)
    {
        string? result = FilterGlob.Validate(pattern, isRef);
        if (problem is null)
        {
            Assert.Null(result);
        }
        else
        {
            Assert.Contains(problem, result, StringComparison.Ordinal);
        }
    }
}
