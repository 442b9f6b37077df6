using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF017: several HEALTHCHECK in one stage.</summary>
public sealed class MultipleHealthcheckRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF017",
        "multiple-healthcheck",
        Severity.Warning,
        "A stage has more than one HEALTHCHECK.",
        "Only the last HEALTHCHECK counts; an earlier one suggests a probe that never runs.",
        "Keep one HEALTHCHECK per stage.")
    {
        Equivalents = ["hadolint DL3012"],
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitStage(DockerfileContext context, Stage stage) => RepeatedInstruction.Check<HealthcheckInstruction>(context, stage, Descriptor, "HEALTHCHECK");
}
