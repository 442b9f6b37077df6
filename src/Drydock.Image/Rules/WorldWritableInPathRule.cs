using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;
using Drydock.Image.Model;

namespace Drydock.Image.Rules;

/// <summary>IM024: a PATH directory, or a program in it, that any user can write.</summary>
public sealed class WorldWritableInPathRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM024",
        "world-writable-in-path",
        Severity.Warning,
        "A directory on PATH, or a program in one, is writable by every user.",
        "Anyone who can write a PATH entry can replace the programs the entrypoint and healthcheck run, including the root ones.",
        "Remove the write bit for others (`chmod o-w`), usually left by a `chmod -R 777` or a COPY from a Windows checkout.");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        string path = context.Config.EnvValue("PATH") ?? CommandResolver.DefaultPath;
        var seen = new HashSet<FsNode>();
        foreach (string entry in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (context.FileSystem.Resolve(entry).Node is not { Kind: FsNodeKind.Directory } directory || !seen.Add(directory))
            {
                continue;
            }

            var writable = new List<FsNode>();
            if (IsWorldWritable(directory))
            {
                writable.Add(directory);
            }

            writable.AddRange(directory.Children.Where(child => child.Kind == FsNodeKind.File && IsWorldWritable(child)).OrderBy(child => child.Name, StringComparer.Ordinal));
            if (writable.Count == 0)
            {
                continue;
            }

            string evidence = string.Join('\n', writable.Take(20).Select(node => $"{node.Path} mode {Convert.ToString(node.Mode & 0xFFF, 8)}"));
            sink.Report(Descriptor, context.Location(writable[0].Path), $"{writable.Count} world-writable entr{(writable.Count == 1 ? "y" : "ies")} on PATH in {directory.Path}, first {writable[0].Path}", evidence);
        }
    }

    // The sticky bit (as on /tmp) keeps others from replacing files, so a sticky directory is not flagged.
    private static bool IsWorldWritable(FsNode node) => (node.Mode & 0b000_000_010) != 0 && (node.Kind != FsNodeKind.Directory || (node.Mode & 0b001_000_000_000) == 0);
}
