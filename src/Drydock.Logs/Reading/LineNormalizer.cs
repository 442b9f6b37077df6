namespace Drydock.Logs.Reading;

/// <summary>
/// Turns a raw log line into the text a person saw: no GitHub timestamp prefix, no ANSI escape sequences
/// (with or without their ESC byte, as some CI systems strip the ESC and keep the rest), no trailing '\r',
/// and of a line redrawn with carriage returns (progress bars) only its last drawing.
/// Works in a caller-owned buffer; nothing is allocated per line.
/// </summary>
public static class LineNormalizer
{
    private const char Escape = '\u001b';

    /// <summary>Length of a GitHub Actions timestamp prefix ("2024-01-15T10:23:45.1234567Z ") at the start, or 0.</summary>
    public static int TimestampPrefixLength(ReadOnlySpan<char> line)
    {
        // yyyy-mm-ddThh:mm:ss[.fffffff]Z followed by one space
        if (line.Length < 21 || line[4] != '-' || line[7] != '-' || line[10] != 'T' || line[13] != ':' || line[16] != ':'
            || !char.IsAsciiDigit(line[0]) || !char.IsAsciiDigit(line[18]))
        {
            return 0;
        }

        int index = 19;
        if (index < line.Length && line[index] == '.')
        {
            index++;
            while (index < line.Length && char.IsAsciiDigit(line[index]))
            {
                index++;
            }
        }

        if (index < line.Length && line[index] == 'Z')
        {
            index++;
            if (index == line.Length)
            {
                return index;
            }

            if (line[index] == ' ')
            {
                return index + 1;
            }
        }

        return 0;
    }

    /// <summary>The day of a GitHub Actions timestamp prefix, or null when the line has none.</summary>
    public static DateOnly? TimestampDate(ReadOnlySpan<char> line) =>
        TimestampPrefixLength(line) > 0
        && DateOnly.TryParseExact(line[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : null;

    /// <summary>Copies <paramref name="line"/> without its timestamp prefix and escape sequences into <paramref name="buffer"/>; '\r' is kept.</summary>
    public static int StripDecorations(ReadOnlySpan<char> line, Span<char> buffer)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }

        line = line[TimestampPrefixLength(line)..];
        if (line.IndexOfAny(Escape, '[') < 0)
        {
            line.CopyTo(buffer);
            return line.Length;
        }

        int written = 0;
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (c == Escape)
            {
                i = SkipEscape(line, i);
                continue;
            }

            if (c == '[' && BareSgrLength(line[i..]) is > 0 and var length)
            {
                i += length;
                continue;
            }

            buffer[written++] = c;
            i++;
        }

        return written;
    }

    /// <summary>Of a line redrawn with '\r', the last drawing that is not empty.</summary>
    public static ReadOnlySpan<char> LastDrawing(ReadOnlySpan<char> line)
    {
        int cr = line.LastIndexOf('\r');
        while (cr >= 0)
        {
            var tail = line[(cr + 1)..];
            if (!tail.IsWhiteSpace())
            {
                return tail;
            }

            line = line[..cr];
            cr = line.LastIndexOf('\r');
        }

        return line;
    }

    private static int SkipEscape(ReadOnlySpan<char> line, int i)
    {
        i++;
        if (i >= line.Length)
        {
            return i;
        }

        char kind = line[i];
        if (kind == '[')
        {
            // CSI: parameters and intermediates, then one final byte in @..~
            i++;
            while (i < line.Length && line[i] is >= '0' and <= '?' or >= ' ' and <= '/')
            {
                i++;
            }

            return Math.Min(line.Length, i + 1);
        }

        if (kind == ']')
        {
            // OSC: up to BEL or ESC \
            int bel = line[i..].IndexOfAny('\u0007', Escape);
            if (bel < 0)
            {
                return line.Length;
            }

            i += bel;
            return line[i] == Escape ? Math.Min(line.Length, i + 2) : i + 1;
        }

        return i + 1;
    }

    /// <summary>"[31m", "[0;1m", "[0K": an SGR or erase sequence whose ESC was stripped by the CI system.</summary>
    private static int BareSgrLength(ReadOnlySpan<char> text)
    {
        int i = 1;
        while (i < text.Length && i < 16 && (char.IsAsciiDigit(text[i]) || text[i] == ';'))
        {
            i++;
        }

        if (i == 1 || i >= text.Length || !char.IsAsciiDigit(text[1]))
        {
            return 0;
        }

        return text[i] is 'm' or 'K' ? i + 1 : 0;
    }
}
