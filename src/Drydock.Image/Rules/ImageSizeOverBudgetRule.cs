using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;

namespace Drydock.Image.Rules;

/// <summary>IM040: the image is larger than the --max-size budget.</summary>
public sealed class ImageSizeOverBudgetRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM040",
        "image-size-over-budget",
        Severity.Error,
        "The image is larger than the size budget (--max-size).",
        "Every deploy, autoscale and cold start pulls the image: size is time, registry cost and attack surface. A budget keeps it from creeping up unnoticed.",
        "Start from a slim base, install with --no-install-recommends, build in a separate stage and copy only the results, and clean package caches in the same RUN that fills them.");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        if (context.Options.MaxSizeBytes is not { } budget || context.Platform.UncompressedBytes <= budget)
        {
            return;
        }

        var layers = context.Platform.Layers.OrderByDescending(layer => layer.UncompressedSize).Take(3)
            .Select(layer => $"layer {layer.Index + 1}: {Bytes.Format(layer.UncompressedSize)} {layer.CreatedBy}");
        sink.Report(
            Descriptor,
            context.Location(),
            $"the image is {Bytes.Format(context.Platform.UncompressedBytes)} uncompressed ({Bytes.Format(context.Platform.CompressedBytes)} compressed), over the {Bytes.Format(budget)} budget",
            string.Join('\n', layers));
    }
}
