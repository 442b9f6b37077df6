using System.Buffers;
using System.Text;

namespace Drydock.Logs.Reading;

/// <summary>
/// Streams a log as lines without ever holding the whole log: a fixed byte buffer and a fixed char buffer.
/// Lines end at '\n' only (a lone '\r' from progress output stays inside its line), so line numbers are the
/// ones editors and <c>grep -n</c> show. Invalid UTF-8 decodes to U+FFFD. A line longer than
/// <see cref="MaxLineChars"/> is cut for analysis, the rest skipped, and still counted as one line.
/// </summary>
public sealed class LogLineReader : IDisposable
{
    public const int DefaultMaxLineChars = 64 * 1024;
    private const int ByteBufferSize = 128 * 1024;
    private const int ProbeBytes = 8 * 1024;

    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly Decoder decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
    private byte[] bytes = ArrayPool<byte>.Shared.Rent(ByteBufferSize);
    private char[] chars;
    private int start;
    private int end;
    private bool endOfStream;
    private bool skippingRestOfLine;
    private bool probed;

    public LogLineReader(Stream stream, int maxLineChars = DefaultMaxLineChars, bool leaveOpen = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineChars, 16);
        this.stream = stream;
        this.leaveOpen = leaveOpen;
        MaxLineChars = maxLineChars;
        chars = ArrayPool<char>.Shared.Rent(maxLineChars + ByteBufferSize + 16);
    }

    public int MaxLineChars { get; }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    public long BytesRead { get; private set; }

    /// <summary>Whether the line last returned was cut at <see cref="MaxLineChars"/>.</summary>
    public bool LineTruncated { get; private set; }

    public long TruncatedLineCount { get; private set; }

    /// <summary>Set after the first read: the first bytes hold NULs or many control bytes (a binary file, or UTF-16).</summary>
    public bool LooksBinary { get; private set; }

    public bool StartsWithUtf16Bom { get; private set; }

    /// <summary>Returns the next line (without '\n'), valid until the next call.</summary>
    public bool ReadLine(out ReadOnlySpan<char> line)
    {
        while (true)
        {
            var pending = chars.AsSpan(start, end - start);
            int newline = pending.IndexOf('\n');
            if (skippingRestOfLine)
            {
                if (newline >= 0)
                {
                    start += newline + 1;
                    skippingRestOfLine = false;
                    continue;
                }

                start = end = 0;
                if (!Fill())
                {
                    skippingRestOfLine = false;
                }

                continue;
            }

            if (newline >= 0 && newline <= MaxLineChars)
            {
                line = pending[..newline];
                start += newline + 1;
                return Return(truncated: false);
            }

            if (newline > MaxLineChars || pending.Length > MaxLineChars)
            {
                line = pending[..MaxLineChars];
                if (newline >= 0)
                {
                    start += newline + 1;
                }
                else
                {
                    start += MaxLineChars;
                    skippingRestOfLine = true;
                }

                TruncatedLineCount++;
                return Return(truncated: true);
            }

            if (endOfStream)
            {
                if (pending.Length > 0)
                {
                    line = pending;
                    start = end;
                    return Return(truncated: false);
                }

                line = default;
                return false;
            }

            if (start > 0)
            {
                Array.Copy(chars, start, chars, 0, end - start);
                end -= start;
                start = 0;
            }

            Fill();
        }
    }

    private bool Return(bool truncated)
    {
        LineNumber++;
        LineTruncated = truncated;
        return true;
    }

    private bool Fill()
    {
        if (endOfStream)
        {
            return false;
        }

        int read = stream.Read(bytes, 0, ByteBufferSize);
        if (!probed)
        {
            probed = true;
            Probe(bytes.AsSpan(0, read));
        }

        if (read == 0)
        {
            end += decoder.GetChars([], chars.AsSpan(end), flush: true);
            endOfStream = true;
            return false;
        }

        BytesRead += read;
        end += decoder.GetChars(bytes.AsSpan(0, read), chars.AsSpan(end), flush: false);
        return true;
    }

    private void Probe(ReadOnlySpan<byte> head)
    {
        head = head[..Math.Min(head.Length, ProbeBytes)];
        StartsWithUtf16Bom = head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));
        int nul = 0, control = 0;
        foreach (byte b in head)
        {
            if (b == 0)
            {
                nul++;
            }
            else if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x1B or 0x0C or 0x08))
            {
                control++;
            }
        }

        // Git's rule (a NUL in the first 8 KB) plus a share of control bytes: logs may hold a stray NUL from a
        // crashed process, but never thousands of them.
        LooksBinary = StartsWithUtf16Bom || nul > Math.Max(2, head.Length / 1000) || control > head.Length / 10;
    }

    public void Dispose()
    {
        // Pooled: a directory of logs reuses the same buffers rather than allocating ~0.5 MB per log.
        if (bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
            bytes = [];
            chars = [];
        }

        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }
}
