using System.Text.Json;
using Drydock.Logs.Model;

namespace Drydock.Reports.Diagnose;

/// <summary><c>drydock diagnose --format json</c>: a top-level <c>diagnoses</c> array, most likely root cause first.</summary>
public static class DiagnoseJsonWriter
{
    public static void Write(Stream output, DiagnoseResult result)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("tool", ToolInfo.Drydock.Name);
        json.WriteString("version", ToolInfo.Drydock.Version);
        json.WriteString("status", result.FailureDiagnosed ? "failed" : "passed");
        json.WriteStartArray("diagnoses");
        foreach (var diagnosis in result.Diagnoses)
        {
            WriteDiagnosis(json, diagnosis);
        }

        json.WriteEndArray();
        json.WriteStartArray("jobs");
        foreach (var job in result.Jobs)
        {
            json.WriteStartObject();
            json.WriteString("name", Redacted.Text(job.Name));
            json.WriteString("path", job.Path);
            json.WriteString("status", job.Failed ? "failed" : "passed");
            WriteOptional(json, "failedStep", job.FailedStep);
            if (job.ExitCode is int code)
            {
                json.WriteNumber("exitCode", code);
            }

            json.WriteNumber("lines", job.Lines);
            json.WriteString("formats", job.Formats);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("problems");
        foreach (var problem in result.Problems)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", LogProblem.RuleId);
            json.WriteString("path", problem.Path);
            json.WriteString("message", Redacted.Text(problem.Message));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("notes");
        foreach (string note in result.Notes)
        {
            json.WriteStringValue(Redacted.Text(note));
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteDiagnosis(Utf8JsonWriter json, Diagnosis diagnosis)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnosis.RuleId);
        json.WriteString("name", diagnosis.Name);
        json.WriteString("title", diagnosis.Title);
        json.WriteString("message", Redacted.Text(diagnosis.Message));
        json.WriteString("category", diagnosis.Category);
        json.WriteNumber("confidence", Math.Round(diagnosis.Confidence, 2));
        json.WriteBoolean("general", diagnosis.IsGeneral);
        json.WriteStartObject("evidence");
        json.WriteString("path", diagnosis.Evidence.Path);
        json.WriteNumber("startLine", diagnosis.Evidence.StartLine);
        json.WriteNumber("endLine", diagnosis.Evidence.EndLine);
        json.WriteStartArray("lines");
        foreach (string line in diagnosis.Evidence.Lines)
        {
            json.WriteStringValue(Redacted.Text(line));
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("jobs");
        foreach (var job in diagnosis.Jobs)
        {
            json.WriteStartObject();
            json.WriteString("name", Redacted.Text(job.Name));
            json.WriteString("path", job.Path);
            WriteOptional(json, "step", job.Step);
            if (job.ExitCode is int code)
            {
                json.WriteNumber("exitCode", code);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("related");
        foreach (var related in diagnosis.Related)
        {
            json.WriteStartObject();
            json.WriteString("path", related.Location.Path);
            json.WriteNumber("line", related.Location.Line);
            json.WriteString("message", Redacted.Text(related.Message));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("checkFindings");
        foreach (var finding in diagnosis.CitedFindings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            json.WriteString("path", finding.Location.Path);
            json.WriteNumber("line", finding.Location.Line);
            json.WriteString("message", Redacted.Text(finding.Message));
            json.WriteString("fix", Redacted.Text(finding.FixAdvice));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (diagnosis.Summary.Count > 0)
        {
            json.WriteStartArray("summary");
            foreach (string line in diagnosis.Summary)
            {
                json.WriteStringValue(Redacted.Text(line));
            }

            json.WriteEndArray();
        }

        json.WriteString("cause", diagnosis.Cause);
        json.WriteString("fix", diagnosis.Fix);
        json.WriteString("docs", diagnosis.DocPath);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, Redacted.Text(value));
        }
    }
}
