namespace Drydock.Reports.Markdown;

/// <summary>Escaping for Markdown tables and fenced blocks.</summary>
public static class MarkdownText
{
    public static string Cell(string? text) =>
        Redacted.Text(text).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>A fence longer than any backtick run in the text, so evidence cannot break out of it.</summary>
    public static string Fence(string text)
    {
        int longest = 0, run = 0;
        foreach (char c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return new string('`', Math.Max(3, longest + 1));
    }

    public static void CodeBlock(TextWriter output, string text, string language = "")
    {
        text = Redacted.Text(text);
        string fence = Fence(text);
        output.Write($"{fence}{language}\n{text.TrimEnd('\n')}\n{fence}\n");
    }
}
