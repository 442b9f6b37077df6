using System.Text;
using Drydock.Knowledge;

namespace Drydock.Debian.Index;

/// <summary>
/// The compact Debian package index (Knowledge/debian-packages.idx, written by scripts/debian-index/generate):
/// for each binary or virtual package name, per release, its component and the architectures that have it.
/// Loading reads only the plain-text header; the rows sit in blocks of about a thousand names, each compressed
/// on its own and inflated on first use, so a check that looks up twenty names touches a few blocks, not all.
/// </summary>
public sealed partial class PackageIndex
{
    public const int SupportedFormat = 2;
    public const string ResourceName = "debian-packages.idx";

    private static readonly Lazy<PackageIndex> SharedIndex = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly byte[] file;
    private readonly BlockEntry[] blocks;
    private readonly Block?[] inflated;

    private PackageIndex(byte[] file, BlockEntry[] blocks, int format, string updated, IReadOnlyList<DebianRelease> releases)
    {
        this.file = file;
        this.blocks = blocks;
        inflated = new Block?[blocks.Length];
        Format = format;
        Updated = updated;
        Releases = releases;
        Count = blocks.Sum(block => block.Rows);
    }

    /// <summary>The index compiled into this assembly, loaded on first use.</summary>
    public static PackageIndex Shared => SharedIndex.Value;

    public int Format { get; }

    /// <summary>The day the index was generated (yyyy-MM-dd).</summary>
    public string Updated { get; }

    public IReadOnlyList<DebianRelease> Releases { get; }

    /// <summary>How many names (real or virtual, any release) the index holds.</summary>
    public int Count { get; }

    public static PackageIndex LoadEmbedded()
    {
        string resource = "Drydock.Knowledge." + ResourceName;
        using var stream = typeof(PackageIndex).Assembly.GetManifestResourceStream(resource)
            ?? throw new KnowledgeException($"knowledge file {ResourceName} is not embedded in Drydock.Debian");
        return Load(stream);
    }

    /// <summary>Reads an index. Throws <see cref="KnowledgeException"/> when it is not one.</summary>
    public static PackageIndex Load(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Parse(copy.ToArray());
    }

    public DebianRelease? Release(string codename) =>
        Releases.FirstOrDefault(release => string.Equals(release.Codename, codename, StringComparison.OrdinalIgnoreCase));

    /// <summary>What <paramref name="release"/> has under <paramref name="name"/>, or null when it has nothing.</summary>
    public PackageRecord? Find(DebianRelease release, string name) =>
        FindRow(name) is { } row ? row.Block.RecordAt(row.Row, release.Column) : null;

    /// <summary>Every release that has <paramref name="name"/>, with what it has.</summary>
    public IReadOnlyList<(DebianRelease Release, PackageRecord Record)> FindInAllReleases(string name)
    {
        if (FindRow(name) is not { } row)
        {
            return [];
        }

        var found = new List<(DebianRelease, PackageRecord)>();
        foreach (var release in Releases)
        {
            if (row.Block.RecordAt(row.Row, release.Column) is { } record)
            {
                found.Add((release, record));
            }
        }

        return found;
    }

    /// <summary>
    /// The records of <paramref name="release"/> whose names start with <paramref name="prefix"/> (and whose
    /// UTF-8 length is within the bounds), in name order.
    /// </summary>
    public IEnumerable<PackageRecord> WithPrefix(DebianRelease release, string prefix, int minLength = 0, int maxLength = int.MaxValue)
    {
        byte[] key = Encoding.UTF8.GetBytes(prefix);
        for (int b = BlockFor(key); b < blocks.Length; b++)
        {
            var block = BlockAt(b);
            for (int row = b == BlockFor(key) ? block.LowerBound(key) : 0; row < block.Count; row++)
            {
                var name = block.NameOf(row);
                if (!name.StartsWith(key))
                {
                    yield break;
                }

                if (name.Length >= minLength && name.Length <= maxLength && block.RecordAt(row, release.Column) is { } record)
                {
                    yield return record;
                }
            }
        }
    }

    /// <summary>Every row of the index as text, for the shape tests and tools.</summary>
    internal IEnumerable<(string Name, string Line)> Rows()
    {
        for (int b = 0; b < blocks.Length; b++)
        {
            var block = BlockAt(b);
            for (int row = 0; row < block.Count; row++)
            {
                yield return (Encoding.UTF8.GetString(block.NameOf(row)), block.LineOf(row));
            }
        }
    }

    /// <summary>The first name each block claims, for the shape tests.</summary>
    internal IEnumerable<(string FirstName, int Rows)> BlockTable() => blocks.Select(block => (Encoding.UTF8.GetString(block.FirstName), block.Rows));

    private (Block Block, int Row)? FindRow(string name)
    {
        if (name.Length == 0 || name.Length > 256)
        {
            return null;
        }

        byte[] key = Encoding.UTF8.GetBytes(name);
        var block = BlockAt(BlockFor(key));
        int row = block.LowerBound(key);
        return row < block.Count && block.NameOf(row).SequenceEqual(key) ? (block, row) : null;
    }

    /// <summary>The last block whose first name is at or before <paramref name="key"/> (block 0 for keys before every name).</summary>
    private int BlockFor(ReadOnlySpan<byte> key)
    {
        int low = 0;
        int high = blocks.Length - 1;
        while (low < high)
        {
            int middle = (low + high + 1) >>> 1;
            if (blocks[middle].FirstName.AsSpan().SequenceCompareTo(key) <= 0)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    private Block BlockAt(int index)
    {
        var block = Volatile.Read(ref inflated[index]);
        if (block is null)
        {
            // Two threads may inflate the same block at once; both results are identical, one wins.
            block = Block.Inflate(file, blocks[index]);
            block = Interlocked.CompareExchange(ref inflated[index], block, null) ?? block;
        }

        return block;
    }
}
