using System.Text;
using Drydock.Docker.Model;

namespace Drydock.Docker.Parsing;

/// <summary>
/// Text assembled from pieces of a file (an instruction's lines with continuations and comment lines removed),
/// with the way back from each character to its offset in the file. Pieces are contiguous in the file, so the map
/// is a short list searched by bisection rather than one entry per character.
/// </summary>
public sealed class SourceMap
{
    // Every instruction keeps its map for the life of the model: one list of pieces, and the text held either
    // by the builder (while pieces are appended) or as a string (once read), not both.
    private readonly List<Piece> pieces = [];
    private StringBuilder? builder;
    private string? text = "";
    private int length;
    private int endOffset;

    /// <summary>A map over one contiguous slice of the file (a heredoc body, a single line).</summary>
    public static SourceMap Contiguous(string fileText, int start, int end)
    {
        var map = new SourceMap();
        map.Append(fileText, start, end);
        return map;
    }

    public string Text
    {
        get
        {
            // Maps are built on one thread, then read by rules on several: the first read turns the builder into
            // the string under a lock.
            if (Volatile.Read(ref text) is { } done)
            {
                return done;
            }

            lock (pieces)
            {
                if (text is null)
                {
                    Volatile.Write(ref text, builder!.ToString());
                    builder = null;
                }

                return text;
            }
        }
    }

    public int Length => length;

    internal void Append(string fileText, int start, int end)
    {
        if (end > start)
        {
            pieces.Add(new Piece(length, start, Detached: false));
            Builder().Append(fileText, start, end - start);
            length += end - start;
        }

        endOffset = end;
    }

    /// <summary>Text that is not a slice of the file (a JSON string with escapes): every character maps to <paramref name="anchor"/>.</summary>
    internal void AppendDetached(string value, int anchor)
    {
        pieces.Add(new Piece(length, anchor, Detached: true));
        Builder().Append(value);
        length += value.Length;
        endOffset = anchor;
    }

    /// <summary>The file offset of the character at <paramref name="index"/> (the end of the last piece past the text).</summary>
    public int ToFile(int index)
    {
        if (pieces.Count == 0)
        {
            return endOffset;
        }

        if (index >= length)
        {
            var last = pieces[^1];
            return index == length && !last.Detached ? last.FileStart + (length - last.LogicalStart) : endOffset;
        }

        var piece = pieces[PieceAt(Math.Max(0, index))];
        return piece.Detached ? piece.FileStart : piece.FileStart + (index - piece.LogicalStart);
    }

    /// <summary>The part of this text between logical indices [start, end), still mapped to the file.</summary>
    public SourceMap Slice(int start, int end)
    {
        var slice = new SourceMap();
        start = Math.Clamp(start, 0, length);
        end = Math.Clamp(end, start, length);
        string all = Text;
        int index = start;
        while (index < end)
        {
            int found = PieceAt(index);
            var piece = pieces[found];
            int pieceEnd = found + 1 < pieces.Count ? pieces[found + 1].LogicalStart : length;
            int stop = Math.Min(pieceEnd, end);
            slice.pieces.Add(new Piece(slice.length, piece.Detached ? piece.FileStart : piece.FileStart + (index - piece.LogicalStart), piece.Detached));
            slice.Builder().Append(all, index, stop - index);
            slice.length += stop - index;
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

    private StringBuilder Builder()
    {
        if (builder is null)
        {
            builder = new StringBuilder(text);
            text = null;
        }

        return builder;
    }

    /// <summary>The last piece starting at or before <paramref name="index"/> (the first piece for an index before all).</summary>
    private int PieceAt(int index)
    {
        int low = 0, high = pieces.Count - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            int logicalStart = pieces[middle].LogicalStart;
            if (logicalStart == index)
            {
                return middle;
            }

            if (logicalStart < index)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low - 1;
    }

    /// <summary>A run of the text: where it starts in the text and in the file; a detached piece maps every character to its anchor.</summary>
    private readonly record struct Piece(int LogicalStart, int FileStart, bool Detached);
}
