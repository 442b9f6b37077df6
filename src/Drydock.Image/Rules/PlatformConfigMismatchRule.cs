using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;

namespace Drydock.Image.Rules;

/// <summary>IM003: the index says one platform, the config of that manifest says another.</summary>
public sealed class PlatformConfigMismatchRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM003",
        "platform-config-mismatch",
        Severity.Error,
        "The index lists a manifest under one platform while its config declares another.",
        "Runtimes pick a manifest by the index's platform, then run binaries built for the config's: the container dies with 'exec format error', and `docker image inspect` shows an Architecture nobody asked for.",
        "Rebuild with `docker buildx build --platform linux/amd64,linux/arm64` so that each manifest is built for the platform it is listed under, instead of assembling the index by hand.");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        var listed = context.Platform.IndexPlatform;
        var configured = context.Config.Platform;
        if (listed is null || configured.Architecture.Length == 0)
        {
            return;
        }

        bool variantDiffers = listed.Variant.Length > 0 && configured.Variant.Length > 0 && listed.Variant != configured.Variant;
        if (listed.Os == configured.Os && listed.Architecture == configured.Architecture && !variantDiffers)
        {
            return;
        }

        sink.Report(
            Descriptor,
            context.Location(),
            $"the index lists this manifest as {listed} but its config says {configured}",
            $"index platform: {listed}\nconfig: os={configured.Os} architecture={configured.Architecture}{(configured.Variant.Length > 0 ? " variant=" + configured.Variant : "")}\nmanifest: {context.Platform.ManifestDescriptor?.Digest}");
    }
}
