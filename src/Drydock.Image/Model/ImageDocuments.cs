using System.Text.Json;

namespace Drydock.Image.Model;

/// <summary>An image index (OCI) or manifest list (Docker): one manifest per platform.</summary>
public sealed record ImageIndex(string MediaType, IReadOnlyList<Descriptor> Manifests)
{
    public static ImageIndex? Parse(JsonElement root, string fallbackMediaType)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("manifests", out var manifests) || manifests.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        string mediaType = Json.String(root, "mediaType");
        return new ImageIndex(mediaType.Length > 0 ? mediaType : fallbackMediaType, [.. manifests.EnumerateArray().Select(Descriptor.FromJson).OfType<Descriptor>()]);
    }
}

/// <summary>An image manifest: one config and the layers, bottom first.</summary>
public sealed record ImageManifest(string MediaType, Descriptor Config, IReadOnlyList<Descriptor> Layers)
{
    public static ImageManifest? Parse(JsonElement root, string fallbackMediaType)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("config", out var configElement))
        {
            return null;
        }

        var config = Descriptor.FromJson(configElement);
        if (config is null || !root.TryGetProperty("layers", out var layers) || layers.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var parsed = layers.EnumerateArray().Select(Descriptor.FromJson).ToList();
        if (parsed.Any(layer => layer is null))
        {
            return null;
        }

        string mediaType = Json.String(root, "mediaType");
        return new ImageManifest(mediaType.Length > 0 ? mediaType : fallbackMediaType, config, [.. parsed.OfType<Descriptor>()]);
    }
}

/// <summary>A Docker HEALTHCHECK as stored in a Docker config: ["CMD", ...], ["CMD-SHELL", "..."] or ["NONE"].</summary>
public sealed record HealthcheckConfig(IReadOnlyList<string> Test, string Interval, string Timeout, int Retries);

/// <summary>One history entry: the build step (created_by) and whether it produced a layer.</summary>
public sealed record HistoryEntry(string CreatedBy, bool EmptyLayer, string Created);

/// <summary>The parts of an image config that decide how a container starts.</summary>
public sealed record ImageConfig
{
    public string Architecture { get; init; } = "";

    public string Os { get; init; } = "";

    public string Variant { get; init; } = "";

    public IReadOnlyList<string> Entrypoint { get; init; } = [];

    public IReadOnlyList<string> Cmd { get; init; } = [];

    public IReadOnlyList<string> Env { get; init; } = [];

    public string User { get; init; } = "";

    public string WorkingDir { get; init; } = "";

    public IReadOnlyList<string> Volumes { get; init; } = [];

    public IReadOnlyList<string> ExposedPorts { get; init; } = [];

    /// <summary>Null when the config has no Healthcheck (never set, or lost in conversion to OCI).</summary>
    public HealthcheckConfig? Healthcheck { get; init; }

    public IReadOnlyList<HistoryEntry> History { get; init; } = [];

    public IReadOnlyList<string> DiffIds { get; init; } = [];

    /// <summary>The config's Labels (org.opencontainers.image.source, revision, title...).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public ImagePlatform Platform => new(Os, ImagePlatform.NormalizeArchitecture(Architecture), Variant);

    /// <summary>The value of an environment variable, or null when unset.</summary>
    public string? EnvValue(string name)
    {
        string prefix = name + "=";
        for (int i = Env.Count - 1; i >= 0; i--)
        {
            if (Env[i].StartsWith(prefix, StringComparison.Ordinal))
            {
                return Env[i][prefix.Length..];
            }
        }

        return null;
    }

    public static ImageConfig? Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var config = root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c
            : root.TryGetProperty("container_config", out var cc) && cc.ValueKind == JsonValueKind.Object ? cc
            : default;
        HealthcheckConfig? healthcheck = null;
        if (config.ValueKind == JsonValueKind.Object && config.TryGetProperty("Healthcheck", out var hc) && hc.ValueKind == JsonValueKind.Object)
        {
            healthcheck = new HealthcheckConfig(
                Json.Strings(hc, "Test"),
                Duration(hc, "Interval"),
                Duration(hc, "Timeout"),
                hc.TryGetProperty("Retries", out var retries) && retries.TryGetInt32(out int r) ? r : 0);
        }

        var history = new List<HistoryEntry>();
        if (root.TryGetProperty("history", out var h) && h.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in h.EnumerateArray())
            {
                bool empty = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("empty_layer", out var e) && e.ValueKind == JsonValueKind.True;
                history.Add(new HistoryEntry(Json.String(entry, "created_by"), empty, Json.String(entry, "created")));
            }
        }

        return new ImageConfig
        {
            Architecture = Json.String(root, "architecture"),
            Os = Json.String(root, "os"),
            Variant = Json.String(root, "variant"),
            Entrypoint = Json.Strings(config, "Entrypoint"),
            Cmd = Json.Strings(config, "Cmd"),
            Env = Json.Strings(config, "Env"),
            User = Json.String(config, "User"),
            WorkingDir = Json.String(config, "WorkingDir"),
            Volumes = Keys(config, "Volumes"),
            ExposedPorts = Keys(config, "ExposedPorts"),
            Healthcheck = healthcheck,
            History = history,
            DiffIds = root.TryGetProperty("rootfs", out var rootfs) ? Json.Strings(rootfs, "diff_ids") : [],
            Labels = StringMap(config, "Labels"),
        };
    }

    private static IReadOnlyList<string> Keys(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object
            ? [.. value.EnumerateObject().Select(item => item.Name)]
            : [];

    private static Dictionary<string, string> StringMap(JsonElement element, string property)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var item in value.EnumerateObject().Where(item => item.Value.ValueKind == JsonValueKind.String))
            {
                map[item.Name] = item.Value.GetString()!;
            }
        }

        return map;
    }

    private static string Duration(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.TryGetInt64(out long nanoseconds) && nanoseconds > 0
            ? $"{nanoseconds / 1_000_000_000.0:0.###}s"
            : "";
}
