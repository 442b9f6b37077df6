using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF020: two stages with the same name.</summary>
public sealed class DuplicateStageNameRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF020",
        "duplicate-stage-name",
        Severity.Error,
        "Two stages have the same name.",
        "BuildKit rejects a Dockerfile whose stage names repeat (names are case-insensitive); older builders silently used the last one, so --from and --target picked a stage nobody meant.",
        "Give each stage a unique name.")
    {
        Equivalents = ["hadolint DL3024"],
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitStage(DockerfileContext context, Stage stage)
    {
        if (stage.Name is not { } name || stage.From.StageNameWord is not { } word)
        {
            return;
        }

        var first = context.Document.Stages.Take(stage.Index).FirstOrDefault(other => string.Equals(other.Name, name, StringComparison.OrdinalIgnoreCase));
        if (first is not null)
        {
            context.Report(Descriptor, word.Span, $"stage name '{name}' is already used by the stage at line {first.From.Line}; rename one of them");
        }
    }
}
