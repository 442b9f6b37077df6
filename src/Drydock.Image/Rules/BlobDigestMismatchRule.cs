using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;
using Drydock.Image.Model;

namespace Drydock.Image.Rules;

/// <summary>IM001: a blob's content does not hash to the digest its descriptor names.</summary>
public sealed class BlobDigestMismatchRule : IImageRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM001",
        "blob-digest-mismatch",
        Severity.Error,
        "A blob's content does not match the digest that names it.",
        "Content addressing is what makes an image trustworthy: a mismatch means corruption in transit or storage, or tampering, and every runtime refuses to pull it.",
        "Re-push or re-save the image from a clean build; if it came from a registry, clear any caching proxy and pull again.");

    RuleDescriptor IImageRule.Descriptor => Descriptor;

    public void Check(ImageContext context, FindingSink sink)
    {
        var problems = context.Image.Problems.Select(problem => (Label: (string?)null, Problem: problem))
            .Concat(context.Image.Platforms.SelectMany(platform => platform.Problems.Select(problem => (Label: (string?)platform.Label, Problem: problem))));
        foreach (var (label, problem) in problems.Where(entry => entry.Problem.Kind == ImageProblemKind.DigestMismatch))
        {
            var location = new SourceLocation(label is null ? context.Image.Reference : $"{context.Image.Reference} [{label}]");
            sink.Report(Descriptor, location, problem.Message, problem.Message);
        }
    }
}
