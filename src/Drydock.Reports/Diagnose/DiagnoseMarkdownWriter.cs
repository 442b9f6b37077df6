using System.Globalization;
using Drydock.Logs.Model;
using Drydock.Reports.Markdown;

namespace Drydock.Reports.Diagnose;

/// <summary>
/// The incident report a team pastes into an issue: summary (status, root cause, impact, recommended action),
/// what works and what fails, the evidence, fixes by priority, and the files involved.
/// </summary>
public static class DiagnoseMarkdownWriter
{
    /// <param name="repositoryLinked">Whether the logs were mapped to a repository (--repo): says why no file is listed.</param>
    public static void Write(TextWriter output, DiagnoseResult result, bool repositoryLinked = false)
    {
        var failed = result.Failed.ToList();
        var passed = result.Passed.ToList();
        var root = result.Diagnoses.FirstOrDefault();
        output.WriteLine("# CI incident report");
        output.WriteLine();
        output.WriteLine("## Summary");
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- **Status:** {(root is null ? "no failure found" : "failing")}: {failed.Count} of {result.Jobs.Count} job(s) failed"));
        if (root is not null)
        {
            output.WriteLine($"- **Root cause:** {Redacted.Text(root.Message)} ({root.RuleId} {root.Name}, {root.Category})");
            int distinct = result.Diagnoses.Count;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- **Impact:** {root.Jobs.Count} job(s) fail for this reason ({string.Join(", ", root.Jobs.Select(job => Redacted.Text(job.Name)))}){(distinct > 1 ? $"; {distinct - 1} other cause(s) below" : "")}."));
            output.WriteLine($"- **Recommended action:** {root.Fix}");
        }

        foreach (string note in result.Notes)
        {
            output.WriteLine($"- Note: {Redacted.Text(note)}");
        }

        output.WriteLine();
        output.WriteLine("## What works and what fails");
        output.WriteLine();
        output.WriteLine("| Job | Status | Failed step | Cause |");
        output.WriteLine("| --- | --- | --- | --- |");
        foreach (var job in failed.Concat(passed))
        {
            var cause = result.Diagnoses.FirstOrDefault(diagnosis => diagnosis.Jobs.Any(item => item.Path == job.Path));
            output.WriteLine($"| {MarkdownText.Cell(Redacted.Text(job.Name))} | {(job.Failed ? "fails" : "works")} | {MarkdownText.Cell(Redacted.Text(job.FailedStep ?? ""))} | {MarkdownText.Cell(cause is null ? "" : cause.RuleId + " " + cause.Name)} |");
        }

        foreach (var problem in result.Problems)
        {
            output.WriteLine($"| {MarkdownText.Cell(problem.Path)} | unreadable | | {LogProblem.RuleId} {MarkdownText.Cell(Redacted.Text(problem.Message))} |");
        }

        output.WriteLine();
        output.WriteLine("## Evidence");
        foreach (var diagnosis in result.Diagnoses)
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"### {diagnosis.RuleId} {diagnosis.Title}"));
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Redacted.Text(diagnosis.Message)}: `{diagnosis.Evidence.Path}` lines {diagnosis.Evidence.StartLine}-{diagnosis.Evidence.EndLine}{(diagnosis.IsGeneral ? " (general extractor, no known signature)" : "")}, confidence {diagnosis.Confidence:0.00}."));
            output.WriteLine();
            MarkdownText.CodeBlock(output, Redacted.Text(string.Join('\n', diagnosis.Evidence.Lines)), "text");
            foreach (string line in diagnosis.Summary)
            {
                output.WriteLine($"- {MarkdownText.Cell(Redacted.Text(line))}");
            }

            output.WriteLine();
            output.WriteLine($"Why: {diagnosis.Cause}");
        }

        output.WriteLine();
        output.WriteLine("## Fixes by priority");
        output.WriteLine();
        int priority = 1;
        foreach (var diagnosis in result.Diagnoses)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{priority++}. **{diagnosis.RuleId} {diagnosis.Name}** ({diagnosis.Jobs.Count} job(s)): {diagnosis.Fix}"));
            foreach (var finding in diagnosis.CitedFindings)
            {
                output.WriteLine($"   - `drydock check` {finding.RuleId} at `{finding.Location.Path}:{finding.Location.Line}`: {Redacted.Text(finding.FixAdvice)}");
            }
        }

        var files = result.Diagnoses.SelectMany(diagnosis => diagnosis.Related)
            .Select(related => (related.Location.Path, related.Location.Line, related.Message))
            .Distinct().ToList();
        output.WriteLine();
        output.WriteLine("## Files involved");
        output.WriteLine();
        if (files.Count == 0)
        {
            output.WriteLine(repositoryLinked
                ? "None found: no path, build step or workflow step in the evidence maps to a file of the repository."
                : "None linked (run with `--repo DIR` to map the logs to the repository).");
        }

        foreach (var (path, line, message) in files)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- `{path}{(line > 0 ? $":{line}" : "")}`: {Redacted.Text(message)}"));
        }
    }
}
