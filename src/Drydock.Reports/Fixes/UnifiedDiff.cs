using System.Text;
using DiffPlex;

namespace Drydock.Reports.Fixes;

/// <summary>
/// A unified diff (as `diff -u` and `git diff` print it) of one file, from DiffPlex's line diff,
/// with three lines of context and `\ No newline at end of file` where it applies.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    public static string Render(string path, string oldText, string newText)
    {
        if (string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            return "";
        }

        var diff = Differ.Instance.CreateLineDiffs(oldText, newText, ignoreWhitespace: false, ignoreCase: false);
        // DiffPlex splits "a\n" into "a" and a final empty piece; that piece is the newline, not a line.
        string[] oldLines = Lines(diff.PiecesOld, oldText);
        string[] newLines = Lines(diff.PiecesNew, newText);
        var output = new StringBuilder();
        output.Append(oldText.Length == 0 ? "--- /dev/null" : "--- a/" + path).Append('\n');
        output.Append("+++ b/").Append(path).Append('\n');

        var blocks = diff.DiffBlocks;
        int index = 0;
        while (index < blocks.Count)
        {
            // Merge blocks whose context would touch into one hunk.
            int last = index;
            while (last + 1 < blocks.Count && blocks[last + 1].DeleteStartA - (blocks[last].DeleteStartA + blocks[last].DeleteCountA) <= 2 * Context)
            {
                last++;
            }

            int oldStart = Math.Max(0, blocks[index].DeleteStartA - Context);
            int newStart = Math.Max(0, blocks[index].InsertStartB - Context);
            int oldEnd = Math.Min(oldLines.Length, blocks[last].DeleteStartA + blocks[last].DeleteCountA + Context);
            int newEnd = Math.Min(newLines.Length, blocks[last].InsertStartB + blocks[last].InsertCountB + Context);
            output.Append($"@@ -{HunkRange(oldStart, oldEnd - oldStart)} +{HunkRange(newStart, newEnd - newStart)} @@\n");

            int oldCursor = oldStart;
            for (int b = index; b <= last; b++)
            {
                var block = blocks[b];
                for (; oldCursor < block.DeleteStartA; oldCursor++)
                {
                    Line(output, ' ', oldLines[oldCursor], oldCursor == oldLines.Length - 1 && !oldText.EndsWith('\n'));
                }

                for (int i = 0; i < block.DeleteCountA && block.DeleteStartA + i < oldLines.Length; i++)
                {
                    int line = block.DeleteStartA + i;
                    Line(output, '-', oldLines[line], line == oldLines.Length - 1 && !oldText.EndsWith('\n'));
                }

                for (int i = 0; i < block.InsertCountB && block.InsertStartB + i < newLines.Length; i++)
                {
                    int line = block.InsertStartB + i;
                    Line(output, '+', newLines[line], line == newLines.Length - 1 && !newText.EndsWith('\n'));
                }

                oldCursor = Math.Min(oldLines.Length, block.DeleteStartA + block.DeleteCountA);
            }

            for (; oldCursor < oldEnd; oldCursor++)
            {
                Line(output, ' ', oldLines[oldCursor], oldCursor == oldLines.Length - 1 && !oldText.EndsWith('\n'));
            }

            index = last + 1;
        }

        return output.ToString();
    }

    private static string[] Lines(IReadOnlyList<string> pieces, string text) =>
        text.EndsWith('\n') && pieces.Count > 0 && pieces[^1].Length == 0 ? [.. pieces.Take(pieces.Count - 1)] : [.. pieces];

    private static string HunkRange(int start, int count) => count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";

    private static void Line(StringBuilder output, char marker, string text, bool lastWithoutNewline)
    {
        output.Append(marker).Append(text.TrimEnd('\r')).Append('\n');
        if (lastWithoutNewline)
        {
            output.Append("\\ No newline at end of file\n");
        }
    }
}
