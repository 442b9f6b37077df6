using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF019: COPY --from the stage it is in.</summary>
public sealed class CopyFromOwnStageRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF019",
        "copy-from-own-stage",
        Severity.Error,
        "COPY --from refers to the stage it is in.",
        "A stage cannot copy from itself: the builder reports a circular dependency or pulls an image of that name.",
        "Copy from an earlier stage, or use RUN cp within the stage.")
    {
        Equivalents = ["hadolint DL3023"],
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitCopy(DockerfileContext context, FileTransferInstruction copy)
    {
        if (copy.Stage is not { } stage || copy.Flag("from") is not { Value: { } raw } flag)
        {
            return;
        }

        var expansion = stage.ScopeAt(copy).Expand(raw, copy.EscapeCharacter);
        bool self = expansion.IsKnown && context.Document.FindStage(expansion.Text, before: stage) is null && (string.Equals(expansion.Text, stage.Name, StringComparison.OrdinalIgnoreCase) || expansion.Text == stage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (self)
        {
            context.Report(Descriptor, flag.ValueSpan, $"--from={expansion.Text} is the stage this COPY is in ({stage.DisplayName}); copy from an earlier stage or use RUN cp");
        }
    }
}
