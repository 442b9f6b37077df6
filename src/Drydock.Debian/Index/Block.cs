using System.IO.Compression;
using System.Text;
using Drydock.Knowledge;

namespace Drydock.Debian.Index;

/// <summary>Where a block of rows lies in the index file, and the first name it holds.</summary>
internal sealed record BlockEntry(byte[] FirstName, int Rows, int Offset, int Length);

/// <summary>One inflated block: the UTF-8 rows, sorted, and where each row starts.</summary>
internal sealed class Block
{
    private readonly byte[] data;
    private readonly int[] starts;

    private Block(byte[] data, int[] starts)
    {
        this.data = data;
        this.starts = starts;
    }

    public int Count => starts.Length;

    public static Block Inflate(byte[] file, BlockEntry entry)
    {
        byte[] data;
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(file, entry.Offset, entry.Length, writable: false), CompressionMode.Decompress);
            using var output = new MemoryStream(entry.Length * 8);
            zlib.CopyTo(output);
            data = output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new KnowledgeException($"{PackageIndex.ResourceName}: block '{Encoding.UTF8.GetString(entry.FirstName)}' is not valid zlib data: {e.Message}");
        }

        var starts = new int[entry.Rows];
        int position = 0;
        for (int row = 0; row < entry.Rows; row++)
        {
            int newline = position < data.Length ? data.AsSpan(position).IndexOf((byte)'\n') : -1;
            if (newline <= 0)
            {
                throw new KnowledgeException($"{PackageIndex.ResourceName}: block '{Encoding.UTF8.GetString(entry.FirstName)}' has fewer than {entry.Rows} rows");
            }

            starts[row] = position;
            position += newline + 1;
        }

        return new Block(data, starts);
    }

    public ReadOnlySpan<byte> NameOf(int row)
    {
        var line = Line(row);
        int tab = line.IndexOf((byte)'\t');
        return tab < 0 ? line : line[..tab];
    }

    public string LineOf(int row) => Encoding.UTF8.GetString(Line(row));

    /// <summary>The first row whose name is not less than <paramref name="key"/> (Count when none).</summary>
    public int LowerBound(ReadOnlySpan<byte> key)
    {
        int low = 0;
        int high = starts.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (NameOf(middle).SequenceCompareTo(key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    public PackageRecord? RecordAt(int row, int column)
    {
        var line = Line(row);
        int tab = line.IndexOf((byte)'\t');
        if (tab < 0)
        {
            return null;
        }

        var rest = line[(tab + 1)..];
        for (int i = 0; i < column; i++)
        {
            int next = rest.IndexOf((byte)'\t');
            if (next < 0)
            {
                return null;
            }

            rest = rest[(next + 1)..];
        }

        int cellEnd = rest.IndexOf((byte)'\t');
        var cell = cellEnd < 0 ? rest : rest[..cellEnd];
        return cell.IsEmpty ? null : PackageIndex.ParseCell(Encoding.UTF8.GetString(line[..tab]), cell);
    }

    private ReadOnlySpan<byte> Line(int row)
    {
        int start = starts[row];
        int end = (row + 1 < starts.Length ? starts[row + 1] : data.Length) - 1;
        return data.AsSpan(start, Math.Max(0, end - start));
    }
}
