using System.Text;

namespace Drydock.Text;

/// <summary>
/// A text file as read from disk, kept so that it can be written back byte for byte:
/// the decoded text (without the BOM), whether a BOM was present, and the dominant line ending.
/// Lines are counted at '\n' only; a lone '\r' does not start a line (as editors and grep -n count).
/// </summary>
public sealed class SourceText
{
    private readonly int[] lineStarts;

    public SourceText(string path, string text, bool hasBom = false, string? contentHash = null)
    {
        Path = path;
        Text = text;
        HasBom = hasBom;
        ContentHash = contentHash;
        lineStarts = ComputeLineStarts(text);
        UsesCrLf = DetectCrLf(text);
    }

    /// <summary>Path relative to the analysed root, with '/' separators.</summary>
    public string Path { get; }

    public string Text { get; }

    public bool HasBom { get; }

    /// <summary>SHA-256 of the bytes as read from disk (null for text made in memory): `fix` refuses to write a file that changed since.</summary>
    public string? ContentHash { get; }

    public bool UsesCrLf { get; }

    public int LineCount => lineStarts.Length;

    public string NewLine => UsesCrLf ? "\r\n" : "\n";

    public int LineStart(int line) => lineStarts[Math.Clamp(line, 1, lineStarts.Length) - 1];

    /// <summary>The text of a 1-based line, without its line ending.</summary>
    public string Line(int line)
    {
        if (line < 1 || line > lineStarts.Length)
        {
            return "";
        }

        int start = lineStarts[line - 1];
        int end = line < lineStarts.Length ? lineStarts[line] : Text.Length;
        if (end > start && Text[end - 1] == '\n')
        {
            end--;
        }

        if (end > start && Text[end - 1] == '\r')
        {
            end--;
        }

        return Text[start..end];
    }

    /// <summary>1-based line and column of a character offset.</summary>
    public (int Line, int Column) Position(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int index = Array.BinarySearch(lineStarts, offset);
        int line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - lineStarts[line] + 1);
    }

    public int Offset(int line, int column) => LineStart(line) + Math.Max(0, column - 1);

    /// <summary>Lines <paramref name="first"/>..<paramref name="last"/> joined with '\n', for evidence.</summary>
    public string Lines(int first, int last)
    {
        if (first == last && first >= 1 && first <= LineCount)
        {
            return Line(first);
        }

        var builder = new StringBuilder();
        for (int line = Math.Max(1, first); line <= Math.Min(last, LineCount); line++)
        {
            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append(Line(line));
        }

        return builder.ToString();
    }

    /// <summary>The bytes to write back: the BOM if the file had one, then UTF-8.</summary>
    public static byte[] Encode(string text, bool withBom)
    {
        byte[] body = Encoding.UTF8.GetBytes(text);
        if (!withBom)
        {
            return body;
        }

        byte[] result = new byte[body.Length + 3];
        result[0] = 0xEF;
        result[1] = 0xBB;
        result[2] = 0xBF;
        body.CopyTo(result, 3);
        return result;
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        // A trailing newline does not open an empty last line of its own.
        if (starts.Count > 1 && starts[^1] == text.Length)
        {
            starts.RemoveAt(starts.Count - 1);
        }

        return [.. starts];
    }

    private static bool DetectCrLf(string text)
    {
        int crlf = 0, lf = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                if (i > 0 && text[i - 1] == '\r')
                {
                    crlf++;
                }
                else
                {
                    lf++;
                }
            }
        }

        return crlf > lf;
    }
}
