using Drydock.Findings;

namespace Drydock.Configuration;

/// <summary>
/// The repository's <c>.drydock.yaml</c>. Every key is optional:
/// <code>
/// ignore: [DF012, PY004]          # rule ids or names never reported
/// severity: { DF020: error }      # per-rule severity overrides
/// failOn: warning                 # lowest severity that makes the exit code 1
/// trustedRegistries: [ghcr.io/acme, registry.example.com]
/// exclude: ["third_party/**"]     # paths (globs, relative to the root) never analysed
/// </code>
/// </summary>
public sealed record DrydockConfig
{
    public static readonly DrydockConfig Default = new();

    public IReadOnlySet<string> IgnoredRules { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, Severity> SeverityOverrides { get; init; } = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);

    public Severity FailOn { get; init; } = Severity.Warning;

    public IReadOnlyList<string> TrustedRegistries { get; init; } = [];

    public IReadOnlyList<string> ExcludedPaths { get; init; } = [];

    /// <summary>Where the configuration came from, for messages; null for the defaults.</summary>
    public string? SourcePath { get; init; }

    public bool IsIgnored(RuleDescriptor rule) => IgnoredRules.Contains(rule.Id) || IgnoredRules.Contains(rule.Name);

    public Severity SeverityFor(RuleDescriptor rule) =>
        SeverityOverrides.TryGetValue(rule.Id, out var byId) ? byId
        : SeverityOverrides.TryGetValue(rule.Name, out var byName) ? byName
        : rule.DefaultSeverity;
}
