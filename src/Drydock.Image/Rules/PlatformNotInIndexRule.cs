using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;
using Drydock.Image.Model;

namespace Drydock.Image.Rules;

/// <summary>IM005: --platform names a platform the image does not have.</summary>
public sealed class PlatformNotInIndexRule : IImageRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM005",
        "platform-not-in-image",
        Severity.Error,
        "The requested platform is not among the image's platforms.",
        "A pull for that platform fails with 'no matching manifest', or, with an older engine, silently runs another platform's binaries.",
        "Build and push the platform (`docker buildx build --platform ...`), or pick one the image has.");

    RuleDescriptor IImageRule.Descriptor => Descriptor;

    public void Check(ImageContext context, FindingSink sink)
    {
        foreach (var problem in context.Image.Problems.Where(p => p.Kind == ImageProblemKind.PlatformNotFound))
        {
            sink.Report(Descriptor, context.Location(), problem.Message, problem.Message);
        }
    }
}
