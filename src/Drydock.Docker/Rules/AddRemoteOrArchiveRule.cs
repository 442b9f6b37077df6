using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF012: ADD of a URL without --checksum, or of a local archive that ADD silently unpacks.</summary>
public sealed class AddRemoteOrArchiveRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF012",
        "add-remote-or-archive",
        Severity.Info,
        "ADD fetches a URL without a checksum, or unpacks a local archive implicitly.",
        "A URL fetched by ADD is not verified: a changed or compromised download goes into the image unnoticed. A local .tar ADD unpacks, which readers of 'ADD x.tar.gz /opt/' often do not expect.",
        "Pin remote files with ADD --checksum=sha256:... (or curl plus sha256sum -c in a RUN); for archives, say so in a comment or unpack explicitly in a RUN.");

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitCopy(DockerfileContext context, FileTransferInstruction copy)
    {
        if (copy is not AddInstruction add || add.From is not null)
        {
            return;
        }

        foreach (var source in add.Sources.Where(source => !source.IsHeredocMarker))
        {
            if (FileTransferInstruction.IsRemote(source.Value))
            {
                bool git = source.Value.EndsWith(".git", StringComparison.Ordinal) || source.Value.StartsWith("git", StringComparison.Ordinal) || source.Value.Contains(".git#", StringComparison.Ordinal);
                if (add.Checksum is null && !git)
                {
                    context.Report(Descriptor, source.Span, $"ADD downloads {source.Value} without verifying it: add --checksum=sha256:<digest> so a changed file fails the build");
                }
            }
            else if (AddInsteadOfCopyRule.IsArchive(source.Value))
            {
                context.Report(Descriptor, source.Span, $"ADD unpacks the archive {source.Value} into {add.Destination?.Value}: if that is intended, unpack it explicitly in a RUN (or keep ADD and say so); otherwise use COPY");
            }
        }
    }
}
