using System.Text.Json;

namespace Drydock.Image.Model;

/// <summary>An OS/architecture/variant triple, as in an index's <c>platform</c> and a config's fields.</summary>
public sealed record ImagePlatform(string Os, string Architecture, string Variant = "")
{
    public override string ToString() => Variant.Length > 0 ? $"{Os}/{Architecture}/{Variant}" : $"{Os}/{Architecture}";

    /// <summary>Parses "linux/arm64", "linux/arm/v7" or just "arm64" (os linux).</summary>
    public static ImagePlatform? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string[] parts = text.Trim().Split('/');
        return parts.Length switch
        {
            1 => new ImagePlatform("linux", NormalizeArchitecture(parts[0])),
            2 => new ImagePlatform(parts[0], NormalizeArchitecture(parts[1])),
            3 => new ImagePlatform(parts[0], NormalizeArchitecture(parts[1]), parts[2]),
            _ => null,
        };
    }

    /// <summary>Matches a requested platform: os and architecture equal, variant only when the request names one.</summary>
    public bool Satisfies(ImagePlatform requested) =>
        string.Equals(Os, requested.Os, StringComparison.Ordinal)
        && string.Equals(Architecture, requested.Architecture, StringComparison.Ordinal)
        && (requested.Variant.Length == 0 || string.Equals(Variant, requested.Variant, StringComparison.Ordinal));

    public static string NormalizeArchitecture(string architecture) => architecture.ToLowerInvariant() switch
    {
        "x86_64" or "x86-64" => "amd64",
        "aarch64" => "arm64",
        "i386" or "i686" => "386",
        "armhf" or "armv7l" or "armel" => "arm",
        _ => architecture.ToLowerInvariant(),
    };

    internal static ImagePlatform? FromJson(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? new ImagePlatform(Json.String(element, "os"), NormalizeArchitecture(Json.String(element, "architecture")), Json.String(element, "variant"))
            : null;
}

/// <summary>A content descriptor: what a manifest or index points at.</summary>
public sealed record Descriptor(string MediaType, string Digest, long Size)
{
    public ImagePlatform? Platform { get; init; }

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    public string? RefName => Annotations.TryGetValue("org.opencontainers.image.ref.name", out var name) ? name
        : Annotations.TryGetValue("io.containerd.image.name", out var full) ? full : null;

    internal static Descriptor? FromJson(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string digest = Json.String(element, "digest");
        if (!IsValidDigest(digest))
        {
            return null;
        }

        long size = element.TryGetProperty("size", out var sizeElement) && sizeElement.TryGetInt64(out long value) ? value : -1;
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty("annotations", out var annotationElement) && annotationElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in annotationElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    annotations[property.Name] = property.Value.GetString()!;
                }
            }
        }

        return new Descriptor(Json.String(element, "mediaType"), digest, size)
        {
            Platform = element.TryGetProperty("platform", out var platform) ? ImagePlatform.FromJson(platform) : null,
            Annotations = annotations,
        };
    }

    /// <summary>sha256/sha512 digests only: the hex part is used as a file name, so anything else is refused.</summary>
    public static bool IsValidDigest(string digest)
    {
        int colon = digest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        string algorithm = digest[..colon];
        string hex = digest[(colon + 1)..];
        int length = algorithm switch { "sha256" => 64, "sha512" => 128, _ => 0 };
        return length > 0 && hex.Length == length && hex.All(char.IsAsciiHexDigitLower);
    }
}

internal static class Json
{
    public static string String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    public static IReadOnlyList<string> Strings(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!)]
            : [];

    public static JsonDocument? TryParse(ReadOnlyMemory<byte> bytes, out string? error)
    {
        try
        {
            error = null;
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            error = e.Message;
            return null;
        }
    }
}
