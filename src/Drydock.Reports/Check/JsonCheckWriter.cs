using System.Text.Encodings.Web;
using System.Text.Json;
using Drydock.Findings;

namespace Drydock.Reports.Check;

/// <summary>
/// The stable JSON schema of `drydock check --format json` (docs/json-output.md). Fields are only ever
/// added; <c>schemaVersion</c> changes if one is removed or changes meaning.
/// </summary>
public static class JsonCheckWriter
{
    public const int SchemaVersion = 1;

    public static void Write(Stream output, CheckReport report)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        WriteTool(json);
        json.WriteStartObject("summary");
        json.WriteBoolean("failed", report.Failed);
        json.WriteString("failOn", report.FailOn.ToName());
        json.WriteNumber("filesScanned", report.FilesScanned);
        json.WriteNumber("total", report.Findings.Count);
        foreach (var severity in new[] { Severity.Error, Severity.Warning, Severity.Info, Severity.Style })
        {
            json.WriteNumber(severity.ToName(), report.Count(severity));
        }

        json.WriteNumber("suppressed", report.Result.SuppressedCount);
        json.WriteEndObject();
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            WriteFinding(json, finding);
            FlushWhenFull(json);
        }

        json.WriteEndArray();
        json.WriteStartArray("notes");
        foreach (string note in report.Result.Notes)
        {
            json.WriteStringValue(Redacted.Text(note));
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Findings quote shell and YAML; keep '<', '&' and '+' readable instead of \u003C escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// A writer over a stream keeps everything in one growing buffer until it is flushed: hand it to the
    /// stream in chunks, so that a report of 80,000 findings does not sit whole in memory (the bytes are the same).
    /// </summary>
    internal static void FlushWhenFull(Utf8JsonWriter json)
    {
        if (json.BytesPending >= 64 * 1024)
        {
            json.Flush();
        }
    }

    internal static void WriteTool(Utf8JsonWriter json)
    {
        json.WriteStartObject("tool");
        json.WriteString("name", ToolInfo.Drydock.Name);
        json.WriteString("version", ToolInfo.Drydock.Version);
        json.WriteEndObject();
    }

    public static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Rule.Id);
        json.WriteString("name", finding.Rule.Name);
        json.WriteString("severity", finding.Severity.ToName());
        json.WriteString("message", Redacted.Text(finding.Message));
        WriteLocation(json, "location", finding.Location);
        json.WriteString("evidence", Redacted.Text(finding.Evidence));
        json.WriteString("why", Redacted.Text(finding.Why));
        json.WriteStartObject("fix");
        json.WriteString("description", Redacted.Text(finding.FixAdvice));
        if (finding.Fix is { } fix)
        {
            json.WriteString("title", Redacted.Text(fix.Title));
            json.WriteBoolean("safe", fix.IsSafe);
            json.WriteStartArray("edits");
            foreach (var edit in fix.Edits)
            {
                json.WriteStartObject();
                json.WriteString("path", edit.Path);
                json.WriteNumber("offset", edit.Start);
                json.WriteNumber("length", edit.Length);
                json.WriteString("newText", edit.NewText);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteString("docs", finding.Rule.DocPath);
        if (finding.Related.Count > 0)
        {
            json.WriteStartArray("related");
            foreach (var related in finding.Related)
            {
                json.WriteStartObject();
                WriteLocation(json, "location", related.Location);
                json.WriteString("message", Redacted.Text(related.Message));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, string name, SourceLocation location)
    {
        json.WriteStartObject(name);
        json.WriteString("path", location.Path);
        json.WriteNumber("line", location.Line);
        json.WriteNumber("column", location.Column);
        json.WriteNumber("endLine", location.EndLine);
        json.WriteNumber("endColumn", location.EndColumn);
        json.WriteEndObject();
    }
}
