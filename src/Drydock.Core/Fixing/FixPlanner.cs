using Drydock.Findings;

namespace Drydock.Fixing;

/// <summary>Why a finding's fix was not applied.</summary>
public enum FixSkipReason
{
    /// <summary>The fix changes behaviour and --unsafe was not given.</summary>
    Unsafe,

    /// <summary>Its edits overlap a fix chosen before it; it is retried on the next pass.</summary>
    Overlap,

    /// <summary>After the edit the file no longer parsed, or the finding was still there.</summary>
    VerificationFailed,

    /// <summary>The file changed on disk since it was read, or cannot be written.</summary>
    NotWritable,
}

public sealed record SkippedFix(Finding Finding, FixSkipReason Reason, string Detail);

/// <summary>The fixes chosen in one pass: no two of them touch the same characters.</summary>
public sealed record FixSelection(IReadOnlyList<Finding> Chosen, IReadOnlyList<SkippedFix> Skipped);

/// <summary>
/// Chooses which fixes to apply together. Identical edits from two findings are merged (applied once);
/// overlapping ones are never both applied: the first in file order wins and the other waits for the
/// next pass, where it is recomputed against the edited text.
/// </summary>
public static class FixPlanner
{
    public static FixSelection Select(IEnumerable<Finding> findings, bool includeUnsafe, IReadOnlySet<string>? onlyRules = null)
    {
        var chosen = new List<Finding>();
        var skipped = new List<SkippedFix>();
        var accepted = new List<TextEdit>();
        var candidates = findings
            .Where(finding => finding.Fix is { Edits.Count: > 0 })
            .Where(finding => onlyRules is null || onlyRules.Contains(finding.Rule.Id) || onlyRules.Contains(finding.Rule.Name))
            .OrderBy(finding => finding.Fix!.Edits[0].Path, StringComparer.Ordinal)
            .ThenBy(finding => finding.Fix!.Edits.Min(edit => edit.Start));

        foreach (var finding in candidates)
        {
            var fix = finding.Fix!;
            if (!fix.IsSafe && !includeUnsafe)
            {
                skipped.Add(new SkippedFix(finding, FixSkipReason.Unsafe, "changes behaviour; run with --unsafe to apply"));
                continue;
            }

            var fresh = fix.Edits.Where(edit => !accepted.Contains(edit)).ToList();
            if (fresh.Any(edit => accepted.Any(other => Conflicts(edit, other))))
            {
                skipped.Add(new SkippedFix(finding, FixSkipReason.Overlap, "overlaps another fix; retried after it"));
                continue;
            }

            accepted.AddRange(fresh);
            chosen.Add(finding);
        }

        return new FixSelection(chosen, skipped);
    }

    /// <summary>Two edits conflict when they overlap, or are insertions at the same place with different text.</summary>
    public static bool Conflicts(TextEdit a, TextEdit b)
    {
        if (!string.Equals(a.Path, b.Path, StringComparison.Ordinal))
        {
            return false;
        }

        if (a.Overlaps(b))
        {
            return true;
        }

        bool sameInsertionPoint = a.Start == b.Start && (a.Length == 0 || b.Length == 0);
        return sameInsertionPoint && a != b;
    }

    /// <summary>Applies non-overlapping edits to a text, back to front so offsets stay valid.</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits, string newLine = "\n")
    {
        var ordered = edits.Distinct().OrderByDescending(edit => edit.Start).ThenByDescending(edit => edit.Length).ToList();
        var builder = new System.Text.StringBuilder(text);
        foreach (var edit in ordered)
        {
            if (edit.Start < 0 || edit.End > builder.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(edits), $"edit {edit.Start}+{edit.Length} is outside {edit.Path} ({builder.Length} characters)");
            }

            builder.Remove(edit.Start, edit.Length);
            builder.Insert(edit.Start, newLine == "\n" ? edit.NewText : ToCrLf(edit.NewText));
        }

        return builder.ToString();
    }

    private static string ToCrLf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
}
