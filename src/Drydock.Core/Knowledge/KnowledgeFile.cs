using System.Reflection;
using System.Text.Json;

namespace Drydock.Knowledge;

/// <summary>Thrown when a shipped data file is malformed: a build defect, caught by the data-shape tests.</summary>
public sealed class KnowledgeException(string message) : Exception(message);

/// <summary>
/// Reads the versioned data files compiled into an assembly as embedded resources
/// (logical name <c>Drydock.Knowledge.&lt;file&gt;</c>). Every file is a JSON object with a
/// <c>version</c> (an integer bumped on every change), an <c>updated</c> date, and its payload.
/// </summary>
public static class KnowledgeFile
{
    public static JsonDocument Open(Assembly assembly, string fileName)
    {
        string resource = "Drydock.Knowledge." + fileName;
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new KnowledgeException($"knowledge file {fileName} is not embedded in {assembly.GetName().Name}");
        var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number
            || !root.TryGetProperty("updated", out var updated) || updated.ValueKind != JsonValueKind.String)
        {
            document.Dispose();
            throw new KnowledgeException($"knowledge file {fileName} must be an object with a numeric 'version' and an 'updated' date");
        }

        return document;
    }

    public static IEnumerable<string> EmbeddedFiles(Assembly assembly) =>
        assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("Drydock.Knowledge.", StringComparison.Ordinal))
            .Select(name => name["Drydock.Knowledge.".Length..]);

    public static string RequiredString(JsonElement element, string property, string context) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new KnowledgeException($"{context}: '{property}' must be a non-empty string");

    public static IReadOnlyList<string> StringArray(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(item => item.GetString() ?? "")]
            : [];
}
