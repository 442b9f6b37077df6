using Drydock.Findings;
using Drydock.Image.Model;

namespace Drydock.Image.Matching;

/// <summary>Shared wording for the repository rules: platforms grouped by what their configs hold, and where the image side is.</summary>
internal static class RepositoryFindings
{
    /// <summary>The platforms whose config was read, grouped by <paramref name="key"/>, so an index reports a difference once.</summary>
    public static IEnumerable<IGrouping<string, PlatformInspection>> GroupBy(ImageInspection image, Func<ImageConfig, string> key) =>
        image.Platforms.Where(platform => platform.Config is not null).GroupBy(platform => key(platform.Config!), StringComparer.Ordinal);

    public static string Labels(IEnumerable<PlatformInspection> platforms) => string.Join(", ", platforms.Select(platform => platform.Label));

    /// <summary>"REF [linux/amd64, linux/arm64]": the image side of a comparison.</summary>
    public static RelatedLocation ImageSide(ImageInspection image, IEnumerable<PlatformInspection> platforms, string message) =>
        new(new SourceLocation($"{image.Reference} [{Labels(platforms)}]"), message);

    public static string Argv(IReadOnlyList<string> argv) => argv.Count == 0 ? "(none)" : Analysis.CommandFindings.Quote(argv);
}
