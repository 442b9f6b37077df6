using Drydock.Docker.Model;

namespace Drydock.Docker.Parsing;

/// <summary>
/// Text assembled from pieces of a file (an instruction's lines with continuations and comment lines removed),
/// with the way back from each character to its offset in the file. Pieces are contiguous in the file, so the map
/// is a short list searched by bisection rather than one entry per character.
/// </summary>
public sealed class SourceMap
{
    private readonly List<int> logicalStarts = [];
    private readonly List<int> fileStarts = [];
    private readonly List<bool> detached = [];
    private readonly System.Text.StringBuilder builder = new();
    private string? text;
    private int endOffset;

    /// <summary>A map over one contiguous slice of the file (a heredoc body, a single line).</summary>
    public static SourceMap Contiguous(string fileText, int start, int end)
    {
        var map = new SourceMap();
        map.Append(fileText, start, end);
        return map;
    }

    public string Text => text ??= builder.ToString();

    public int Length => builder.Length;

    internal void Append(string fileText, int start, int end)
    {
        text = null;
        if (end > start)
        {
            logicalStarts.Add(builder.Length);
            fileStarts.Add(start);
            detached.Add(false);
            builder.Append(fileText, start, end - start);
        }

        endOffset = end;
    }

    /// <summary>Text that is not a slice of the file (a JSON string with escapes): every character maps to <paramref name="anchor"/>.</summary>
    internal void AppendDetached(string value, int anchor)
    {
        text = null;
        logicalStarts.Add(builder.Length);
        fileStarts.Add(anchor);
        detached.Add(true);
        builder.Append(value);
        endOffset = anchor;
    }

    /// <summary>The file offset of the character at <paramref name="index"/> (the end of the last piece past the text).</summary>
    public int ToFile(int index)
    {
        if (logicalStarts.Count == 0)
        {
            return endOffset;
        }

        if (index >= builder.Length)
        {
            int last = logicalStarts.Count - 1;
            return index == builder.Length && !detached[last] ? fileStarts[last] + (builder.Length - logicalStarts[last]) : endOffset;
        }

        int found = logicalStarts.BinarySearch(Math.Max(0, index));
        int piece = found >= 0 ? found : ~found - 1;
        return detached[piece] ? fileStarts[piece] : fileStarts[piece] + (index - logicalStarts[piece]);
    }

    /// <summary>The part of this text between logical indices [start, end), still mapped to the file.</summary>
    public SourceMap Slice(int start, int end)
    {
        var slice = new SourceMap();
        start = Math.Clamp(start, 0, builder.Length);
        end = Math.Clamp(end, start, builder.Length);
        string all = Text;
        int index = start;
        while (index < end)
        {
            int found = logicalStarts.BinarySearch(index);
            int piece = found >= 0 ? found : ~found - 1;
            int pieceEnd = piece + 1 < logicalStarts.Count ? logicalStarts[piece + 1] : builder.Length;
            int stop = Math.Min(pieceEnd, end);
            slice.logicalStarts.Add(slice.builder.Length);
            slice.fileStarts.Add(detached[piece] ? fileStarts[piece] : fileStarts[piece] + (index - logicalStarts[piece]));
            slice.detached.Add(detached[piece]);
            slice.builder.Append(all, index, stop - index);
            index = stop;
        }

        slice.endOffset = ToFile(end);
        return slice;
    }

    /// <summary>The file span of logical characters [start, end).</summary>
    public TextSpan ToFile(int start, int end)
    {
        int fileStart = ToFile(start);
        int fileEnd = end > start ? ToFile(end - 1) + 1 : fileStart;
        return new TextSpan(fileStart, Math.Max(fileStart, fileEnd));
    }
}
