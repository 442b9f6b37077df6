using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Model;
using Drydock.Image.Matching;
using Drydock.Image.Rules;
using Drydock.Image.Sources;

namespace Drydock.Image.Analysis;

/// <summary>What `drydock image` produces: the inspected image and its findings, in a stable order.</summary>
public sealed record ImageReport(ImageInspection Image, ImageOptions Options, IReadOnlyList<Finding> Findings)
{
    public bool Fails(Severity threshold) => Findings.Any(finding => finding.Severity >= threshold);
}

/// <summary>
/// The IM rules, listed explicitly (NativeAOT: no reflection), and the run: inspect the image, apply the platform
/// rules while each platform's filesystem is held, then the whole-image rules.
/// </summary>
public static class ImageAnalyzer
{
    public static IReadOnlyList<IImageRule> ImageRules { get; } =
    [
        new ImageUnreadableRule(),
        new BlobDigestMismatchRule(),
        new NoPlatformForHostRule(),
        new PlatformNotInIndexRule(),
        new RepositoryUserMismatchRule(),
        new RepositoryHealthcheckMissingRule(),
        new RepositoryCommandMismatchRule(),
        new RepositoryPlatformMismatchRule(),
        new RepositoryMatchSummaryRule(),
    ];

    public static IReadOnlyList<IPlatformRule> PlatformRules { get; } =
    [
        new UnsafeLayerEntryRule(),
        new PlatformConfigMismatchRule(),
        new EntrypointNotFoundRule(),
        new EntrypointNotExecutableRule(),
        new ShebangInterpreterMissingRule(),
        new ExecFormatErrorRule(),
        new DynamicLoaderMissingRule(),
        new EntrypointSymlinkLoopRule(),
        new NoCommandRule(),
        new UserNotFoundRule(),
        new RunsAsRootRule(),
        new DirectoryNotWritableRule(),
        new SetuidFilesRule(),
        new WorldWritableInPathRule(),
        new HealthcheckAbsentRule(),
        new HealthcheckCommandNotInImageRule(),
        new SecretInEnvRule(),
        new SecretInHistoryRule(),
        new SecretFileInImageRule(),
        new ImageSizeOverBudgetRule(),
        new ImageEfficiencyBelowBudgetRule(),
    ];

    public static IReadOnlyList<RuleDescriptor> Rules { get; } =
        [.. ImageRules.Select(rule => rule.Descriptor).Concat(PlatformRules.Select(rule => rule.Descriptor)).OrderBy(rule => rule.Id, StringComparer.Ordinal)];

    public static ImageReport Analyze(ImageSource source, ImageOptions options)
    {
        var sink = new FindingSink();
        ImageInspection? inspection = null;
        inspection = ImageInspector.Inspect(source, options, platform =>
        {
            if (platform.FileSystem is null || platform.Config is null)
            {
                return;
            }

            var context = new PlatformContext(new ImageInspection { Reference = source.Reference }, platform, options);
            foreach (var rule in PlatformRules)
            {
                rule.Check(context, sink);
            }
        });

        // Layer problems are reported even when the platform could not be read to the end.
        foreach (var platform in inspection.Platforms.Where(platform => platform.FileSystem is null && platform.Config is null && platform.LayerProblems.Count > 0))
        {
            new UnsafeLayerEntryRule().Check(new PlatformContext(inspection, platform, options), sink);
        }

        var imageContext = new ImageContext(inspection, options)
        {
            Repository = options.Repository is { } repository ? RepositoryMatcher.Match(repository, inspection, ImageNames(source)) : null,
        };
        foreach (var rule in ImageRules)
        {
            rule.Check(imageContext, sink);
        }

        return new ImageReport(inspection, options, [.. sink.Findings.OrderBy(finding => finding.Location.Path, StringComparer.Ordinal).ThenBy(finding => finding.Rule.Id, StringComparer.Ordinal).ThenBy(finding => finding.Message, StringComparer.Ordinal)]);
    }

    /// <summary>The names the image is known by: a registry reference as typed, and the names the archive or layout records.</summary>
    private static List<string> ImageNames(ImageSource source)
    {
        var names = new List<string>();
        if (ImageReferences.Classify(source.Reference) == "registry")
        {
            names.Add(source.Reference);
        }

        // An OCI ref.name is often a bare tag ("latest"), which names no repository.
        names.AddRange(source.Names.Where(name => name.Contains(':', StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal)));
        return names;
    }
}
