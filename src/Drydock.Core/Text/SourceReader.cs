using System.Text;
using System.Text.Unicode;

namespace Drydock.Text;

/// <summary>Why a file could not be read as text. Each becomes a finding at the file, never a crash.</summary>
public sealed record ReadProblem(string Path, string Message, int Line = 0, int Column = 0);

/// <summary>
/// Reads configuration-sized text files defensively: a size cap, binary detection, strict UTF-8 with the
/// position of the first bad byte. Everything Drydock parses from a repository comes through here.
/// </summary>
public static class SourceReader
{
    /// <summary>Dockerfiles, compose files and Python modules beyond this are not configuration any more.</summary>
    public const long DefaultMaxBytes = 16 * 1024 * 1024;

    public static bool TryRead(string fullPath, string relativePath, out SourceText? text, out ReadProblem? problem, long maxBytes = DefaultMaxBytes)
    {
        text = null;
        problem = null;
        byte[] bytes;
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > maxBytes)
            {
                problem = new ReadProblem(relativePath, $"file is {info.Length / (1024 * 1024)} MiB, over the {maxBytes / (1024 * 1024)} MiB limit for this kind of file; not analysed");
                return false;
            }

            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = new ReadProblem(relativePath, $"cannot read file: {e.Message}");
            return false;
        }

        return TryDecode(bytes, relativePath, out text, out problem);
    }

    public static bool TryDecode(ReadOnlySpan<byte> bytes, string relativePath, out SourceText? text, out ReadProblem? problem)
    {
        text = null;
        problem = null;
        string hash = HashOf(bytes);
        bool bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        if (bom)
        {
            bytes = bytes[3..];
        }

        int nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            var (line, column) = LineColumnOfByte(bytes, nul);
            problem = new ReadProblem(relativePath, "file contains NUL bytes: it is binary, not text; not analysed", line, column);
            return false;
        }

        if (!Utf8.IsValid(bytes))
        {
            int bad = FirstInvalidUtf8(bytes);
            var (line, column) = LineColumnOfByte(bytes, bad);
            problem = new ReadProblem(relativePath, $"invalid UTF-8 (byte 0x{bytes[bad]:X2} at offset {bad}); not analysed", line, column);
            return false;
        }

        text = new SourceText(relativePath, Encoding.UTF8.GetString(bytes), bom, hash);
        return true;
    }

    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int offset = 0;
        Span<char> scratch = stackalloc char[512];
        while (offset < bytes.Length)
        {
            var status = Utf8.ToUtf16(bytes[offset..], scratch, out int read, out _, replaceInvalidSequences: false);
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                return offset + read;
            }

            if (read == 0)
            {
                return offset;
            }

            offset += read;
        }

        return 0;
    }

    private static (int Line, int Column) LineColumnOfByte(ReadOnlySpan<byte> bytes, int index)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < index; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }
}
