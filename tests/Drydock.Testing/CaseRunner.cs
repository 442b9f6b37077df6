using Drydock.Analysis;
using Drydock.Findings;

namespace Drydock.Testing;

/// <summary>
/// Runs a "tests as data" case: a folder that is a small repository whose files mark the findings they expect
/// (<c># expect: DF012</c>), checked with one analyzer through <see cref="CheckEngine"/> (config and pragmas apply).
/// </summary>
public static class CaseRunner
{
    /// <summary>The case folder names under <paramref name="casesRoot"/>, in ordinal order (for a theory's data).</summary>
    public static IReadOnlyList<string> CaseNames(string casesRoot) =>
        [.. Directory.GetDirectories(casesRoot).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>
    /// Checks <paramref name="caseFolder"/> with <paramref name="analyzer"/> and compares the findings that pass
    /// <paramref name="filter"/> with the markers of the files whose relative path passes <paramref name="marks"/>
    /// (every file when null). With <paramref name="copy"/> the case runs from a copy in a fresh <see cref="TempTree"/>.
    /// Returns null when they agree, else the difference (or the engine's notes) followed by the findings, for the
    /// assertion message.
    /// </summary>
    public static string? Check(string caseFolder, IAnalyzer analyzer, Func<string, bool>? marks = null, Func<Finding, bool>? filter = null, bool copy = false)
    {
        using var tree = copy ? CopyOf(caseFolder) : null;
        var result = new CheckEngine([analyzer]).Run(Project.Open(tree?.Root ?? caseFolder));
        var findings = filter is null ? result.Findings : [.. result.Findings.Where(filter)];
        string? difference = result.Notes.Count > 0
            ? "notes:\n" + string.Join('\n', result.Notes)
            : InlineExpectations.Compare(Expectations(caseFolder, marks), findings);
        return difference is null
            ? null
            : $"case {Path.GetFileName(caseFolder)}:\n{difference}\n\nfindings:\n{string.Join('\n', findings.Select(finding => $"{finding.Location} {finding.RuleId} {finding.Message}"))}";
    }

    /// <summary>The expectations marked in the files of <paramref name="caseFolder"/> whose relative path passes <paramref name="marks"/>.</summary>
    public static IReadOnlyList<ExpectedFinding> Expectations(string caseFolder, Func<string, bool>? marks = null)
    {
        var expected = new List<ExpectedFinding>();
        foreach (string file in Directory.EnumerateFiles(caseFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(caseFolder, file).Replace('\\', '/');
            if (marks is null || marks(relative))
            {
                expected.AddRange(InlineExpectations.Parse(relative, File.ReadAllText(file)));
            }
        }

        return expected;
    }

    /// <summary>A fresh <see cref="TempTree"/> holding a copy of every file under <paramref name="folder"/>.</summary>
    public static TempTree CopyOf(string folder)
    {
        var tree = new TempTree();
        foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(tree.Root, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return tree;
    }
}
