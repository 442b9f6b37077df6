using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF002: FROM image:latest.</summary>
public sealed class ImageTagLatestRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF002",
        "image-tag-latest",
        Severity.Warning,
        "FROM uses the 'latest' tag.",
        "'latest' is a moving tag: rebuilding the same Dockerfile silently picks up a new base (a new Debian release, a new Python), which breaks builds and makes rollbacks impossible.",
        "Pin a version tag (node:22-bookworm-slim) or a digest.")
    {
        Equivalents = ["hadolint DL3007"],
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitStage(DockerfileContext context, Stage stage)
    {
        if (stage.BaseImage is { Tag: "latest" } image && stage.From.ImageWord is { } word)
        {
            string via = word.HasVariables ? $" (from '{word.Raw}')" : "";
            context.Report(Descriptor, word.Span, $"stage {stage.DisplayName} is built FROM '{image.Original}'{via}: 'latest' changes under you; pin a version tag of {image.Repository}");
        }
    }
}
