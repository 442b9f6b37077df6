using System.Buffers;
using System.Text;

namespace Drydock.Image.Parsing;

public enum TarEntryKind
{
    File,
    Directory,
    Symlink,
    HardLink,
    CharDevice,
    BlockDevice,
    Fifo,
    Other,
}

/// <summary>One member of a tar archive, after GNU long names and pax records have been applied.</summary>
public sealed record TarEntry(
    string Name,
    TarEntryKind Kind,
    long Size,
    int Mode,
    int Uid,
    int Gid,
    string LinkName,
    long HeaderOffset);

/// <summary>A defect in an archive: where it is (byte offset of the header) and what is wrong.</summary>
public sealed record TarProblem(long Offset, string Message);

/// <summary>
/// A forward-only tar reader over any stream, including a non-seekable decompression stream.
/// Written by hand rather than with System.Formats.Tar so that hostile input is bounded and reported, not thrown:
/// pax and GNU long-name records are capped (no allocation sized by the archive), checksums are verified,
/// a truncated member is a problem with its offset, and member data is skipped or read without buffering it whole.
/// </summary>
public sealed class TarStreamReader
{
    public const int BlockSize = 512;

    /// <summary>Longest pax record set or GNU long name accepted; real ones are a few hundred bytes.</summary>
    public const int MaxMetadataBytes = 1 << 20;

    private readonly Stream stream;
    private readonly byte[] block = new byte[BlockSize];
    private long position;
    private long remainingData;
    private long remainingPadding;

    public TarStreamReader(Stream stream) => this.stream = stream;

    /// <summary>Bytes consumed so far: the uncompressed size of the layer once the end is reached.</summary>
    public long Position => position;

    public TarProblem? Problem { get; private set; }

    /// <summary>The next entry, or null at the end of the archive (or after a problem, see <see cref="Problem"/>).</summary>
    public TarEntry? Next()
    {
        if (Problem is not null)
        {
            return null;
        }

        if (!SkipRemaining())
        {
            return null;
        }

        string? longName = null;
        string? longLink = null;
        Dictionary<string, string>? pax = null;
        while (true)
        {
            long headerOffset = position;
            if (!ReadBlock())
            {
                // EOF without the two zero blocks: tolerated when nothing was started (some writers omit them).
                if (longName is not null || longLink is not null || pax is not null)
                {
                    Problem = new TarProblem(headerOffset, "archive ends after an extended header, before its member");
                }

                return null;
            }

            if (IsZeroBlock(block))
            {
                return null;
            }

            if (!ChecksumMatches(block))
            {
                Problem = new TarProblem(headerOffset, "tar header checksum does not match (corrupt or not a tar archive)");
                return null;
            }

            if (!TryParseNumber(block.AsSpan(124, 12), out long size) || size < 0)
            {
                Problem = new TarProblem(headerOffset, "tar header has an invalid size field");
                return null;
            }

            char type = (char)block[156];
            switch (type)
            {
                case 'L':
                case 'K':
                    {
                        string? text = ReadMetadata(size, headerOffset);
                        if (text is null)
                        {
                            return null;
                        }

                        text = text.TrimEnd('\0');
                        if (type == 'L')
                        {
                            longName = text;
                        }
                        else
                        {
                            longLink = text;
                        }

                        continue;
                    }

                case 'x':
                case 'g':
                    {
                        string? text = ReadMetadata(size, headerOffset);
                        if (text is null)
                        {
                            return null;
                        }

                        // Global records ('g') set defaults no image tool relies on; they are read and dropped.
                        if (type == 'x')
                        {
                            pax = ParsePax(text, headerOffset);
                            if (pax is null)
                            {
                                return null;
                            }
                        }

                        continue;
                    }
            }

            string name = longName ?? HeaderName(block);
            string link = longLink ?? CString(block.AsSpan(157, 100));
            TryParseNumber(block.AsSpan(100, 8), out long mode);
            TryParseNumber(block.AsSpan(108, 8), out long uid);
            TryParseNumber(block.AsSpan(116, 8), out long gid);
            if (pax is not null)
            {
                if (pax.TryGetValue("path", out var paxPath)) { name = paxPath; }
                if (pax.TryGetValue("linkpath", out var paxLink)) { link = paxLink; }
                if (pax.TryGetValue("size", out var paxSize) && long.TryParse(paxSize, out long parsed) && parsed >= 0) { size = parsed; }
                if (pax.TryGetValue("uid", out var paxUid) && long.TryParse(paxUid, out long u)) { uid = u; }
                if (pax.TryGetValue("gid", out var paxGid) && long.TryParse(paxGid, out long g)) { gid = g; }
            }

            var kind = type switch
            {
                '0' or '\0' or '7' => TarEntryKind.File,
                '5' => TarEntryKind.Directory,
                '2' => TarEntryKind.Symlink,
                '1' => TarEntryKind.HardLink,
                '3' => TarEntryKind.CharDevice,
                '4' => TarEntryKind.BlockDevice,
                '6' => TarEntryKind.Fifo,
                _ => TarEntryKind.Other,
            };
            if (kind == TarEntryKind.File && name.EndsWith('/'))
            {
                kind = TarEntryKind.Directory; // pre-POSIX archives mark directories by the trailing slash
            }

            // Links and directories carry no data even if a writer put a size in the header.
            long dataSize = kind is TarEntryKind.HardLink or TarEntryKind.Symlink or TarEntryKind.Directory ? 0 : size;
            remainingData = dataSize;
            remainingPadding = Padding(dataSize);
            return new TarEntry(name, kind, dataSize, (int)(mode & 0xFFFF), (int)Math.Clamp(uid, int.MinValue, int.MaxValue), (int)Math.Clamp(gid, int.MinValue, int.MaxValue), link, headerOffset);
        }
    }

    /// <summary>Reads up to <paramref name="buffer"/>.Length bytes of the current entry's data; 0 at its end.</summary>
    public int ReadData(Span<byte> buffer)
    {
        if (remainingData <= 0 || Problem is not null)
        {
            return 0;
        }

        int want = (int)Math.Min(buffer.Length, remainingData);
        int read = stream.Read(buffer[..want]);
        if (read == 0)
        {
            Problem = new TarProblem(position, $"archive is truncated: {remainingData} bytes of a member are missing");
            remainingData = 0;
            return 0;
        }

        remainingData -= read;
        position += read;
        return read;
    }

    private bool SkipRemaining()
    {
        long toSkip = remainingData + remainingPadding;
        if (toSkip == 0)
        {
            return true;
        }

        if (stream.CanSeek && stream.Length - stream.Position >= toSkip)
        {
            // A docker save archive on disk: jump over members instead of reading gigabytes of layers.
            stream.Seek(toSkip, SeekOrigin.Current);
            position += toSkip;
            remainingData = remainingPadding = 0;
            return true;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (toSkip > 0)
            {
                int read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, toSkip));
                if (read == 0)
                {
                    // Missing padding after the last member is harmless; missing data is not.
                    if (remainingData > 0 || toSkip > remainingPadding)
                    {
                        Problem = new TarProblem(position, $"archive is truncated: {toSkip - remainingPadding} bytes of a member are missing");
                        return false;
                    }

                    remainingData = remainingPadding = 0;
                    return true;
                }

                toSkip -= read;
                position += read;
                long fromData = Math.Min(read, remainingData);
                remainingData -= fromData;
                remainingPadding -= read - fromData;
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private bool ReadBlock()
    {
        int total = 0;
        while (total < BlockSize)
        {
            int read = stream.Read(block, total, BlockSize - total);
            if (read == 0)
            {
                if (total > 0)
                {
                    Problem = new TarProblem(position, "archive is truncated in the middle of a header");
                }

                return false;
            }

            total += read;
        }

        position += BlockSize;
        return true;
    }

    private string? ReadMetadata(long size, long headerOffset)
    {
        if (size > MaxMetadataBytes)
        {
            Problem = new TarProblem(headerOffset, $"extended header of {size} bytes exceeds the {MaxMetadataBytes}-byte limit");
            return null;
        }

        byte[] data = new byte[size];
        int total = 0;
        while (total < size)
        {
            int read = stream.Read(data, total, (int)size - total);
            if (read == 0)
            {
                Problem = new TarProblem(position, "archive is truncated inside an extended header");
                return null;
            }

            total += read;
            position += read;
        }

        remainingData = 0;
        remainingPadding = Padding(size);
        if (!SkipRemaining())
        {
            return null;
        }

        return Encoding.UTF8.GetString(data);
    }

    /// <summary>pax records are "LEN KEY=VALUE\n", LEN counting the whole record in bytes.</summary>
    private Dictionary<string, string>? ParsePax(string text, long headerOffset)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        int offset = 0;
        while (offset < bytes.Length)
        {
            int space = Array.IndexOf(bytes, (byte)' ', offset);
            if (space < 0 || !int.TryParse(bytes.AsSpan(offset, space - offset), out int length) || length <= space - offset || offset + length > bytes.Length)
            {
                if (bytes.AsSpan(offset).IndexOfAnyExcept((byte)0) < 0)
                {
                    break; // trailing NUL padding
                }

                Problem = new TarProblem(headerOffset, "malformed pax extended header record");
                return null;
            }

            var record = bytes.AsSpan(space + 1, offset + length - space - 1);
            int equals = record.IndexOf((byte)'=');
            if (equals > 0)
            {
                string key = Encoding.UTF8.GetString(record[..equals]);
                string value = Encoding.UTF8.GetString(record[(equals + 1)..]).TrimEnd('\n');
                result[key] = value;
            }

            offset += length;
        }

        return result;
    }

    private static string HeaderName(byte[] header)
    {
        string name = CString(header.AsSpan(0, 100));
        bool ustar = header.AsSpan(257, 5).SequenceEqual("ustar"u8);
        if (ustar)
        {
            string prefix = CString(header.AsSpan(345, 155));
            if (prefix.Length > 0)
            {
                return prefix + "/" + name;
            }
        }

        return name;
    }

    private static string CString(ReadOnlySpan<byte> field)
    {
        int end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? field : field[..end]);
    }

    private static long Padding(long size) => (BlockSize - (size % BlockSize)) % BlockSize;

    private static bool IsZeroBlock(byte[] header) => header.AsSpan().IndexOfAnyExcept((byte)0) < 0;

    private static bool ChecksumMatches(byte[] header)
    {
        if (!TryParseNumber(header.AsSpan(148, 8), out long stored))
        {
            return false;
        }

        long unsignedSum = 0, signedSum = 0;
        for (int i = 0; i < BlockSize; i++)
        {
            byte value = i is >= 148 and < 156 ? (byte)' ' : header[i];
            unsignedSum += value;
            signedSum += (sbyte)value;
        }

        return stored == unsignedSum || stored == signedSum;
    }

    /// <summary>Octal (NUL/space terminated) or GNU base-256 (high bit set) numeric fields.</summary>
    internal static bool TryParseNumber(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        if (field.Length > 0 && (field[0] & 0x80) != 0)
        {
            if ((field[0] & 0x40) != 0)
            {
                return false; // negative base-256: never valid for sizes or ids here
            }

            value = field[0] & 0x3F;
            for (int i = 1; i < field.Length; i++)
            {
                if (value > (long.MaxValue >> 8))
                {
                    return false;
                }

                value = (value << 8) | field[i];
            }

            return true;
        }

        int index = 0;
        while (index < field.Length && (field[index] == ' ' || field[index] == 0))
        {
            index++;
        }

        bool any = false;
        for (; index < field.Length; index++)
        {
            byte c = field[index];
            if (c is (byte)' ' or 0)
            {
                break;
            }

            if (c is < (byte)'0' or > (byte)'7' || value > (long.MaxValue >> 3))
            {
                return false;
            }

            value = (value << 3) | (uint)(c - '0');
            any = true;
        }

        return any || field.IndexOfAnyExcept((byte)' ', (byte)0) < 0;
    }
}
