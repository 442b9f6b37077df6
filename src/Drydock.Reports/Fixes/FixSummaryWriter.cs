using Drydock.Findings;
using Drydock.Fixing;

namespace Drydock.Reports.Fixes;

/// <summary>What `drydock fix` did: fixed, left (and why), and what needs a human.</summary>
public static class FixSummaryWriter
{
    public static void Write(TextWriter output, FixOutcome outcome, bool applied, IReadOnlyList<string> writeErrors)
    {
        string verb = applied ? "Fixed" : "Would fix";
        output.Write($"\n{verb} {Count(outcome.Fixed.Count, "finding")} in {Count(outcome.Changes.Count, "file")}.\n");
        foreach (var finding in outcome.Fixed.OrderBy(finding => finding.Location.Path, StringComparer.Ordinal).ThenBy(finding => finding.Location.Line))
        {
            output.Write($"  {(applied ? "fixed" : "fix  ")}  {finding.Location}  {finding.Rule.Id} {finding.Rule.Name}: {Redacted.Text(finding.Fix!.Title)}\n");
        }

        var left = outcome.Skipped.Where(skip => !outcome.Fixed.Contains(skip.Finding)).DistinctBy(skip => skip.Finding).ToList();
        if (left.Count > 0)
        {
            output.Write($"\nLeft as they are ({left.Count}):\n");
            foreach (var skip in left)
            {
                output.Write($"  {skip.Finding.Location}  {skip.Finding.Rule.Id} {skip.Finding.Rule.Name}: {skip.Detail}\n");
            }
        }

        foreach (string error in writeErrors)
        {
            output.Write($"  not written: {Redacted.Text(error)}\n");
        }

        var human = outcome.Remaining.Where(finding => finding.Fix is null && finding.Severity >= Severity.Warning).ToList();
        if (human.Count > 0)
        {
            output.Write($"\nNeeds a human ({human.Count}):\n");
            foreach (var finding in human)
            {
                output.Write($"  {finding.Location}  {finding.Rule.Id} {finding.Rule.Name}: {Redacted.Text(finding.Message)}\n");
                output.Write($"      fix: {Redacted.Text(finding.FixAdvice)}\n");
            }
        }

        if (!applied && outcome.Changes.Count > 0)
        {
            output.Write("\nNothing was changed. Run `drydock fix --yes` to apply the safe fixes.\n");
        }
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
