using Drydock.Make.Model;

namespace Drydock.Make.Parsing;

/// <summary>Low-level reading of make text: references, words, comments, continuation lines.</summary>
public static class MakeText
{
    /// <summary>GNU make's built-in functions: <c>$(name args)</c> with one of these names is a call, not a variable.</summary>
    private static readonly HashSet<string> Functions = new(StringComparer.Ordinal)
    {
        "subst", "patsubst", "strip", "findstring", "filter", "filter-out", "sort", "word", "wordlist", "words", "firstword",
        "lastword", "dir", "notdir", "suffix", "basename", "addsuffix", "addprefix", "join", "wildcard", "realpath", "abspath",
        "error", "warning", "info", "shell", "origin", "flavor", "foreach", "if", "or", "and", "call", "eval", "file", "value",
        "let", "intcmp", "guile",
    };

    /// <summary>
    /// The end (exclusive) of the reference starting with '$' at <paramref name="dollar"/>: after the matching paren or
    /// brace (counting nested pairs of the same kind, as make does), else after the one character. An unclosed paren
    /// runs to <paramref name="end"/>.
    /// </summary>
    public static int ReferenceEnd(string text, int dollar, int end)
    {
        if (dollar + 1 >= end)
        {
            return end;
        }

        char open = text[dollar + 1];
        if (open is not ('(' or '{'))
        {
            return dollar + 2;
        }

        char close = open == '(' ? ')' : '}';
        int depth = 0;
        for (int i = dollar + 1; i < end; i++)
        {
            if (text[i] == open)
            {
                depth++;
            }
            else if (text[i] == close && --depth == 0)
            {
                return i + 1;
            }
        }

        return end;
    }

    /// <summary>Every top-level reference in <c>text[start..end)</c>, in order (nested ones are inside the outer's body).</summary>
    public static IReadOnlyList<MakeReference> References(string text, int start, int end)
    {
        var found = new List<MakeReference>();
        int i = start;
        while (i < end)
        {
            if (text[i] != '$' || i + 1 >= end)
            {
                i++;
                continue;
            }

            int stop = ReferenceEnd(text, i, end);
            char next = text[i + 1];
            if (next == '$')
            {
                found.Add(new MakeReference(MakeReferenceKind.Escape, "$", new MakeSpan(i, stop), "$"));
            }
            else if (next is '(' or '{')
            {
                bool closed = stop - i >= 3 && text[stop - 1] == (next == '(' ? ')' : '}');
                string body = text[(i + 2)..(closed ? stop - 1 : stop)];
                int blank = body.AsSpan().IndexOfAny(' ', '\t');
                string head = blank < 0 ? body : body[..blank];
                if (blank > 0 && Functions.Contains(head))
                {
                    found.Add(new MakeReference(MakeReferenceKind.Function, head, new MakeSpan(i, stop), body[(blank + 1)..]));
                }
                else
                {
                    int colon = body.IndexOf(':', StringComparison.Ordinal);
                    string name = colon > 0 && !body[..colon].Contains('$', StringComparison.Ordinal) ? body[..colon] : body;
                    found.Add(new MakeReference(MakeReferenceKind.Variable, name, new MakeSpan(i, stop), body));
                }
            }
            else
            {
                found.Add(new MakeReference(MakeReferenceKind.SingleCharacter, next.ToString(), new MakeSpan(i, stop), next.ToString()));
            }

            i = stop;
        }

        return found;
    }

    /// <summary>True when the character at <paramref name="index"/> is preceded by an odd number of backslashes.</summary>
    public static bool IsEscaped(string text, int index, int start = 0)
    {
        int count = 0;
        for (int i = index - 1; i >= start && text[i] == '\\'; i--)
        {
            count++;
        }

        return count % 2 == 1;
    }

    /// <summary>True when the physical line ending at <paramref name="lineEnd"/> (before '\r'/'\n') continues on the next one.</summary>
    public static bool EndsWithContinuation(string text, int lineStart, int lineEnd) =>
        lineEnd > lineStart && text[lineEnd - 1] == '\\' && !IsEscaped(text, lineEnd - 1, lineStart);

    /// <summary>
    /// The offset of the first character in <c>[start, end)</c> that is one of <paramref name="stops"/>, outside
    /// references and not escaped; -1 when there is none.
    /// </summary>
    public static int IndexOfUnreferenced(string text, int start, int end, string stops)
    {
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (c == '$')
            {
                i = ReferenceEnd(text, i, end);
                continue;
            }

            if (stops.Contains(c, StringComparison.Ordinal) && !IsEscaped(text, i, start))
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    /// <summary>
    /// Splits <c>[start, end)</c> into words at blanks and backslash-newlines, keeping references whole
    /// (<c>$(wildcard *.c)</c> is one word even with its blank).
    /// </summary>
    public static List<MakeWord> Words(string text, int start, int end)
    {
        var words = new List<MakeWord>();
        int i = start;
        while (i < end)
        {
            if (IsBlank(text, i, end))
            {
                i++;
                continue;
            }

            int wordStart = i;
            while (i < end && !IsBlank(text, i, end))
            {
                i = text[i] == '$' ? ReferenceEnd(text, i, end) : i + 1;
            }

            words.Add(new MakeWord(text[wordStart..i], new MakeSpan(wordStart, i)));
        }

        return words;
    }

    /// <summary>Blank for make's word splitting: space, tab, the line break, and a backslash that ends a physical line.</summary>
    public static bool IsBlank(string text, int i, int end)
    {
        char c = text[i];
        if (c is ' ' or '\t' or '\n' or '\r')
        {
            return true;
        }

        return c == '\\' && i + 1 < end && (text[i + 1] == '\n' || (text[i + 1] == '\r' && i + 2 < end && text[i + 2] == '\n'));
    }

    /// <summary><c>[start, end)</c> with blanks trimmed at both ends.</summary>
    public static MakeSpan Trim(string text, int start, int end)
    {
        while (start < end && IsBlank(text, start, end))
        {
            start++;
        }

        while (end > start && (text[end - 1] is ' ' or '\t' or '\n' or '\r' || (text[end - 1] == '\\' && end == start + 1)))
        {
            end--;
        }

        return new MakeSpan(start, end);
    }

    /// <summary>Text with each backslash-newline (and the blanks around it) collapsed to one space, as make reads non-recipe lines.</summary>
    public static string Collapse(string text, int start, int end)
    {
        var builder = new System.Text.StringBuilder(end - start);
        int i = start;
        while (i < end)
        {
            if (text[i] == '\\' && IsBlank(text, i, end))
            {
                while (builder.Length > 0 && builder[^1] is ' ' or '\t')
                {
                    builder.Length--;
                }

                builder.Append(' ');
                i++;
                while (i < end && text[i] is ' ' or '\t' or '\r' or '\n')
                {
                    i++;
                }

                continue;
            }

            builder.Append(text[i]);
            i++;
        }

        return builder.ToString();
    }
}
