using System.Text;
using Drydock.Docker.Model;

namespace Drydock.Docker.Parsing;

/// <summary>Splits instruction arguments into words and removes quotes the way BuildKit does.</summary>
internal static class DockerWords
{
    public static List<DockerWord> Split(SourceMap map, int start, char escape)
    {
        var words = new List<DockerWord>();
        string text = map.Text;
        int index = start;
        while (index < text.Length)
        {
            while (index < text.Length && char.IsWhiteSpace(text[index]))
            {
                index++;
            }

            if (index >= text.Length)
            {
                break;
            }

            int wordStart = index;
            char quote = '\0';
            while (index < text.Length)
            {
                char c = text[index];
                if (quote == '\0' && char.IsWhiteSpace(c))
                {
                    break;
                }

                if (c == escape && quote != '\'' && index + 1 < text.Length)
                {
                    index += 2;
                    continue;
                }

                if (quote == '\0' && c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                index++;
            }

            words.Add(Make(text[wordStart..index], map.ToFile(wordStart, index), escape));
        }

        return words;
    }

    public static DockerWord Make(string raw, TextSpan span, char escape)
    {
        string value = Unquote(raw, escape, out bool quoted, out bool variables);
        return new DockerWord
        {
            Raw = raw,
            Value = value,
            Span = span,
            IsQuoted = quoted,
            HasVariables = variables,
            IsHeredocMarker = HeredocMarker.TryParse(raw, escape, out _),
        };
    }

    public static string Unquote(string raw, char escape, out bool quoted, out bool hasVariables)
    {
        if (raw.AsSpan().IndexOfAny('\'', '"', '$') < 0 && !raw.Contains(escape))
        {
            // Most words have no quote, escape or variable: the value is the word itself.
            quoted = false;
            hasVariables = false;
            return raw;
        }

        var builder = new StringBuilder(raw.Length);
        quoted = false;
        hasVariables = false;
        char quote = '\0';
        for (int index = 0; index < raw.Length; index++)
        {
            char c = raw[index];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    quote = '\0';
                }
                else
                {
                    builder.Append(c);
                }

                continue;
            }

            if (c == escape && index + 1 < raw.Length)
            {
                char next = raw[index + 1];
                if (quote == '"' && next is not ('"' or '$') && next != escape)
                {
                    builder.Append(c);
                }

                builder.Append(next);
                index++;
                continue;
            }

            if (c == '$')
            {
                hasVariables = true;
            }

            if (quote == '\0' && c is '"' or '\'')
            {
                quote = c;
                quoted = true;
                continue;
            }

            if (quote == '"' && c == '"')
            {
                quote = '\0';
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

/// <summary>Recognises a heredoc marker word: <c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c>, <c>&lt;&lt;"EOF"</c>, <c>3&lt;&lt;EOF</c>.</summary>
internal static class HeredocMarker
{
    public static bool TryParse(string word, char escape, out (string Delimiter, bool StripTabs, bool Quoted, int? Fd) marker)
    {
        marker = default;
        int index = 0;
        while (index < word.Length && char.IsAsciiDigit(word[index]))
        {
            index++;
        }

        int? fd = index > 0 && int.TryParse(word.AsSpan(0, index), out int number) ? number : null;
        if (index + 2 > word.Length || word[index] != '<' || word[index + 1] != '<')
        {
            return false;
        }

        index += 2;
        bool strip = index < word.Length && word[index] == '-';
        if (strip)
        {
            index++;
        }

        string rest = word[index..];
        if (rest.Length == 0 || rest.Contains('<'))
        {
            return false;
        }

        string delimiter = DockerWords.Unquote(rest, escape, out bool quoted, out _);
        if (delimiter.Length == 0)
        {
            return false;
        }

        marker = (delimiter, strip, quoted, fd);
        return true;
    }
}
