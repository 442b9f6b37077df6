using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;
using Drydock.Image.Matching;

namespace Drydock.Image.Rules;

/// <summary>IM045: the shipped stage's USER is not the image config's User.</summary>
public sealed class RepositoryUserMismatchRule : IImageRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM045",
        "image-user-differs-from-dockerfile",
        Severity.Warning,
        "The image runs as another user than the Dockerfile's final USER.",
        "The Dockerfile is what reviewers read: if it says `USER app` but the image runs as root, the hardening was never shipped. The image was built from another Dockerfile or stage (a different --target, a stale tag), or a later step (a `docker commit`, a CI post-processing step) changed the user.",
        "Rebuild the image from this Dockerfile and stage and push it under a new tag; check the build's --target and that compose/CI build the file you reviewed.");

    RuleDescriptor IImageRule.Descriptor => Descriptor;

    public void Check(ImageContext context, FindingSink sink)
    {
        if (context.Repository is not { HasStage: true, ExpectedUser: { } expected } match || match.IsSuppressed(Descriptor, match.Stage!.FinalUserInstruction!))
        {
            return;
        }

        var instruction = match.Stage!.FinalUserInstruction!;
        foreach (var group in RepositoryFindings.GroupBy(context.Image, config => config.User).Where(group => group.Key != expected))
        {
            string actual = group.Key.Length == 0 ? "root (its config sets no User)" : $"'{group.Key}'";
            sink.Report(
                Descriptor,
                match.LocationOf(instruction),
                $"{match.DescribeStage()} ends with USER {expected}, but the image {context.Image.Reference} runs as {actual} on {RepositoryFindings.Labels(group)}: it was built from another Dockerfile or stage, or a later step changed the user",
                $"{RepositoryMatch.LinesOf(instruction)}\nimage config User: \"{group.Key}\" ({RepositoryFindings.Labels(group)})",
                related: [RepositoryFindings.ImageSide(context.Image, group, $"config User \"{group.Key}\"")]);
        }
    }
}
