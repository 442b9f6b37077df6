namespace Drydock.Image.Model;

public enum FsNodeKind
{
    File,
    Directory,
    Symlink,
    Other,
}

/// <summary>
/// One path of the merged filesystem: metadata only, plus the first bytes of the few files whose content matters
/// (executables for ELF and shebang, /etc/passwd and /etc/group, well-known secret files).
/// </summary>
public sealed class FsNode
{
    internal FsNode(string name, FsNodeKind kind, FsNode? parent)
    {
        Name = name;
        Kind = kind;
        Parent = parent;
    }

    public string Name { get; }

    public FsNodeKind Kind { get; internal set; }

    public FsNode? Parent { get; }

    /// <summary>Permission bits including setuid (04000), setgid (02000) and sticky (01000).</summary>
    public int Mode { get; internal set; }

    public int Uid { get; internal set; }

    public int Gid { get; internal set; }

    public long Size { get; internal set; }

    /// <summary>Bytes this copy occupies in its layer: the size for a regular file, 0 for a hard link or anything else.</summary>
    public long StoredBytes { get; internal set; }

    public string LinkTarget { get; internal set; } = "";

    /// <summary>0-based index of the layer this version of the path comes from.</summary>
    public int Layer { get; internal set; }

    /// <summary>The first bytes of the file when kept; null when not kept (so "unknown", never "empty").</summary>
    public byte[]? Head { get; internal set; }

    internal Dictionary<string, FsNode>? ChildMap { get; set; }

    public IEnumerable<FsNode> Children => ChildMap?.Values ?? Enumerable.Empty<FsNode>();

    public bool IsExecutable => (Mode & 0b001_001_001) != 0;

    /// <summary>Absolute path inside the image, "/" for the root.</summary>
    public string Path
    {
        get
        {
            if (Parent is null)
            {
                return "/";
            }

            var parts = new Stack<string>();
            for (var node = this; node.Parent is not null; node = node.Parent)
            {
                parts.Push(node.Name);
            }

            return "/" + string.Join('/', parts);
        }
    }

    public FsNode? Child(string name) => ChildMap is not null && ChildMap.TryGetValue(name, out var child) ? child : null;

    /// <summary>Total bytes of regular files at and below this node.</summary>
    public long TotalSize()
    {
        if (Kind != FsNodeKind.Directory)
        {
            return Kind == FsNodeKind.File ? Size : 0;
        }

        long total = 0;
        var stack = new Stack<FsNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var child in node.Children)
            {
                if (child.Kind == FsNodeKind.Directory)
                {
                    stack.Push(child);
                }
                else if (child.Kind == FsNodeKind.File)
                {
                    total += child.Size;
                }
            }
        }

        return total;
    }

    public IEnumerable<FsNode> Descendants()
    {
        var stack = new Stack<FsNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var child in node.Children.OrderBy(c => c.Name, StringComparer.Ordinal).Reverse())
            {
                yield return child;
                if (child.Kind == FsNodeKind.Directory)
                {
                    stack.Push(child);
                }
            }
        }
    }
}

/// <summary>How a path resolved: the node, or where and why resolution stopped, and the symlinks followed.</summary>
public sealed record PathResolution(FsNode? Node, string Failure, IReadOnlyList<string> Chain, bool EscapedRoot)
{
    public bool Found => Node is not null;
}

/// <summary>
/// The filesystem a container sees: layers applied bottom to top with OCI whiteouts. Paths resolve as the kernel
/// does inside the container's root: absolute symlink targets start at the image root, ".." at the root stays there,
/// and more than 40 symlinks on one lookup is a loop (ELOOP).
/// </summary>
public sealed class LayeredFileSystem
{
    public const int MaxSymlinkHops = 40;

    public FsNode Root { get; } = new("", FsNodeKind.Directory, null) { Mode = 0b111_101_101, ChildMap = new(StringComparer.Ordinal) };

    public PathResolution Resolve(string path, bool followFinal = true, string workingDirectory = "/")
    {
        var chain = new List<string>();
        bool escaped = false;
        int hops = 0;
        var pending = new List<string>(Split(path));
        var current = path.StartsWith('/') ? Root : Resolve(workingDirectory).Node ?? Root;
        int index = 0;
        while (index < pending.Count)
        {
            string part = pending[index];
            bool last = index == pending.Count - 1;
            index++;
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (current.Parent is null)
                {
                    escaped = true;
                }
                else
                {
                    current = current.Parent;
                }

                continue;
            }

            if (current.Kind != FsNodeKind.Directory)
            {
                return new PathResolution(null, $"{current.Path} is not a directory", chain, escaped);
            }

            var next = current.Child(part);
            if (next is null)
            {
                string missing = current.Path == "/" ? "/" + part : current.Path + "/" + part;
                return new PathResolution(null, $"{missing} does not exist", chain, escaped);
            }

            if (next.Kind == FsNodeKind.Symlink && (!last || followFinal))
            {
                if (++hops > MaxSymlinkHops)
                {
                    return new PathResolution(null, $"too many levels of symbolic links (a loop through {next.Path})", chain, escaped);
                }

                if (next.LinkTarget.Length == 0)
                {
                    return new PathResolution(null, $"{next.Path} is a symbolic link with an empty target", chain, escaped);
                }

                chain.Add($"{next.Path} -> {next.LinkTarget}");
                var rest = pending.Skip(index).ToList();
                pending = [.. Split(next.LinkTarget), .. rest];
                index = 0;
                if (next.LinkTarget.StartsWith('/'))
                {
                    current = Root;
                }

                continue;
            }

            current = next;
        }

        return new PathResolution(current, "", chain, escaped);
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
