using System.Text.Json;
using Drydock.Compose.Parsing;
using Drydock.Knowledge;

namespace Drydock.Compose;

/// <summary>The facts DC rules compare against (compose-defaults.json): healthcheck defaults, socket paths, official images.</summary>
public sealed class ComposeKnowledge
{
    private static readonly Lazy<ComposeKnowledge> Embedded = new(() => Load(KnowledgeFile.Open(typeof(ComposeKnowledge).Assembly, "compose-defaults.json")));

    public static ComposeKnowledge Default => Embedded.Value;

    public required TimeSpan DefaultInterval { get; init; }

    public required TimeSpan DefaultTimeout { get; init; }

    public required int DefaultRetries { get; init; }

    public required TimeSpan MinimumStartWindow { get; init; }

    public required IReadOnlyList<string> DockerSockets { get; init; }

    public required IReadOnlySet<string> MutableTags { get; init; }

    public required IReadOnlySet<string> OfficialImages { get; init; }

    /// <summary>Variables the shell that runs compose always exports (PWD, HOME...).</summary>
    public required IReadOnlySet<string> EnvironmentVariables { get; init; }

    public static ComposeKnowledge Load(JsonDocument document)
    {
        using (document)
        {
            var root = document.RootElement;
            var health = root.GetProperty("healthcheck");
            return new ComposeKnowledge
            {
                DefaultInterval = Duration(health, "interval"),
                DefaultTimeout = Duration(health, "timeout"),
                DefaultRetries = health.GetProperty("retries").GetInt32(),
                MinimumStartWindow = Duration(health, "minimumStartWindow"),
                DockerSockets = KnowledgeFile.StringArray(root, "dockerSockets"),
                MutableTags = KnowledgeFile.StringArray(root, "mutableTags").ToHashSet(StringComparer.Ordinal),
                OfficialImages = KnowledgeFile.StringArray(root, "officialImages").ToHashSet(StringComparer.Ordinal),
                EnvironmentVariables = KnowledgeFile.StringArray(root, "environmentVariables").ToHashSet(StringComparer.Ordinal),
            };
        }
    }

    private static TimeSpan Duration(JsonElement element, string property) =>
        ComposeDuration.TryParse(KnowledgeFile.RequiredString(element, property, "compose-defaults.json healthcheck"), out var value)
            ? value
            : throw new KnowledgeException($"compose-defaults.json: healthcheck.{property} is not a duration");
}
