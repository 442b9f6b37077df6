using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF032: the shipped stage is FROM --platform=$BUILDPLATFORM.</summary>
public sealed class FinalStageBuildPlatformRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF032",
        "final-stage-build-platform",
        Severity.Warning,
        "The final stage is built for the build machine's platform.",
        "--platform=$BUILDPLATFORM is for builder stages that cross-compile. On the final stage, a multi-arch build ships the build machine's binaries under every platform's tag: the arm64 image contains amd64 files and dies with 'exec format error'.",
        "Drop --platform from the final stage's FROM (or use $TARGETPLATFORM); keep $BUILDPLATFORM on builder stages only.");

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitStage(DockerfileContext context, Stage stage)
    {
        if (!context.IsFinal(stage) || stage.From.Platform is not { Value: { } value } flag)
        {
            return;
        }

        if (value.Contains("BUILDPLATFORM", StringComparison.Ordinal) || value.Contains("BUILDARCH", StringComparison.Ordinal))
        {
            context.Report(Descriptor, flag.Span, $"the final stage {stage.DisplayName} uses {flag.Raw}: a multi-arch build would ship the build machine's architecture for every platform; remove it or use $TARGETPLATFORM",
                context.Edit("remove --platform", flag.Span.Start, flag.Span.Length + 1, "", safe: false));
        }
    }
}
