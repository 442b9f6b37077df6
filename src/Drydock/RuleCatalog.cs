using Drydock.Findings;

namespace Drydock.Cli;

/// <summary>
/// Every rule Drydock has, from every command: the analyzers `check` runs, plus the rules that only
/// `diagnose` (log signatures) and `image` report. `drydock rules`, `explain` and the docs test read this.
/// </summary>
internal static class RuleCatalog
{
    /// <summary>Rules reported by commands other than `check`; each of those parts adds its source here.</summary>
    private static readonly Func<IEnumerable<RuleDescriptor>>[] OtherSources =
    [
        () => Drydock.Image.Analysis.ImageAnalyzer.Rules,
        () => Drydock.Logs.LogRules.All,
    ];

    public static IReadOnlyList<RuleDescriptor> All { get; } =
        [.. AnalyzerCatalog.All.SelectMany(analyzer => analyzer.Rules)
            .Concat(OtherSources.SelectMany(source => source()))
            .DistinctBy(rule => rule.Id)
            .OrderBy(rule => rule.Id, StringComparer.Ordinal)];
}
