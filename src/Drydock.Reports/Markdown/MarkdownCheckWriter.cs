using Drydock.Discovery;
using Drydock.Findings;
using Drydock.Reports.Check;

namespace Drydock.Reports.Markdown;

/// <summary>
/// An incident report a team pastes into an issue: summary, root causes (errors first), evidence,
/// impact, fixes by priority, and the files involved.
/// </summary>
public static class MarkdownCheckWriter
{
    public static void Write(TextWriter output, CheckReport report)
    {
        var findings = report.Findings;
        output.Write("# Drydock report\n\n");
        output.Write("## Summary\n\n");
        string status = report.Failed ? $"**failing** (findings at or above `{report.FailOn.ToName()}`)" : "**passing**";
        output.Write($"- Status: {status}\n");
        output.Write($"- Findings: {report.Count(Severity.Error)} error, {report.Count(Severity.Warning)} warning, {report.Count(Severity.Info)} info, {report.Count(Severity.Style)} style\n");
        output.Write($"- Files scanned: {report.FilesScanned}\n");
        var top = findings.OrderByDescending(finding => finding.Severity).FirstOrDefault();
        if (top is not null)
        {
            output.Write($"- Most severe: `{top.Rule.Id}` {MarkdownText.Cell(top.Message)} ({top.Location})\n");
            output.Write($"- Recommended action: {MarkdownText.Cell(top.FixAdvice)}\n");
        }

        output.Write('\n');
        if (findings.Count == 0)
        {
            output.Write("No findings.\n");
            WriteNotVerified(output, report);
            return;
        }

        output.Write("## Findings by priority\n\n| # | Severity | Rule | Location | Problem | Fix |\n| --- | --- | --- | --- | --- | --- |\n");
        var ordered = findings
            .OrderByDescending(finding => finding.Severity)
            .ThenBy(finding => finding.Location.Path, StringComparer.Ordinal)
            .ThenBy(finding => finding.Location.Line)
            .ToList();
        for (int i = 0; i < ordered.Count; i++)
        {
            var finding = ordered[i];
            string fixKind = finding.Fix is null ? "" : finding.Fix.IsSafe ? " (auto-fixable)" : " (auto-fixable with --unsafe)";
            output.Write($"| {i + 1} | {finding.Severity.ToName()} | `{finding.Rule.Id}` {finding.Rule.Name} | `{MarkdownText.Cell(finding.Location.ToString())}` | {MarkdownText.Cell(finding.Message)} | {MarkdownText.Cell(finding.FixAdvice)}{fixKind} |\n");
        }

        output.Write("\n## Evidence\n\n");
        foreach (var finding in ordered.Where(finding => finding.Severity >= Severity.Warning).Concat(ordered.Where(finding => finding.Severity < Severity.Warning)))
        {
            output.Write($"### `{finding.Rule.Id}` {MarkdownText.Cell(finding.Message)}\n\n");
            output.Write($"`{MarkdownText.Cell(finding.Location.ToString())}` ({finding.Severity.ToName()})\n\n");
            if (!string.IsNullOrWhiteSpace(finding.Evidence))
            {
                MarkdownText.CodeBlock(output, finding.Evidence);
                output.Write('\n');
            }

            output.Write($"**Impact:** {MarkdownText.Cell(finding.Why)}\n\n");
            output.Write($"**Fix:** {MarkdownText.Cell(finding.FixAdvice)}\n\n");
        }

        output.Write("## Files involved\n\n");
        foreach (var group in findings.GroupBy(finding => finding.Location.Path).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            string rules = string.Join(", ", group.Select(finding => finding.Rule.Id).Distinct().Order(StringComparer.Ordinal));
            output.Write($"- `{MarkdownText.Cell(group.Key)}`: {group.Count()} finding(s) ({rules})\n");
        }

        WriteNotVerified(output, report);
    }

    /// <summary>What reading the files cannot prove, said plainly, with the command that checks it where there is one.</summary>
    private static void WriteNotVerified(TextWriter output, CheckReport report)
    {
        if (report.KindsPresent is not { } kinds)
        {
            return;
        }

        var items = new List<string>();
        if (kinds.Contains(FileKind.Dockerfile))
        {
            items.Add("The built image: its size against a budget, its layers and waste, that its entrypoint exists and runs on each platform, and the user it runs as. Build it, then run `drydock image REF --repo . --max-size 100MB`.");
            items.Add("That the container starts and its health check passes: Drydock checks that the command and the probe's program exist and that the module named serves, but never runs the container.");
        }

        if (kinds.Contains(FileKind.Compose))
        {
            items.Add("That compose's services reach each other at run time (networks, credentials, data): only names, ports and dependencies are compared.");
        }

        if (kinds.Contains(FileKind.Workflow))
        {
            items.Add("That the registry accepts a push and runners with the requested labels exist: token permissions and labels are read from the workflows, not tried. After a failed run, `drydock diagnose` on its logs names the cause.");
        }

        if (items.Count == 0)
        {
            return;
        }

        output.Write("\n## Not verified from files\n\n");
        foreach (string item in items)
        {
            output.Write($"- {item}\n");
        }
    }
}
