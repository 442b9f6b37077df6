using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Drydock.Findings;
using Drydock.Reports.Check;

namespace Drydock.Reports.Sarif;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning accepts it: one run, the rules that fired (and every rule that ran)
/// in the driver, results with a ruleIndex, repository-relative URIs under the SRCROOT base, regions only
/// where a position exists, fixes as character-offset replacements, and a stable partial fingerprint.
/// </summary>
public static class SarifWriter
{
    public const string SchemaUri = SarifDocument.SchemaUri;

    public static void Write(Stream output, CheckReport report) =>
        Write(output, report.Root, report.Rules, report.Findings, report.Result.Notes);

    public static void Write(Stream output, string root, IReadOnlyList<RuleDescriptor> rules, IReadOnlyList<Finding> findings, IReadOnlyList<string> notes)
    {
        // Rules that fired but were not in the catalogue (e.g. a log signature) still need a descriptor entry.
        var allRules = rules.Concat(findings.Select(finding => finding.Rule))
            .DistinctBy(rule => rule.Id)
            .OrderBy(rule => rule.Id, StringComparer.Ordinal)
            .ToList();
        var index = allRules.Select((rule, i) => (rule.Id, i)).ToDictionary(pair => pair.Id, pair => pair.i, StringComparer.Ordinal);

        using var json = new Utf8JsonWriter(output, JsonCheckWriter.Options);
        SarifDocument.StartDriver(json, "semanticVersion");
        foreach (var rule in allRules)
        {
            WriteRule(json, rule);
        }

        SarifDocument.EndDriver(json);
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject("SRCROOT");
        json.WriteString("uri", new Uri(Path.GetFullPath(root).TrimEnd('/') + "/").AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var finding in findings)
        {
            WriteResult(json, finding, index[finding.Rule.Id]);
            JsonCheckWriter.FlushWhenFull(json);
        }

        json.WriteEndArray();
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        if (notes.Count > 0)
        {
            json.WriteStartArray("toolExecutionNotifications");
            foreach (string note in notes)
            {
                json.WriteStartObject();
                SarifDocument.WriteText(json, "message", Redacted.Text(note));
                json.WriteString("level", "warning");
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        SarifDocument.EndRun(json);
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static void WriteRule(Utf8JsonWriter json, RuleDescriptor rule)
    {
        SarifDocument.StartRule(json, rule.Id, rule.Name, rule.Summary, rule.Why);
        SarifDocument.WriteHelpUri(json, rule.DocPath);
        SarifDocument.WriteText(json, "help", rule.FixAdvice);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue(rule.Kind.ToString().ToLowerInvariant());
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Rule.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(finding.Severity));
        string fix = string.IsNullOrWhiteSpace(finding.FixAdvice) ? "" : " Fix: " + finding.FixAdvice;
        SarifDocument.WriteText(json, "message", Redacted.Text(finding.Message + fix));
        json.WriteStartArray("locations");
        WriteLocation(json, finding.Location, finding.Evidence);
        json.WriteEndArray();
        if (finding.Related.Count > 0)
        {
            json.WriteStartArray("relatedLocations");
            int id = 0;
            foreach (var related in finding.Related)
            {
                json.WriteStartObject();
                json.WriteNumber("id", id++);
                WritePhysicalLocation(json, related.Location, null);
                SarifDocument.WriteText(json, "message", Redacted.Text(related.Message));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString("drydockFindingHash/v1", Fingerprint(finding));
        json.WriteEndObject();
        if (finding.Fix is { } machineFix)
        {
            WriteFix(json, machineFix);
        }

        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, SourceLocation location, string? snippet)
    {
        json.WriteStartObject();
        WritePhysicalLocation(json, location, snippet);
        json.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, SourceLocation location, string? snippet)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", UriPath(location.Path));
        json.WriteString("uriBaseId", "SRCROOT");
        json.WriteEndObject();
        if (location.HasPosition)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", location.Line);
            json.WriteNumber("startColumn", Math.Max(1, location.Column));
            if (location.EndLine >= location.Line)
            {
                json.WriteNumber("endLine", location.EndLine);
                if (location.EndColumn > 0)
                {
                    json.WriteNumber("endColumn", location.EndLine == location.Line ? Math.Max(location.EndColumn, Math.Max(1, location.Column)) : location.EndColumn);
                }
            }

            if (!string.IsNullOrEmpty(snippet))
            {
                SarifDocument.WriteText(json, "snippet", Redacted.Text(snippet));
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteFix(Utf8JsonWriter json, Fix fix)
    {
        json.WriteStartArray("fixes");
        json.WriteStartObject();
        SarifDocument.WriteText(json, "description", Redacted.Text(fix.Title));
        json.WriteStartArray("artifactChanges");
        foreach (var group in fix.Edits.GroupBy(edit => edit.Path))
        {
            json.WriteStartObject();
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", UriPath(group.Key));
            json.WriteString("uriBaseId", "SRCROOT");
            json.WriteEndObject();
            json.WriteStartArray("replacements");
            foreach (var edit in group)
            {
                json.WriteStartObject();
                json.WriteStartObject("deletedRegion");
                json.WriteNumber("charOffset", edit.Start);
                json.WriteNumber("charLength", edit.Length);
                json.WriteEndObject();
                SarifDocument.WriteText(json, "insertedContent", edit.NewText);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>Relative paths as URI references: each segment escaped, '/' kept.</summary>
    private static string UriPath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>Rule, file, and the first evidence line's text: stable when lines above are added or removed.</summary>
    private static string Fingerprint(Finding finding)
    {
        string firstEvidenceLine = finding.Evidence.Split('\n')[0].Trim();
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{finding.Rule.Id}\0{finding.Location.Path}\0{firstEvidenceLine}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
