using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Text;

namespace Drydock.Fixing;

/// <summary>A file `fix` would change: its text as read, and the text after the verified edits.</summary>
public sealed record FileChange(SourceText Original, string NewText);

/// <summary>What a fix run did, in memory; nothing is written until <see cref="AtomicFileWriter"/> is asked to.</summary>
public sealed record FixOutcome(
    IReadOnlyList<FileChange> Changes,
    IReadOnlyList<Finding> Fixed,
    IReadOnlyList<SkippedFix> Skipped,
    IReadOnlyList<Finding> Remaining);

/// <summary>
/// Applies fixes in passes, each checked before it is kept: the edited files are analysed again in
/// memory, and a fix is rolled back when its file no longer parses (a new XX000 finding) or when the
/// finding it was meant to remove is still there. Fixes deferred for overlapping are recomputed on the
/// next pass against the edited text, so running fix twice changes nothing the second time.
/// </summary>
public sealed class FixSession
{
    private const int MaxPasses = 5;
    private readonly CheckEngine engine;

    public FixSession(CheckEngine engine)
    {
        this.engine = engine;
    }

    public FixOutcome Run(Project project, bool includeUnsafe, IReadOnlySet<string>? onlyRules = null)
    {
        var overrides = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        var originals = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        var fixedFindings = new List<Finding>();
        var failed = new List<SkippedFix>();
        var failedKeys = new HashSet<(string, string, string)>();
        var current = engine.Run(project);
        IReadOnlyList<SkippedFix> lastSkipped = [];

        void Fail(IEnumerable<SkippedFix> skips)
        {
            foreach (var skip in skips)
            {
                failed.Add(skip);
                failedKeys.Add(Key(skip.Finding));
            }
        }

        for (int pass = 0; pass < MaxPasses; pass++)
        {
            var candidates = current.Findings.Where(finding => !failedKeys.Contains(Key(finding)));
            var selection = FixPlanner.Select(candidates, includeUnsafe, onlyRules);
            lastSkipped = selection.Skipped;
            if (selection.Chosen.Count == 0)
            {
                break;
            }

            // Each (file, rule) group is checked on its own against the text at the start of the pass, so
            // one bad fix cannot take good ones down with it; the survivors are then applied together.
            var verified = new List<Finding>();
            foreach (var group in selection.Chosen.GroupBy(finding => (Path: finding.Fix!.Edits[0].Path, finding.Rule.Id)))
            {
                var attempt = ApplyAll(project, overrides, originals, [.. group], out var unreadable);
                if (unreadable.Count > 0)
                {
                    Fail(unreadable);
                    continue;
                }

                string? problem = Verify(group.Key.Path, group.Key.Id, group.Count(), current, engine.Run(project.WithTextOverrides(attempt)));
                if (problem is null)
                {
                    verified.AddRange(group);
                }
                else
                {
                    Fail(group.Select(finding => new SkippedFix(finding, FixSkipReason.VerificationFailed, problem)));
                }
            }

            if (verified.Count == 0)
            {
                continue;
            }

            var combined = ApplyAll(project, overrides, originals, verified, out _);
            var afterCombined = engine.Run(project.WithTextOverrides(combined));
            if (verified.Select(finding => finding.Fix!.Edits[0].Path).Distinct().Any(path => NewParseErrors(path, current, afterCombined)))
            {
                // Fine alone, broken together: keep the first group now and let the others retry next pass.
                var first = verified.GroupBy(finding => (finding.Fix!.Edits[0].Path, finding.Rule.Id)).First().ToList();
                verified = first;
                combined = ApplyAll(project, overrides, originals, verified, out _);
                afterCombined = engine.Run(project.WithTextOverrides(combined));
            }

            foreach (var (path, text) in combined)
            {
                overrides[path] = text;
            }

            fixedFindings.AddRange(verified);
            current = afterCombined;
        }

        var changes = overrides
            .Where(pair => !string.Equals(pair.Value.Text, originals[pair.Key].Text, StringComparison.Ordinal))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new FileChange(originals[pair.Key], pair.Value.Text))
            .ToList();
        var skipped = failed.Concat(lastSkipped.Where(skip => skip.Reason != FixSkipReason.Overlap || !fixedFindings.Contains(skip.Finding))).ToList();
        return new FixOutcome(changes, fixedFindings, skipped, current.Findings);
    }

    /// <summary>The in-memory texts after applying <paramref name="findings"/>' edits on top of <paramref name="overrides"/>.</summary>
    private static Dictionary<string, SourceText> ApplyAll(
        Project project,
        Dictionary<string, SourceText> overrides,
        Dictionary<string, SourceText> originals,
        IReadOnlyList<Finding> findings,
        out List<SkippedFix> unreadable)
    {
        unreadable = [];
        var result = new Dictionary<string, SourceText>(overrides, StringComparer.Ordinal);
        foreach (var file in findings.SelectMany(finding => finding.Fix!.Edits.Select(edit => (edit, finding))).GroupBy(pair => pair.edit.Path))
        {
            var text = result.TryGetValue(file.Key, out var edited) ? edited : project.ReadText(file.Key).Text;
            if (text is null)
            {
                unreadable.AddRange(file.Select(pair => pair.finding).Distinct().Select(finding => new SkippedFix(finding, FixSkipReason.NotWritable, $"{file.Key} cannot be read as text")));
                continue;
            }

            originals.TryAdd(file.Key, text);
            string newText = FixPlanner.Apply(text.Text, file.Select(pair => pair.edit), text.NewLine);
            result[file.Key] = new SourceText(file.Key, newText, text.HasBom, originals[file.Key].ContentHash);
        }

        return result;
    }

    private static bool IsParseError(Finding finding) => finding.Rule.Id.EndsWith("000", StringComparison.Ordinal);

    private static bool NewParseErrors(string path, CheckResult before, CheckResult after) =>
        after.Findings.Count(finding => finding.Location.Path == path && IsParseError(finding))
        > before.Findings.Count(finding => finding.Location.Path == path && IsParseError(finding));

    private static string? Verify(string path, string ruleId, int fixedCount, CheckResult before, CheckResult after)
    {
        if (NewParseErrors(path, before, after))
        {
            return $"after the edit {path} no longer parses; the fix was rolled back";
        }

        int countBefore = before.Findings.Count(finding => finding.Location.Path == path && finding.Rule.Id == ruleId);
        int countAfter = after.Findings.Count(finding => finding.Location.Path == path && finding.Rule.Id == ruleId);
        return countAfter <= countBefore - fixedCount
            ? null
            : $"after the edit {ruleId} still fires in {path}; the fix was rolled back";
    }

    private static (string, string, string) Key(Finding finding) => (finding.Rule.Id, finding.Location.Path, finding.Message);
}
