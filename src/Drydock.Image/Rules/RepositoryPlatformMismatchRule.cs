using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;
using Drydock.Image.Matching;
using Drydock.Image.Model;

namespace Drydock.Image.Rules;

/// <summary>IM048: the compose service's platform (or the shipped stage's FROM --platform) is not among the image's platforms.</summary>
public sealed class RepositoryPlatformMismatchRule : IImageRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM048",
        "requested-platform-not-in-image",
        Severity.Error,
        "The platform compose or the Dockerfile asks for is not among the image's platforms.",
        "`docker compose up` with `platform: linux/amd64` and a local image of another architecture either pulls again and fails with 'no matching manifest', or runs the wrong binaries and dies with `exec format error`. A FROM --platform on the shipped stage fixes the image's platform no matter what the build was asked for.",
        "Build and push the platform that is asked for (`docker buildx build --platform linux/amd64,linux/arm64 --push`), or change or remove the `platform:` setting; remove a stale local image with `docker image rm` before `docker compose up`.");

    RuleDescriptor IImageRule.Descriptor => Descriptor;

    public void Check(ImageContext context, FindingSink sink)
    {
        if (context.Repository is not { Refusal: null } match || match.ImagePlatforms.Count == 0)
        {
            return;
        }

        string has = string.Join(", ", match.ImagePlatforms.Select(platform => platform.ToString()));
        foreach (var requested in match.RequestedPlatforms.Where(requested => !match.ImagePlatforms.Any(platform => Matches(platform, requested.Platform)) && !match.IsSuppressed(Descriptor, requested.Source.Path, requested.Source.Line)))
        {
            sink.Report(
                Descriptor,
                requested.Location,
                $"{requested.Origin} asks for {requested.Text}, but the image {context.Image.Reference} has only {has}: the container will not start there, or will run under emulation",
                $"requested: {requested.Text} ({requested.Origin})\nimage platforms: {has}{(context.Image.Index is null ? " (a single-platform image)" : " (from its index)")}",
                related: [new RelatedLocation(new SourceLocation(context.Image.Reference), $"platforms: {has}")]);
        }
    }

    /// <summary>Os and architecture equal; the variant only when both name one (arm64's v8 is its default).</summary>
    private static bool Matches(ImagePlatform image, ImagePlatform requested)
    {
        static string Variant(ImagePlatform platform) => platform is { Architecture: "arm64", Variant: "v8" } ? "" : platform.Variant;
        return image.Os == requested.Os
            && image.Architecture == requested.Architecture
            && (Variant(requested).Length == 0 || Variant(image).Length == 0 || Variant(image) == Variant(requested));
    }
}
