using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;
using Drydock.Image.Model;

namespace Drydock.Image.Rules;

/// <summary>IM000: the image, or one platform of it, could not be read (truncated, corrupt, too large, not found).</summary>
public sealed class ImageUnreadableRule : IImageRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM000",
        "image-unreadable",
        Severity.Error,
        "The image or one of its platforms could not be read.",
        "Nothing can be checked in an image that cannot be read; a runtime pulling it fails the same way.",
        "Check the reference, rebuild or re-push the image, and make sure the archive or layout is complete.");

    RuleDescriptor IImageRule.Descriptor => Descriptor;

    public void Check(ImageContext context, FindingSink sink)
    {
        foreach (var problem in context.Image.Problems.Where(p => p.Kind == ImageProblemKind.Unreadable))
        {
            sink.Report(Descriptor, context.Location(), problem.Message, problem.Message);
        }

        foreach (var platform in context.Image.Platforms)
        {
            foreach (var problem in platform.Problems.Where(p => p.Kind == ImageProblemKind.Unreadable))
            {
                sink.Report(Descriptor, new SourceLocation($"{context.Image.Reference} [{platform.Label}]"), $"{platform.Label}: {problem.Message}", problem.Message);
            }
        }
    }
}
