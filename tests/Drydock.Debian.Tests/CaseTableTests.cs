using Drydock.Debian.Advice;
using Drydock.Debian.Images;
using Drydock.Debian.Index;

namespace Drydock.Debian.Tests;

/// <summary>Runs the tables in Cases/: every line is one case, so adding a case takes no C#.</summary>
public sealed class CaseTableTests
{
    public static TheoryData<int, string> PackageCases() => Lines("package-checks.txt");

    public static TheoryData<int, string> ImageCases() => Lines("base-images.txt");

    [Theory]
    [MemberData(nameof(PackageCases))]
    public void Package_check_matches_the_table(int lineNumber, string line)
    {
        string[] halves = line.Split(" | ", 2);
        string[] words = halves[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(words.Length is 4 or 5, $"package-checks.txt:{lineNumber}: expected 4 or 5 words");
        var targets = ArchSet.Of(words[2].Split(','));
        var sources = halves.Length == 2 ? AptSources.FromText([halves[1]], ThirdPartyCatalog.Shared) : null;

        var check = PackageAdvisor.Shared.Check(words[0], words[1], targets, sources);

        Assert.True(words[3] == check.Verdict.ToString(), $"package-checks.txt:{lineNumber}: {words[1]} on {words[0]} is {check.Verdict}, expected {words[3]}: {check.Message}");
        // A problem always says what is wrong and what to do; a pass says nothing; NotChecked says why in Message.
        Assert.Equal(check.IsProblem || check.Verdict == PackageVerdict.NotChecked, check.Message.Length > 0);
        Assert.Equal(check.IsProblem, check.Advice.Length > 0);
        if (words.Length == 5)
        {
            string expected = words[4];
            string actual = check.Suggestions.Count > 0 ? check.Suggestions[0] : "-";
            Assert.True(expected == actual, $"package-checks.txt:{lineNumber}: first suggestion {actual}, expected {expected} (all: {string.Join(", ", check.Suggestions)})");
        }
    }

    [Theory]
    [MemberData(nameof(ImageCases))]
    public void Base_image_resolves_as_the_table_says(int lineNumber, string line)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(words.Length == 5, $"base-images.txt:{lineNumber}: expected 5 words");
        var resolver = new BaseImageResolver(new FixedClock(DateOnly.Parse(words[0], System.Globalization.CultureInfo.InvariantCulture)));

        var release = resolver.Resolve(words[1]);

        string codename = release.Codename ?? "-";
        Assert.True(
            words[2] == release.Family.ToString() && words[3] == codename && words[4] == release.Certainty.ToString(),
            $"base-images.txt:{lineNumber}: {words[1]} resolved to {release.Family} {codename} {release.Certainty} ({release.Explanation})");
        Assert.False(string.IsNullOrWhiteSpace(release.Explanation));
        Assert.Contains(words[1], release.Explanation, StringComparison.Ordinal);
    }

    private static TheoryData<int, string> Lines(string file)
    {
        var data = new TheoryData<int, string>();
        string[] lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Cases", file));
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                data.Add(i + 1, line);
            }
        }

        return data;
    }
}

internal sealed class FixedClock(DateOnly day) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
