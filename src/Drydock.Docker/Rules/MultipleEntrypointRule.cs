using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF016: several ENTRYPOINT in one stage.</summary>
public sealed class MultipleEntrypointRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF016",
        "multiple-entrypoint",
        Severity.Warning,
        "A stage has more than one ENTRYPOINT.",
        "Only the last ENTRYPOINT of a stage counts; an earlier one misleads readers about how the container starts.",
        "Keep one ENTRYPOINT per stage.")
    {
        Equivalents = ["hadolint DL4004"],
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitStage(DockerfileContext context, Stage stage) => RepeatedInstruction.Check<EntrypointInstruction>(context, stage, Descriptor, "ENTRYPOINT");
}
