using System.Text.Json;
using Drydock.Logs.Model;

namespace Drydock.Reports.Diagnose;

/// <summary>SARIF 2.1.0 for code scanning: one result per diagnosis, located in the log, related to repository files.</summary>
public static class DiagnoseSarifWriter
{
    public static void Write(Stream output, DiagnoseResult result)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Drydock.Name);
        json.WriteString("version", ToolInfo.Drydock.Version);
        json.WriteString("informationUri", ToolInfo.Drydock.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in result.Diagnoses.DistinctBy(diagnosis => diagnosis.RuleId))
        {
            json.WriteStartObject();
            json.WriteString("id", rule.RuleId);
            json.WriteString("name", rule.Name);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", rule.Cause);
            json.WriteEndObject();
            json.WriteStartObject("help");
            json.WriteString("text", rule.Fix);
            json.WriteEndObject();
            json.WriteString("helpUri", $"{ToolInfo.Drydock.InformationUri}/blob/main/{rule.DocPath}");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var diagnosis in result.Diagnoses)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", diagnosis.RuleId);
            json.WriteString("level", "error");
            json.WriteStartObject("message");
            json.WriteString("text", Redacted.Text($"{diagnosis.Message} (jobs: {string.Join(", ", diagnosis.Jobs.Select(job => job.Name))}). Fix: {diagnosis.Fix}"));
            json.WriteEndObject();
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
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, string path, int startLine, int endLine, string? snippet, (int Id, string Message)? related)
    {
        json.WriteStartObject();
        if (related is { } r)
        {
            json.WriteNumber("id", r.Id);
            json.WriteStartObject("message");
            json.WriteString("text", r.Message);
            json.WriteEndObject();
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
                json.WriteStartObject("snippet");
                json.WriteString("text", snippet);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
