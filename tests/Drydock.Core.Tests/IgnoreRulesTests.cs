using Drydock.Discovery;

namespace Drydock.Core.Tests;

public class IgnoreRulesTests
{
    [Theory]
    [InlineData("*.log", "a/b/debug.log", false, true)]
    [InlineData("/build", "build", true, true)]
    [InlineData("/build", "src/build", true, false)]
    [InlineData("build/", "src/build", true, true)]
    [InlineData("build/", "src/build", false, false)]
    [InlineData("docs/*.md", "docs/a.md", false, true)]
    [InlineData("docs/*.md", "docs/x/a.md", false, false)]
    [InlineData("docs/**/*.md", "docs/x/y/a.md", false, true)]
    [InlineData("**/cache", "a/b/cache", true, true)]
    [InlineData("a/**", "a/b/c", false, true)]
    [InlineData("[Tt]emp", "x/Temp", true, true)]
    [InlineData("file?.txt", "file1.txt", false, true)]
    [InlineData("file?.txt", "file10.txt", false, false)]
    public void Gitignore_patterns_match_as_git_does(string pattern, string path, bool isDirectory, bool ignored)
    {
        Assert.Equal(ignored, IgnoreRules.Parse(pattern).IsIgnored(path, isDirectory));
    }

    [Fact]
    public void A_later_negation_re_includes_and_the_last_match_wins()
    {
        var rules = IgnoreRules.Parse("*.env\n!example.env\n");
        Assert.True(rules.IsIgnored("prod.env", false));
        Assert.False(rules.IsIgnored("example.env", false));
    }

    [Fact]
    public void Files_inside_an_ignored_directory_are_ignored()
    {
        var rules = IgnoreRules.Parse("node_modules/\n");
        Assert.True(rules.IsIgnored("web/node_modules/x/index.js", false));
    }

    [Fact]
    public void Patterns_of_a_nested_gitignore_apply_below_its_folder_only()
    {
        var rules = IgnoreRules.Parse("*.tmp", "sub");
        Assert.True(rules.IsIgnored("sub/a.tmp", false));
        Assert.False(rules.IsIgnored("a.tmp", false));
    }

    [Theory]
    [InlineData(".git", ".git", true, true)]
    [InlineData("*.pyc", "a/b.pyc", false, false)]
    [InlineData("**/*.pyc", "a/b.pyc", false, true)]
    [InlineData("/tests", "tests", true, true)]
    [InlineData("./docs", "docs", true, true)]
    [InlineData("__pycache__", "pkg/__pycache__", true, false)]
    public void Dockerignore_patterns_are_anchored_at_the_context_root(string pattern, string path, bool isDirectory, bool ignored)
    {
        Assert.Equal(ignored, IgnoreRules.Parse(pattern, dockerIgnoreSemantics: true).IsIgnored(path, isDirectory));
    }

    [Fact]
    public void Matching_pattern_names_the_rule_that_excluded_a_path()
    {
        var rules = IgnoreRules.Parse("docs\n*.md\n", dockerIgnoreSemantics: true);
        Assert.Equal("docs", rules.MatchingPattern("docs/index.rst", false));
        Assert.Null(rules.MatchingPattern("src/app.py", false));
    }

    [Theory]
    [InlineData("*", "", true)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("[!a]x", "bx", true)]
    [InlineData("[!a]x", "ax", false)]
    [InlineData("\\*x", "*x", true)]
    [InlineData("foo[", "foo[", true)]
    [InlineData("foo[", "foox", false)]
    [InlineData("a[]", "a[]", true)]
    public void Segment_globs(string pattern, string text, bool matches)
    {
        Assert.Equal(matches, GlobMatcher.MatchSegment(pattern, text));
    }
}
