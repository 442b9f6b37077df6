using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;
using Drydock.Image.Matching;
using Drydock.Image.Model;

namespace Drydock.Image.Rules;

/// <summary>IM046: the Dockerfile has a HEALTHCHECK but the image has none.</summary>
public sealed class RepositoryHealthcheckMissingRule : IImageRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM046",
        "dockerfile-healthcheck-not-in-image",
        Severity.Warning,
        "The Dockerfile declares a HEALTHCHECK, but the image has none.",
        "Compose's `depends_on: condition: service_healthy` and Docker's restart logic read the healthcheck from the image. OCI image configs have no Healthcheck field, so `docker buildx build` with `oci-mediatypes=true` (or a conversion with skopeo/crane) silently drops it; a Docker-format image without it was not built from this Dockerfile or stage.",
        "For an OCI image, declare the healthcheck where it runs (compose `healthcheck:`, a Kubernetes probe) or build with Docker media types (`--output type=image,oci-mediatypes=false`); otherwise rebuild from this Dockerfile and stage.");

    RuleDescriptor IImageRule.Descriptor => Descriptor;

    public void Check(ImageContext context, FindingSink sink)
    {
        if (context.Repository is not { HasStage: true, ExpectedHealthcheck: { } healthcheck } match || match.IsSuppressed(Descriptor, healthcheck))
        {
            return;
        }

        var missing = context.Image.Platforms.Where(p => p.Config is { } config && (config.Healthcheck is null || config.Healthcheck.Test.Count == 0)).ToList();
        foreach (var group in missing.GroupBy(IsOci))
        {
            string reason = group.Key
                ? "this is an OCI-format image, whose config has no Healthcheck field: it was likely lost in conversion (docker buildx with oci-mediatypes=true drops it)"
                : "this is a Docker-format image, which would keep it: the image was not built from this Dockerfile or stage";
            string types = string.Join(", ", group.Select(p => p.Manifest?.Config.MediaType).OfType<string>().Distinct(StringComparer.Ordinal));
            sink.Report(
                Descriptor,
                match.LocationOf(healthcheck),
                $"{match.DescribeStage()} declares a HEALTHCHECK (line {healthcheck.Line}), but the image {context.Image.Reference} has none on {RepositoryFindings.Labels(group)}: {reason}",
                $"{RepositoryMatch.LinesOf(healthcheck)}\nimage config media type: {types}\nimage config Healthcheck: (absent)",
                related: [RepositoryFindings.ImageSide(context.Image, group, "no Healthcheck in the config")]);
        }
    }

    /// <summary>The config's media type decides whether Healthcheck can be stored; the manifest's when the config has none.</summary>
    private static bool IsOci(PlatformInspection platform) =>
        platform.Manifest?.Config.MediaType is { Length: > 0 } configType ? MediaTypes.IsOci(configType) : MediaTypes.IsOci(platform.Manifest?.MediaType);
}
