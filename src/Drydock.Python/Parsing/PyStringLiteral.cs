using System.Text;

namespace Drydock.Python.Parsing;

/// <summary>One escape sequence Python does not know (<c>"\d"</c>), or an octal escape above \377.</summary>
public readonly record struct PyInvalidEscape(int Start, int End, string Sequence, bool IsOctalOverflow);

/// <summary>The parts of a string literal token: prefix, quotes and body, with offsets into the file text.</summary>
public readonly record struct PyStringLiteral(int Start, int PrefixLength, int QuoteLength, int ContentStart, int ContentEnd, bool IsRaw, bool IsBytes, bool IsFormatted, bool IsUnicodePrefixed)
{
    public static PyStringLiteral Of(string text, PyToken token)
    {
        int p = token.Start;
        bool raw = false, bytes = false, formatted = false, unicode = false;
        while (p < token.End && text[p] is not ('"' or '\''))
        {
            switch (char.ToLowerInvariant(text[p]))
            {
                case 'r': raw = true; break;
                case 'b': bytes = true; break;
                case 'f': formatted = true; break;
                case 'u': unicode = true; break;
            }

            p++;
        }

        int prefix = p - token.Start;
        int quote = p + 2 < token.End && text[p + 1] == text[p] && text[p + 2] == text[p] && token.Length - prefix >= 6 ? 3 : 1;
        if (token.Kind == PyTokenKind.FStringStart)
        {
            return new PyStringLiteral(token.Start, prefix, token.End - p, token.End, token.End, raw, bytes, true, unicode);
        }

        int contentStart = p + quote;
        int contentEnd = Math.Max(contentStart, token.End - quote);
        return new PyStringLiteral(token.Start, prefix, quote, contentStart, contentEnd, raw, bytes, formatted, unicode);
    }

    /// <summary>The value of a plain (non-f) literal, decoding the common escapes; null for f-strings.</summary>
    public static string? ValueOf(string text, PyToken token)
    {
        if (token.Kind != PyTokenKind.String) { return null; }
        var literal = Of(text, token);
        var body = text.AsSpan(literal.ContentStart, literal.ContentEnd - literal.ContentStart);
        if (literal.IsRaw || !body.Contains('\\')) { return body.ToString(); }
        var builder = new StringBuilder(body.Length);
        for (int k = 0; k < body.Length; k++)
        {
            if (body[k] != '\\' || k + 1 >= body.Length) { builder.Append(body[k]); continue; }
            char next = body[++k];
            builder.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', '\\' => '\\', '\'' => '\'', '"' => '"', '\n' => '\0', _ => '\u0001' });
            if (builder[^1] == '\u0001') { builder.Length--; builder.Append('\\').Append(next); }
            else if (builder[^1] == '\0' && next == '\n') { builder.Length--; }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Escapes Python 3.12 warns about in the body [start, end) of a non-raw literal: anything after a backslash that
    /// is not one of \newline \\ \' \" \a \b \f \n \r \t \v \ooo \xhh, and for str also \N{...} \uXXXX \UXXXXXXXX.
    /// </summary>
    public static List<PyInvalidEscape> InvalidEscapes(string text, int start, int end, bool isBytes, out bool hasValidEscape)
    {
        var found = new List<PyInvalidEscape>();
        hasValidEscape = false;
        for (int k = start; k < end; k++)
        {
            if (text[k] != '\\' || k + 1 >= end) { continue; }
            char c = text[k + 1];
            switch (c)
            {
                case '\n' or '\r' or '\\' or '\'' or '"' or 'a' or 'b' or 'f' or 'n' or 'r' or 't' or 'v' or 'x':
                    hasValidEscape = true;
                    k++;
                    continue;
                case 'N' or 'u' or 'U' when !isBytes:
                    hasValidEscape = true;
                    k++;
                    continue;
                case >= '0' and <= '7':
                    hasValidEscape = true;
                    int digits = 1, value = c - '0';
                    while (digits < 3 && k + 1 + digits < end && text[k + 1 + digits] is >= '0' and <= '7')
                    {
                        value = (value * 8) + (text[k + 1 + digits] - '0');
                        digits++;
                    }

                    if (value > 0xFF) { found.Add(new PyInvalidEscape(k, k + 1 + digits, text.Substring(k, 1 + digits), IsOctalOverflow: true)); }
                    k += digits;
                    continue;
                default:
                    int length = char.IsHighSurrogate(c) && k + 2 < end ? 3 : 2;
                    found.Add(new PyInvalidEscape(k, k + length, text.Substring(k, length), IsOctalOverflow: false));
                    k++;
                    continue;
            }
        }

        return found;
    }
}
