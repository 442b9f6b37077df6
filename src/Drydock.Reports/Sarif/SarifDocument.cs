using System.Text.Json;

namespace Drydock.Reports.Sarif;

/// <summary>
/// The pieces both SARIF logs (check and diagnose) share: the envelope with its one run, the tool driver,
/// the head of a rule descriptor (reportingDescriptor), and SARIF's text-valued message objects.
/// Each writer still decides the order and the extra properties of its own output.
/// </summary>
internal static class SarifDocument
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>
    /// Opens the log, its one run, the tool driver and the driver's <c>rules</c> array.
    /// <paramref name="versionProperty"/> is <c>semanticVersion</c> or <c>version</c>: SARIF allows both.
    /// </summary>
    public static void StartDriver(Utf8JsonWriter json, string versionProperty)
    {
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Drydock.Name);
        json.WriteString(versionProperty, ToolInfo.Drydock.Version);
        json.WriteString("informationUri", ToolInfo.Drydock.InformationUri);
        json.WriteStartArray("rules");
    }

    /// <summary>Closes the <c>rules</c> array, the driver and the tool; the run stays open for its results.</summary>
    public static void EndDriver(Utf8JsonWriter json)
    {
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Closes the run, the <c>runs</c> array and the log.</summary>
    public static void EndRun(Utf8JsonWriter json)
    {
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Opens a reportingDescriptor with its id, name and both descriptions; the caller adds the rest and closes it.</summary>
    public static void StartRule(Utf8JsonWriter json, string id, string name, string shortDescription, string fullDescription)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("name", name);
        WriteText(json, "shortDescription", shortDescription);
        WriteText(json, "fullDescription", fullDescription);
    }

    /// <summary>The rule's documentation page in the repository.</summary>
    public static void WriteHelpUri(Utf8JsonWriter json, string docPath) =>
        json.WriteString("helpUri", $"{ToolInfo.Drydock.InformationUri}/blob/main/{docPath}");

    /// <summary>A SARIF message or multiformatMessageString: <c>"name": { "text": ... }</c>.</summary>
    public static void WriteText(Utf8JsonWriter json, string propertyName, string text)
    {
        json.WriteStartObject(propertyName);
        json.WriteString("text", text);
        json.WriteEndObject();
    }
}
