using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF001: FROM an image with neither tag nor digest (an implicit <c>latest</c>).</summary>
public sealed class ImageTagMissingRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF001",
        "image-tag-missing",
        Severity.Warning,
        "FROM names an image without a tag or digest.",
        "Without a tag the builder pulls 'latest', which moves: the same Dockerfile builds a different image tomorrow, and a new major version of the base can break the build or the app.",
        "Name a tag (python:3.12-slim-bookworm) or, for reproducible builds, a digest (python:3.12-slim@sha256:...).")
    {
        Equivalents = ["hadolint DL3006"],
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitStage(DockerfileContext context, Stage stage)
    {
        // An earlier stage, scratch, or an unknown ARG is not an image we can judge.
        if (stage.BaseImage is { HasTagOrDigest: false } image && stage.From.ImageWord is { } word)
        {
            context.Report(Descriptor, word.Span, $"stage {stage.DisplayName} is built FROM '{image.Original}' with no tag, which means whatever 'latest' is on the day of the build; pin a version tag such as '{image.Original}:<version>'");
        }
    }
}
