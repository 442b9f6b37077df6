using System.Text.RegularExpressions;
using Drydock.Findings;

namespace Drydock.Testing;

/// <summary>One expected finding: a rule firing at a line of a file.</summary>
public sealed record ExpectedFinding(string Path, int Line, string RuleId)
{
    public override string ToString() => $"{Path}:{Line} {RuleId}";
}

/// <summary>
/// Tests as data. A fixture marks the findings it expects inline, in a comment:
/// <list type="bullet">
/// <item><c># expect: DF012</c> at the end of a line: DF012 must fire on that line;</item>
/// <item><c># expect-next: DF012, DF020</c> alone on a line: they must fire on the next line that is not an expect comment
///   (for formats where a trailing comment would change the meaning, e.g. inside heredocs);</item>
/// <item><c># expect-file: DF031</c> anywhere: the rule fires on the file as a whole (line 0 or line 1).</item>
/// </list>
/// Any finding not marked is unexpected, so a fixture also proves which rules stay quiet.
/// Use "//" instead of "#" in formats whose comments start so.
/// </summary>
public static partial class InlineExpectations
{
    public static IReadOnlyList<ExpectedFinding> Parse(string path, string text)
    {
        var expected = new List<ExpectedFinding>();
        string[] lines = text.Split('\n');
        var pendingNext = new List<string>();
        for (int index = 0; index < lines.Length; index++)
        {
            int line = index + 1;
            var match = Marker().Match(lines[index]);
            if (match.Success)
            {
                var ids = match.Groups["ids"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                switch (match.Groups["kind"].Value)
                {
                    case "expect":
                        expected.AddRange(ids.Select(id => new ExpectedFinding(path, line, id)));
                        break;
                    case "expect-next":
                        pendingNext.AddRange(ids);
                        continue;
                    case "expect-file":
                        expected.AddRange(ids.Select(id => new ExpectedFinding(path, 0, id)));
                        continue;
                }
            }

            if (pendingNext.Count > 0 && lines[index].Trim().Length > 0)
            {
                expected.AddRange(pendingNext.Select(id => new ExpectedFinding(path, line, id)));
                pendingNext.Clear();
            }
        }

        return expected;
    }

    /// <summary>
    /// Compares findings with expectations and returns a readable difference, or null when they agree.
    /// A file-level expectation (line 0) accepts a finding on line 0 or 1.
    /// </summary>
    public static string? Compare(IEnumerable<ExpectedFinding> expected, IEnumerable<Finding> actual)
    {
        var want = expected.Select(Normalize).OrderBy(item => item.ToString(), StringComparer.Ordinal).ToList();
        var got = actual.Select(finding => Normalize(new ExpectedFinding(finding.Location.Path, finding.Location.Line, finding.Rule.Id)))
            .OrderBy(item => item.ToString(), StringComparer.Ordinal).ToList();
        var missing = Subtract(want, got);
        var unexpected = Subtract(got, want);
        if (missing.Count == 0 && unexpected.Count == 0)
        {
            return null;
        }

        var lines = new List<string>();
        lines.AddRange(missing.Select(item => $"  missing:    {item}"));
        lines.AddRange(unexpected.Select(item => $"  unexpected: {item}"));
        return string.Join('\n', lines);
    }

    private static ExpectedFinding Normalize(ExpectedFinding finding) => finding.Line == 1 ? finding with { Line = 0 } : finding;

    private static List<ExpectedFinding> Subtract(List<ExpectedFinding> from, List<ExpectedFinding> remove)
    {
        var rest = new List<ExpectedFinding>(from);
        foreach (var item in remove)
        {
            rest.Remove(item);
        }

        return rest;
    }

    [GeneratedRegex(@"(?:#|//)\s*(?<kind>expect-next|expect-file|expect)\s*:\s*(?<ids>[A-Z]{2}\d{3}(?:\s*,\s*[A-Z]{2}\d{3})*)\s*$")]
    private static partial Regex Marker();
}
