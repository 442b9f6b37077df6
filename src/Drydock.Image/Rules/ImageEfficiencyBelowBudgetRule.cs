using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;

namespace Drydock.Image.Rules;

/// <summary>IM041: too many shipped bytes are overwritten or deleted by later layers (--min-efficiency).</summary>
public sealed class ImageEfficiencyBelowBudgetRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM041",
        "image-efficiency-below-budget",
        Severity.Error,
        "Too many of the image's bytes are overwritten or deleted by later layers (--min-efficiency).",
        "A file deleted or replaced in a later layer still ships in the earlier one: `RUN rm` after `COPY` or a cache cleaned in a separate RUN makes the image bigger, not smaller.",
        "Delete files in the same RUN that creates them, use multi-stage builds, and keep large files out of the build context with .dockerignore.")
    {
        Equivalents = ["dive lowestEfficiency"],
    };

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        if (context.Options.MinEfficiency is not { } budget || context.Platform.Efficiency >= budget)
        {
            return;
        }

        var copies = context.Platform.Waste.OrderByDescending(copy => copy.Bytes).Take(5)
            .Select(copy => $"{copy.Path}: {Bytes.Format(copy.Bytes)} from layer {copy.Layer + 1}, removed or replaced by layer {copy.RemovedBy + 1}");
        sink.Report(
            Descriptor,
            context.Location(),
            $"efficiency {context.Platform.Efficiency:P1} is below the {budget:P0} budget: {Bytes.Format(context.Platform.WastedBytes)} of {Bytes.Format(context.Platform.TotalFileBytes)} shipped are never seen",
            string.Join('\n', copies));
    }
}
