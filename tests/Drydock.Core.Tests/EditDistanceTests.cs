using Drydock.Text;

namespace Drydock.Core.Tests;

public class EditDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("builder", "builder", 0)]
    [InlineData("biuld", "build", 2)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("libssl3", "libssl1.1", 3)]
    [InlineData("Build", "build", 1)]
    public void Levenshtein_counts_insertions_deletions_and_substitutions(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Levenshtein(a, b));
        Assert.Equal(expected, EditDistance.Levenshtein(b, a));
    }

    [Theory]
    [InlineData("Build", "build", 0)]
    [InlineData("NODE-VERSION", "node_version", 1)]
    [InlineData("Python-Version", "python-versions", 1)]
    public void Ignoring_case_compares_letters_by_their_lower_case(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Levenshtein(a, b, ignoreCase: true));
    }

    [Theory]
    [InlineData("kitten", "sitting", 1, 2)]
    [InlineData("kitten", "sitting", 2, 3)]
    [InlineData("kitten", "sitting", 3, 3)]
    [InlineData("abcdef", "uvwxyz", 0, 1)]
    [InlineData("same", "same", 0, 0)]
    public void A_limit_gives_up_with_limit_plus_one(string a, string b, int limit, int expected)
    {
        Assert.Equal(expected, EditDistance.Levenshtein(a, b, limit: limit));
    }
}
