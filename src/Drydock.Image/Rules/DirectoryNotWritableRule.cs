using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;
using Drydock.Image.Model;

namespace Drydock.Image.Rules;

/// <summary>IM022: the WORKDIR or a VOLUME is not writable by the image's (non-root) user.</summary>
public sealed class DirectoryNotWritableRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM022",
        "directory-not-writable",
        Severity.Warning,
        "The WORKDIR or a VOLUME is not writable by the user the container runs as.",
        "WORKDIR and a VOLUME missing from the image are created owned by root; a named volume copies the image directory's owner. A non-root process then fails with 'permission denied' the first time it writes its cache, uploads or database.",
        "Create the directory in the image and give it to the user before switching: `RUN mkdir -p /workspace && chown 1000:1000 /workspace` (or `COPY --chown=1000:1000`), then `USER 1000`.");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        var user = ImageUser.Resolve(context.Config, context.FileSystem);
        if (user.IsRoot || user.Uid is null)
        {
            return;
        }

        var directories = new List<(string Path, string What)>();
        if (context.Config.WorkingDir.Length > 0)
        {
            directories.Add((context.Config.WorkingDir, "WORKDIR"));
        }

        directories.AddRange(context.Config.Volumes.Select(volume => (volume, "VOLUME")));
        foreach (var (path, what) in directories)
        {
            var node = context.FileSystem.Resolve(path).Node;
            if (node is null)
            {
                sink.Report(Descriptor, context.Location(path), $"{what} {path} is not in the image, so it is created owned by root, and user {user.Spec} cannot write to it", $"{what} {path}: missing; USER {user.Spec} (uid {user.Uid})");
                continue;
            }

            if (node.Kind == FsNodeKind.Directory && !user.CanWrite(node))
            {
                sink.Report(Descriptor, context.Location(node.Path), $"{what} {path} is owned by {node.Uid}:{node.Gid} with mode {Convert.ToString(node.Mode & 0xFFF, 8)}, so user {user.Spec} (uid {user.Uid}) cannot write to it", $"{node.Path}: uid {node.Uid} gid {node.Gid} mode {Convert.ToString(node.Mode & 0xFFF, 8)}; USER {user.Spec}");
            }
        }
    }
}
