using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF011: ADD of local files that COPY would copy the same way.</summary>
public sealed class AddInsteadOfCopyRule : DockerfileRule
{
    private static readonly string[] ArchiveSuffixes = [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".gz", ".bz2", ".xz", ".zst"];

    public static readonly RuleDescriptor Descriptor = new(
        "DF011",
        "add-instead-of-copy",
        Severity.Warning,
        "ADD copies local files; use COPY.",
        "ADD also unpacks archives and fetches URLs, so a reader cannot tell what an ADD line does without knowing the files; COPY says exactly what happens.",
        "Replace ADD with COPY for local files and folders.")
    {
        Equivalents = ["hadolint DL3020"],
        Fixable = true,
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitCopy(DockerfileContext context, FileTransferInstruction copy)
    {
        if (copy is not AddInstruction add || add.Sources.Count == 0 || add.Heredocs.Count > 0 || add.Checksum is not null || add.KeepGitDir)
        {
            return;
        }

        if (add.Sources.Any(source => FileTransferInstruction.IsRemote(source.Value) || source.HasVariables || IsArchive(source.Value)))
        {
            return;
        }

        context.Report(Descriptor, add.KeywordSpan, $"ADD {string.Join(' ', add.Sources.Select(source => source.Value))} copies local files only: use COPY", context.Replace("use COPY", add.KeywordSpan, add.KeywordText.All(char.IsLower) ? "copy" : "COPY"));
    }

    public static bool IsArchive(string source) => ArchiveSuffixes.Any(suffix => source.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
}
