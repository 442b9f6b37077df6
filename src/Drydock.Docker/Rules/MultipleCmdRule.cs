using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF015: several CMD in one stage.</summary>
public sealed class MultipleCmdRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF015",
        "multiple-cmd",
        Severity.Warning,
        "A stage has more than one CMD.",
        "Only the last CMD of a stage counts. An earlier one is dead code that misleads readers about what the container runs.",
        "Keep one CMD per stage.")
    {
        Equivalents = ["hadolint DL4003"],
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitStage(DockerfileContext context, Stage stage) => RepeatedInstruction.Check<CmdInstruction>(context, stage, Descriptor, "CMD");
}
