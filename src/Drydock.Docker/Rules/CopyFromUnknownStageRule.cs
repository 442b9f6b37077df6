using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF018: COPY --from names no earlier stage (and does not look like an image).</summary>
public sealed class CopyFromUnknownStageRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF018",
        "copy-from-unknown-stage",
        Severity.Error,
        "COPY --from names a stage that does not exist before it.",
        "A --from that is not an earlier stage is read as an image name: a typo ('biuld') makes the builder try to pull an image 'biuld' and fail, and a later stage's name cannot be used at all.",
        "Use the name (AS ...) or index of an earlier stage, or a full image reference with a tag.")
    {
        Equivalents = ["hadolint DL3022"],
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitCopy(DockerfileContext context, FileTransferInstruction copy)
    {
        if (copy.Stage is not { } stage || copy.Flag("from") is not { Value: { } raw } flag)
        {
            return;
        }

        var expansion = stage.ScopeAt(copy).Expand(raw, copy.EscapeCharacter);
        if (!expansion.IsKnown || expansion.Text.Length == 0 || context.Document.FindStage(expansion.Text, before: stage) is not null)
        {
            return;
        }

        string reference = expansion.Text;
        if (string.Equals(reference, stage.Name, StringComparison.OrdinalIgnoreCase))
        {
            return; // DF019 copy-from-own-stage
        }

        var later = context.Document.FindStage(reference);
        if (later is not null && later.Index > stage.Index)
        {
            context.Report(Descriptor, flag.ValueSpan, $"--from={reference} names stage {later.DisplayName}, which comes after this one (line {later.From.Line}): a stage can only copy from earlier stages");
        }
        else if (int.TryParse(reference, out int index))
        {
            context.Report(Descriptor, flag.ValueSpan, $"--from={reference}: there is no stage {index} before this instruction (stages are numbered from 0)");
        }
        else if (!reference.Contains(':') && !reference.Contains('/') && !reference.Contains('@'))
        {
            string known = string.Join(", ", context.Document.Stages.Take(stage.Index).Where(candidate => candidate.Name is not null).Select(candidate => candidate.Name));
            context.Report(Descriptor, flag.ValueSpan, $"--from={reference} is not a stage of this Dockerfile{(known.Length > 0 ? $" (stages: {known})" : "")}; as an image name it would pull '{reference}:latest'");
        }
    }
}
