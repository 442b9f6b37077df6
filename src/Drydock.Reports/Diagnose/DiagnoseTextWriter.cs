using System.Globalization;
using Drydock.Logs.Model;

namespace Drydock.Reports.Diagnose;

/// <summary><c>drydock diagnose</c> for a terminal: each root cause, the jobs it failed, the proving lines, the fix.</summary>
public static class DiagnoseTextWriter
{
    public static void Write(TextWriter output, DiagnoseResult result)
    {
        foreach (var problem in result.Problems)
        {
            output.WriteLine($"{problem.Path}: {LogProblem.RuleId} {Redacted.Text(problem.Message)}");
        }

        foreach (string note in result.Notes)
        {
            output.WriteLine($"note: {Redacted.Text(note)}");
        }

        if (result.Diagnoses.Count == 0)
        {
            output.WriteLine(result.Jobs.Count == 0 ? "No log could be read." : $"No failure found in {result.Jobs.Count} log(s).");
            return;
        }

        int index = 1;
        foreach (var diagnosis in result.Diagnoses)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{index++}. {diagnosis.RuleId} {diagnosis.Name} [{diagnosis.Category}, confidence {diagnosis.Confidence:0.00}]"));
            output.WriteLine($"   {Redacted.Text(diagnosis.Message)}");
            foreach (var job in diagnosis.Jobs)
            {
                string step = job.Step is null ? "" : $", step '{Redacted.Text(job.Step)}'";
                string code = job.ExitCode is int exit ? string.Create(CultureInfo.InvariantCulture, $", exit code {exit}") : "";
                output.WriteLine($"   job: {Redacted.Text(job.Name)}{step}{code}");
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   evidence: {diagnosis.Evidence.Path}:{diagnosis.Evidence.StartLine}-{diagnosis.Evidence.EndLine}"));
            int number = diagnosis.Evidence.StartLine;
            foreach (string line in diagnosis.Evidence.Lines)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {number++,6} | {Redacted.Text(line)}"));
            }

            foreach (string line in diagnosis.Summary)
            {
                output.WriteLine($"   - {Redacted.Text(line)}");
            }

            foreach (var related in diagnosis.Related)
            {
                output.WriteLine($"   at {related.Location.Path}:{related.Location.Line}: {Redacted.Text(related.Message)}");
            }

            foreach (var finding in diagnosis.CitedFindings)
            {
                output.WriteLine($"   check {finding.RuleId} at {finding.Location.Path}:{finding.Location.Line}: {Redacted.Text(finding.Message)} Fix: {Redacted.Text(finding.FixAdvice)}");
            }

            output.WriteLine($"   cause: {diagnosis.Cause}");
            output.WriteLine($"   fix:   {diagnosis.Fix}");
            output.WriteLine();
        }

        var passed = result.Passed.ToList();
        if (passed.Count > 0)
        {
            output.WriteLine($"What works: {string.Join(", ", passed.Select(job => Redacted.Text(job.Name)))}");
        }
    }
}
