using Drydock.Image.Model;
using Drydock.Image.Parsing;

namespace Drydock.Image.Analysis;

public enum LayerProblemKind
{
    /// <summary>An entry whose path is absolute or climbs out of the root with "..".</summary>
    UnsafePath,

    /// <summary>A hard link to a path that is in neither this layer nor a lower one.</summary>
    HardLinkMissing,
}

public sealed record LayerProblem(int Layer, string Path, LayerProblemKind Kind, string Message);

/// <summary>A copy of a file that a later layer overwrote or deleted: bytes shipped but never seen.</summary>
public sealed record WastedCopy(string Path, long Bytes, int Layer, int RemovedBy);

/// <summary>What one layer held, once applied.</summary>
public sealed record LayerApplyResult(long UncompressedBytes, long FileBytes, int Entries);

/// <summary>
/// Applies layer tar streams to a <see cref="LayeredFileSystem"/> as the OCI image spec says: a layer's whiteouts
/// (.wh.NAME removes NAME, .wh..wh..opq empties the directory) apply to the layers below it only, then its entries
/// are added in archive order. Keeps metadata, the byte counts needed for waste, and the first bytes of files
/// chosen by the head policy. Nothing is written to disk.
/// </summary>
public sealed class FileSystemBuilder
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueMarker = ".wh..wh..opq";
    private readonly Func<string, TarEntry, int> headPolicy;
    private readonly long maxHeadBytes;
    private long headBytes;

    /// <param name="headPolicy">How many leading bytes to keep of a file (0 for none), given its path and entry.</param>
    /// <param name="maxHeadBytes">Cap on all kept heads together, so memory stays flat however many files there are.</param>
    public FileSystemBuilder(Func<string, TarEntry, int> headPolicy, long maxHeadBytes = 32L << 20)
    {
        this.headPolicy = headPolicy;
        this.maxHeadBytes = maxHeadBytes;
    }

    public LayeredFileSystem FileSystem { get; } = new();

    public List<LayerProblem> Problems { get; } = [];

    public List<WastedCopy> Waste { get; } = [];

    /// <summary>Bytes of regular files in all layers, kept or not: the denominator of the efficiency score.</summary>
    public long TotalFileBytes { get; private set; }

    public bool HeadsTruncated { get; private set; }

    public LayerApplyResult Apply(int layer, TarStreamReader reader)
    {
        var entries = new List<(string Path, TarEntry Entry, byte[]? Head)>();
        var whiteouts = new List<(string Directory, string? Name)>();
        long fileBytes = 0;
        while (reader.Next() is { } entry)
        {
            string? path = NormalizeEntry(layer, entry.Name);
            if (path is null)
            {
                continue;
            }

            string name = path[(path.LastIndexOf('/') + 1)..];
            string directory = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";
            if (name.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
            {
                if (name == OpaqueMarker)
                {
                    whiteouts.Add((directory, null));
                }
                else if (!name.StartsWith(WhiteoutPrefix + WhiteoutPrefix, StringComparison.Ordinal))
                {
                    whiteouts.Add((directory, name[WhiteoutPrefix.Length..]));
                }

                continue;
            }

            byte[]? head = null;
            if (entry.Kind == TarEntryKind.File)
            {
                fileBytes += entry.Size;
                int want = (int)Math.Min(entry.Size, headPolicy(path, entry));
                if (want > 0 && headBytes + want <= maxHeadBytes)
                {
                    head = ReadHead(reader, want);
                    headBytes += head.Length;
                }
                else if (want > 0)
                {
                    HeadsTruncated = true;
                }
            }

            entries.Add((path, entry, head));
        }

        TotalFileBytes += fileBytes;
        foreach (var (directory, name) in whiteouts)
        {
            ApplyWhiteout(layer, directory, name);
        }

        foreach (var (path, entry, head) in entries)
        {
            AddEntry(layer, path, entry, head);
        }

        return new LayerApplyResult(reader.Position, fileBytes, entries.Count);
    }

    private static byte[] ReadHead(TarStreamReader reader, int count)
    {
        byte[] head = new byte[count];
        int total = 0;
        while (total < count)
        {
            int read = reader.ReadData(head.AsSpan(total));
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total == count ? head : head[..total];
    }

    /// <summary>"./usr/bin/x" becomes "usr/bin/x"; absolute paths and ".." that climb out of the root are problems.</summary>
    private string? NormalizeEntry(int layer, string name)
    {
        var parts = new List<string>();
        bool absolute = name.StartsWith('/');
        foreach (string part in name.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    Problems.Add(new LayerProblem(layer, name, LayerProblemKind.UnsafePath, $"entry '{name}' climbs out of the image root with '..'; skipped"));
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        if (absolute)
        {
            Problems.Add(new LayerProblem(layer, name, LayerProblemKind.UnsafePath, $"entry '{name}' has an absolute path; runtimes place it under the image root, careless extractors write it to the host"));
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    private void ApplyWhiteout(int layer, string directory, string? name)
    {
        var parent = Find(directory);
        if (parent is null || parent.Kind != FsNodeKind.Directory || parent.ChildMap is null)
        {
            return;
        }

        if (name is null)
        {
            foreach (var child in parent.ChildMap.Values.Where(child => child.Layer < layer).ToList())
            {
                Remove(child, layer);
            }

            return;
        }

        if (parent.ChildMap.TryGetValue(name, out var victim))
        {
            Remove(victim, layer);
        }
    }

    private void AddEntry(int layer, string path, TarEntry entry, byte[]? head)
    {
        var parent = EnsureDirectory(path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "", layer);
        string name = path[(path.LastIndexOf('/') + 1)..];
        FsNode? source = null;
        if (entry.Kind == TarEntryKind.HardLink)
        {
            string? target = NormalizeEntry(layer, entry.LinkName);
            source = target is null ? null : Find(target);
            if (source is null || source.Kind == FsNodeKind.Directory)
            {
                Problems.Add(new LayerProblem(layer, "/" + path, LayerProblemKind.HardLinkMissing, $"hard link /{path} points to '{entry.LinkName}', which is in neither this layer nor a lower one; skipped"));
                return;
            }
        }

        var kind = entry.Kind switch
        {
            TarEntryKind.File or TarEntryKind.HardLink => FsNodeKind.File,
            TarEntryKind.Directory => FsNodeKind.Directory,
            TarEntryKind.Symlink => FsNodeKind.Symlink,
            _ => FsNodeKind.Other,
        };
        var existing = parent.Child(name);
        if (existing is not null)
        {
            if (existing.Kind == FsNodeKind.Directory && kind == FsNodeKind.Directory)
            {
                // Re-listing a directory changes its metadata and keeps its contents.
                existing.Mode = entry.Mode;
                existing.Uid = entry.Uid;
                existing.Gid = entry.Gid;
                existing.Layer = layer;
                return;
            }

            Remove(existing, layer);
        }

        var node = new FsNode(name, kind, parent)
        {
            Mode = source?.Mode ?? entry.Mode,
            Uid = source?.Uid ?? entry.Uid,
            Gid = source?.Gid ?? entry.Gid,
            Size = source?.Size ?? entry.Size,
            StoredBytes = kind == FsNodeKind.File && source is null ? entry.Size : 0,
            LinkTarget = entry.Kind == TarEntryKind.Symlink ? entry.LinkName : "",
            Layer = layer,
            Head = source?.Head ?? head,
            ChildMap = kind == FsNodeKind.Directory ? new(StringComparer.Ordinal) : null,
        };
        parent.ChildMap![name] = node;
    }

    private FsNode EnsureDirectory(string path, int layer)
    {
        var current = FileSystem.Root;
        if (path.Length == 0)
        {
            return current;
        }

        foreach (string part in path.Split('/'))
        {
            var next = current.Child(part);
            if (next is { Kind: FsNodeKind.Symlink })
            {
                // The kernel follows a symlinked parent (/bin -> usr/bin) when a layer is extracted, so do the same.
                var resolved = FileSystem.Resolve(next.Path);
                if (resolved.Node is { Kind: FsNodeKind.Directory } target)
                {
                    current = target;
                    continue;
                }
            }

            if (next is null || next.Kind != FsNodeKind.Directory)
            {
                if (next is not null)
                {
                    Remove(next, layer);
                }

                // Implicit parents are created as the runtime would: root-owned 0755.
                next = new FsNode(part, FsNodeKind.Directory, current) { Mode = 0b111_101_101, Layer = layer, ChildMap = new(StringComparer.Ordinal) };
                current.ChildMap![part] = next;
            }

            current = next;
        }

        return current;
    }

    private FsNode? Find(string path)
    {
        var current = FileSystem.Root;
        foreach (string part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current.Child(part);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Removes a node; every stored copy under it becomes waste (a deleted directory counts in full).</summary>
    private void Remove(FsNode node, int removedBy)
    {
        node.Parent!.ChildMap!.Remove(node.Name);
        if (node.Kind == FsNodeKind.File && node.StoredBytes > 0)
        {
            Waste.Add(new WastedCopy(node.Path, node.StoredBytes, node.Layer, removedBy));
        }

        foreach (var descendant in node.Descendants())
        {
            if (descendant.Kind == FsNodeKind.File && descendant.StoredBytes > 0)
            {
                Waste.Add(new WastedCopy(descendant.Path, descendant.StoredBytes, descendant.Layer, removedBy));
            }
        }
    }
}
