using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF033: heredocs or newer flags without a <c># syntax=</c> directive.</summary>
public sealed class SyntaxDirectiveMissingRule : DockerfileRule
{
    private static readonly string[] NewCopyFlags = ["link", "parents", "exclude", "checksum", "keep-git-dir", "chmod"];

    public static readonly RuleDescriptor Descriptor = new(
        "DF033",
        "syntax-directive-missing",
        Severity.Info,
        "Newer Dockerfile syntax is used without a '# syntax=' directive.",
        "Heredocs, RUN --mount and COPY --link/--parents/--exclude need a recent Dockerfile frontend. Without '# syntax=docker/dockerfile:1', the builder's built-in frontend decides: an older Docker Engine or another builder (Podman, Kaniko, an old CI runner) fails with 'unknown flag' or runs the heredoc as a command.",
        "Add '# syntax=docker/dockerfile:1' as the first line.")
    {
        Fixable = true,
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitDocument(DockerfileContext context)
    {
        var document = context.Document;
        if (document.Syntax is not null)
        {
            return;
        }

        foreach (var instruction in document.Instructions)
        {
            string? feature = instruction.Heredocs.Count > 0 ? "a heredoc"
                : instruction is RunInstruction run && run.Mounts.Count > 0 ? "RUN --mount"
                : instruction is RunInstruction { Network: not null } ? "RUN --network"
                : instruction is FileTransferInstruction copy && NewCopyFlags.FirstOrDefault(flag => copy.HasFlag(flag)) is { } flag ? $"{copy.Keyword} --{flag}"
                : null;
            if (feature is not null)
            {
                var fix = context.Insert("add # syntax=docker/dockerfile:1", 0, "# syntax=docker/dockerfile:1" + document.Source.NewLine, safe: false);
                context.Report(Descriptor, instruction.KeywordSpan, $"{feature} (line {instruction.Line}) needs Dockerfile frontend 1.4 or later; add '# syntax=docker/dockerfile:1' as the first line so every builder uses one", fix);
                return;
            }
        }
    }
}
