using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF043: the shipped stage never switches to a non-root user.</summary>
public sealed class FinalStageRunsAsRootRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF043",
        "final-stage-runs-as-root",
        Severity.Warning,
        "The image that ships has no USER with a non-root account, so its process runs as root.",
        "A root process owns every file it can reach: bind mounts, shared volumes, and the host if the runtime is escaped. Clusters that enforce runAsNonRoot refuse to start the image.",
        "Create an account (useradd --uid 1000 app; Alpine: adduser -D -u 1000 app), give it the files it writes (COPY --chown=app:app), and add USER app before CMD.")
    {
        Equivalents = ["hadolint DL3002"],
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitStage(DockerfileContext context, Stage stage)
    {
        if (!context.IsShipped(stage) || !FieldCaseFacts.IsRoot(stage.FinalUser))
        {
            return;
        }

        var (image, family) = FieldCaseFacts.BaseOf(stage);
        if (family is null || image?.Tag?.Contains("nonroot", StringComparison.Ordinal) == true)
        {
            // An unknown base image may already switch to a non-root user.
            return;
        }

        if (stage.FinalUserInstruction is { } user)
        {
            context.Report(Descriptor, user.Span, $"the final stage ends with 'USER {user.UserWord?.Value}': the container runs as root; switch to a non-root account");
            return;
        }

        context.Report(Descriptor, stage.From.Span,
            $"the final stage (built on {image!.Original}) sets no USER, so the container runs as root: create an account and add USER before CMD");
    }
}
