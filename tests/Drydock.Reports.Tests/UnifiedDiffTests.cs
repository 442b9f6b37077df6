using Drydock.Reports.Fixes;

namespace Drydock.Reports.Tests;

public class UnifiedDiffTests
{
    [Fact]
    public void A_one_line_change_is_a_single_hunk_with_context()
    {
        string before = "FROM a\nRUN 1\nRUN 2\nRUN 3\nRUN 4\nRUN 5\n";
        string after = "FROM a\nRUN 1\nRUN 2\nRUN three\nRUN 4\nRUN 5\n";
        Assert.Equal(
            "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,6 +1,6 @@\n FROM a\n RUN 1\n RUN 2\n-RUN 3\n+RUN three\n RUN 4\n RUN 5\n",
            UnifiedDiff.Render("Dockerfile", before, after));
    }

    [Fact]
    public void Distant_changes_make_separate_hunks()
    {
        string before = string.Join("", Enumerable.Range(1, 20).Select(i => $"line {i}\n"));
        string after = before.Replace("line 2\n", "line two\n", StringComparison.Ordinal).Replace("line 19\n", "line nineteen\n", StringComparison.Ordinal);
        string diff = UnifiedDiff.Render("f", before, after);
        Assert.Equal(2, diff.Split('\n').Count(line => line.StartsWith("@@", StringComparison.Ordinal)));
        Assert.Contains("@@ -1,5 +1,5 @@", diff, StringComparison.Ordinal);
        Assert.Contains("@@ -16,5 +16,5 @@", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Insertions_and_a_missing_final_newline_are_shown()
    {
        string diff = UnifiedDiff.Render("f", "a\nb", "a\nx\nb");
        Assert.Contains("+x\n", diff, StringComparison.Ordinal);
        Assert.Contains("\\ No newline at end of file", diff, StringComparison.Ordinal);
        Assert.Equal("", UnifiedDiff.Render("f", "same\n", "same\n"));
    }
}
