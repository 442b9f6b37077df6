using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;
using Drydock.Image.Model;

namespace Drydock.Image.Rules;

/// <summary>IM023: files with the setuid or setgid bit.</summary>
public sealed class SetuidFilesRule : IPlatformRule
{
    private const int MaxListed = 20;

    public static readonly RuleDescriptor Descriptor = new(
        "IM023",
        "setuid-files",
        Severity.Info,
        "The image holds setuid or setgid files.",
        "A setuid-root binary lets a non-root process become root through any bug in it; images that run as a user rarely need su, passwd or mount.",
        "Strip the bits in the final stage (`RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +`) or start from a distroless or slim base, and run with `--security-opt no-new-privileges`.");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        var files = context.FileSystem.Root.Descendants()
            .Where(node => node.Kind == FsNodeKind.File && (node.Mode & 0b110_000_000_000) != 0)
            .ToList();
        if (files.Count == 0)
        {
            return;
        }

        string Describe(FsNode node) => $"{node.Path} mode {Convert.ToString(node.Mode & 0xFFF, 8)} owner {node.Uid}:{node.Gid}";
        string evidence = string.Join('\n', files.Take(MaxListed).Select(Describe)) + (files.Count > MaxListed ? $"\n... and {files.Count - MaxListed} more" : "");
        sink.Report(Descriptor, context.Location(files[0].Path), $"{files.Count} setuid/setgid file(s), first {files[0].Path}", evidence);
    }
}
