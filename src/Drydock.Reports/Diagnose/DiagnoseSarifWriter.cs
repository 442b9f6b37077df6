using System.Text.Json;
using Drydock.Logs.Model;
using Drydock.Reports.Sarif;

namespace Drydock.Reports.Diagnose;

/// <summary>SARIF 2.1.0 for code scanning: one result per diagnosis, located in the log, related to repository files.</summary>
public static class DiagnoseSarifWriter
{
    public static void Write(Stream output, DiagnoseResult result)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        SarifDocument.StartDriver(json, "version");
        foreach (var rule in result.Diagnoses.DistinctBy(diagnosis => diagnosis.RuleId))
        {
            SarifDocument.StartRule(json, rule.RuleId, rule.Name, rule.Title, rule.Cause);
            SarifDocument.WriteText(json, "help", rule.Fix);
            SarifDocument.WriteHelpUri(json, rule.DocPath);
            json.WriteEndObject();
        }

        SarifDocument.EndDriver(json);
        json.WriteStartArray("results");
        foreach (var diagnosis in result.Diagnoses)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", diagnosis.RuleId);
            json.WriteString("level", "error");
            SarifDocument.WriteText(json, "message", Redacted.Text($"{diagnosis.Message} (jobs: {string.Join(", ", diagnosis.Jobs.Select(job => job.Name))}). Fix: {diagnosis.Fix}"));
            json.WriteStartArray("locations");
            WriteLocation(json, diagnosis.Evidence.Path, diagnosis.Evidence.StartLine, diagnosis.Evidence.EndLine, Redacted.Text(string.Join('\n', diagnosis.Evidence.Lines)), null);
            json.WriteEndArray();
            json.WriteStartArray("relatedLocations");
            int id = 1;
            foreach (var related in diagnosis.Related)
            {
                WriteLocation(json, related.Location.Path, related.Location.Line, related.Location.Line, null, (id++, Redacted.Text(related.Message)));
            }

            json.WriteEndArray();
            json.WriteStartObject("properties");
            json.WriteString("category", diagnosis.Category);
            json.WriteNumber("confidence", Math.Round(diagnosis.Confidence, 2));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        SarifDocument.EndRun(json);
    }

    private static void WriteLocation(Utf8JsonWriter json, string path, int startLine, int endLine, string? snippet, (int Id, string Message)? related)
    {
        json.WriteStartObject();
        if (related is { } r)
        {
            json.WriteNumber("id", r.Id);
            SarifDocument.WriteText(json, "message", r.Message);
        }

        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", path.Replace('\\', '/').Replace(" ", "%20", StringComparison.Ordinal));
        json.WriteEndObject();
        if (startLine > 0)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", startLine);
            json.WriteNumber("endLine", Math.Max(startLine, endLine));
            if (snippet is not null)
            {
                SarifDocument.WriteText(json, "snippet", snippet);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
