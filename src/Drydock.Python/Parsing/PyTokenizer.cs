namespace Drydock.Python.Parsing;

/// <summary>The tokens of a file and the reasons it would not compile.</summary>
public sealed record PyTokenStream(IReadOnlyList<PyToken> Tokens, IReadOnlyList<PyProblem> Problems, string? EncodingDeclaration);

/// <summary>
/// Python 3.12's lexical rules (docs.python.org "Lexical analysis", PEP 701 for f-strings): an indentation
/// stack with INDENT/DEDENT and the inconsistent-dedent and tab/space errors, every string prefix, triple quotes,
/// f-strings tokenized into start/middle/end around nested expressions, explicit and implicit line joining,
/// comments, numbers. Never throws on any input; every oddity becomes a <see cref="PyProblem"/>.
/// </summary>
public sealed partial class PyTokenizer
{
    private enum ModeKind : byte { Literal, Expression, FormatSpec }

    private readonly record struct FMode(ModeKind Kind, char Quote, bool Triple, bool Raw, int Depth, int Start);

    private readonly string text;
    private readonly List<PyToken> tokens;
    private readonly List<PyProblem> problems = [];
    private readonly List<(int Column, int AltColumn)> indents = [(0, 0)];
    private readonly List<(char Open, int Offset)> brackets = [];
    private readonly List<FMode> modes = [];
    private int pos;
    private bool atLineStart = true;
    private bool lineHasTokens;

    private PyTokenizer(string text)
    {
        this.text = text;
        tokens = new List<PyToken>(Math.Max(16, text.Length / 4));
    }

    public static PyTokenStream Tokenize(string text)
    {
        var tokenizer = new PyTokenizer(text);
        tokenizer.Run();
        return new PyTokenStream(tokenizer.tokens, tokenizer.problems, EncodingOf(text));
    }

    /// <summary>PEP 263: a <c>coding[:=]name</c> comment on line 1 or 2.</summary>
    public static string? EncodingOf(string text)
    {
        int lineStart = 0;
        for (int line = 0; line < 2 && lineStart < text.Length; line++)
        {
            int end = text.IndexOf('\n', lineStart);
            if (end < 0) { end = text.Length; }
            var content = text.AsSpan(lineStart, end - lineStart).Trim();
            if (content.StartsWith("#"))
            {
                int at = content.IndexOf("coding", StringComparison.Ordinal);
                if (at >= 0 && at + 6 < content.Length && content[at + 6] is ':' or '=')
                {
                    var rest = content[(at + 7)..].TrimStart();
                    int length = 0;
                    while (length < rest.Length && (char.IsLetterOrDigit(rest[length]) || rest[length] is '-' or '_' or '.')) { length++; }
                    return length > 0 ? rest[..length].ToString() : null;
                }
            }
            else if (!content.IsEmpty)
            {
                return null;
            }

            lineStart = end + 1;
        }

        return null;
    }

    private void Run()
    {
        while (pos < text.Length)
        {
            if (modes.Count > 0 && modes[^1].Kind != ModeKind.Expression)
            {
                ScanFStringLiteral();
                continue;
            }

            if (atLineStart && brackets.Count == 0)
            {
                atLineStart = false;
                if (!HandleIndentation())
                {
                    continue;
                }
            }

            ScanToken();
        }

        Finish();
    }

    /// <summary>Measures the indentation of a new logical line; false when the line is blank or a comment.</summary>
    private bool HandleIndentation()
    {
        int column = 0, altColumn = 0, start = pos;
        while (pos < text.Length)
        {
            char c = text[pos];
            if (c == ' ') { column++; altColumn++; }
            else if (c == '\t') { column = ((column / 8) + 1) * 8; altColumn++; }
            else if (c == '\f') { column = altColumn = 0; }
            else { break; }
            pos++;
        }

        if (pos >= text.Length || text[pos] is '#' or '\n' or '\r' || (text[pos] == '\\' && IsLineBreakAt(pos + 1)))
        {
            return true;
        }

        var (current, currentAlt) = indents[^1];
        if (column > current)
        {
            if (altColumn <= currentAlt) { TabError(start); }
            indents.Add((column, altColumn));
            tokens.Add(new PyToken(PyTokenKind.Indent, start, pos));
        }
        else if (column < current)
        {
            while (indents.Count > 1 && column < indents[^1].Column)
            {
                indents.RemoveAt(indents.Count - 1);
                tokens.Add(new PyToken(PyTokenKind.Dedent, pos, pos));
            }

            if (column != indents[^1].Column)
            {
                problems.Add(new PyProblem(PyProblemKind.IndentationError, start, pos, "unindent does not match any outer indentation level"));
                indents.Add((column, altColumn));
            }
            else if (altColumn != indents[^1].AltColumn)
            {
                TabError(start);
            }
        }
        else if (altColumn != currentAlt)
        {
            TabError(start);
        }

        return true;
    }

    private void TabError(int start) =>
        problems.Add(new PyProblem(PyProblemKind.TabError, start, pos, "inconsistent use of tabs and spaces in indentation"));

    private bool IsLineBreakAt(int at) => at >= text.Length || text[at] is '\n' or '\r';

    private void ScanToken()
    {
        if (pos >= text.Length) { return; }
        char c = text[pos];
        if (c is ' ' or '\t' or '\f')
        {
            pos++;
            return;
        }

        if (c is '\n' or '\r')
        {
            int start = pos;
            pos += c == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n' ? 2 : 1;
            bool logical = brackets.Count == 0 && lineHasTokens && modes.Count == 0;
            tokens.Add(new PyToken(logical ? PyTokenKind.Newline : PyTokenKind.NonLogicalNewline, start, pos));
            if (brackets.Count == 0 && modes.Count == 0)
            {
                lineHasTokens = false;
                atLineStart = true;
            }

            return;
        }

        if (c == '#')
        {
            int start = pos;
            while (pos < text.Length && text[pos] is not ('\n' or '\r')) { pos++; }
            tokens.Add(new PyToken(PyTokenKind.Comment, start, pos));
            return;
        }

        if (c == '\\')
        {
            if (pos + 1 < text.Length && text[pos + 1] is '\n' or '\r')
            {
                pos += text[pos + 1] == '\r' && pos + 2 < text.Length && text[pos + 2] == '\n' ? 3 : 2;
                if (pos >= text.Length)
                {
                    problems.Add(new PyProblem(PyProblemKind.SyntaxError, pos - 1, pos, "unexpected EOF while parsing (line continuation at end of file)"));
                }

                return;
            }

            problems.Add(new PyProblem(PyProblemKind.SyntaxError, pos, pos + 1, "unexpected character after line continuation character"));
            tokens.Add(new PyToken(PyTokenKind.Error, pos, pos + 1));
            pos++;
            lineHasTokens = true;
            return;
        }

        lineHasTokens = true;
        if (IsIdentifierStart(c))
        {
            int start = pos;
            while (pos < text.Length && IsIdentifierPart(text[pos])) { pos++; }
            if (pos < text.Length && text[pos] is '"' or '\'' && pos - start <= 2)
            {
                var prefix = text.AsSpan(start, pos - start);
                if (IsStringPrefix(prefix, out bool raw, out bool formatted))
                {
                    if (formatted) { StartFString(start, raw); } else { ScanString(start); }
                    return;
                }

                if (prefix.Equals("ur", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new PyProblem(PyProblemKind.Python2, start, pos, "the 'ur' string prefix is Python 2 only"));
                }
            }

            tokens.Add(new PyToken(PyTokenKind.Name, start, pos));
            return;
        }

        if (char.IsAsciiDigit(c) || (c == '.' && pos + 1 < text.Length && char.IsAsciiDigit(text[pos + 1])))
        {
            ScanNumber();
            return;
        }

        if (c is '"' or '\'')
        {
            ScanString(pos);
            return;
        }

        ScanOperator();
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || (c >= 0x80 && (char.IsLetter(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.LetterNumber));

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || (c >= 0x80 && (char.IsLetterOrDigit(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.ConnectorPunctuation or System.Globalization.UnicodeCategory.LetterNumber));

    /// <summary>Python 3's prefixes: r, u, b, br, rb, f, fr, rf in any case.</summary>
    public static bool IsStringPrefix(ReadOnlySpan<char> prefix, out bool raw, out bool formatted)
    {
        raw = formatted = false;
        bool bytes = false, unicode = false;
        foreach (char c in prefix)
        {
            switch (char.ToLowerInvariant(c))
            {
                case 'r' when !raw: raw = true; break;
                case 'b' when !bytes: bytes = true; break;
                case 'u' when !unicode: unicode = true; break;
                case 'f' when !formatted: formatted = true; break;
                default: return false;
            }
        }

        return !(unicode && (raw || bytes || formatted)) && !(bytes && formatted);
    }

    private void ScanNumber()
    {
        int start = pos;
        char c = text[pos];
        if (c == '0' && pos + 1 < text.Length && char.ToLowerInvariant(text[pos + 1]) is 'x' or 'o' or 'b')
        {
            pos += 2;
            while (pos < text.Length && (char.IsAsciiHexDigit(text[pos]) || text[pos] == '_')) { pos++; }
        }
        else
        {
            while (pos < text.Length && (char.IsAsciiDigit(text[pos]) || text[pos] == '_')) { pos++; }
            bool isInteger = true;
            if (pos < text.Length && text[pos] == '.')
            {
                isInteger = false;
                pos++;
                while (pos < text.Length && (char.IsAsciiDigit(text[pos]) || text[pos] == '_')) { pos++; }
            }

            if (pos < text.Length && text[pos] is 'e' or 'E')
            {
                int save = pos++;
                if (pos < text.Length && text[pos] is '+' or '-') { pos++; }
                if (pos < text.Length && char.IsAsciiDigit(text[pos]))
                {
                    isInteger = false;
                    while (pos < text.Length && (char.IsAsciiDigit(text[pos]) || text[pos] == '_')) { pos++; }
                }
                else
                {
                    pos = save;
                }
            }

            if (pos < text.Length && text[pos] is 'j' or 'J')
            {
                isInteger = false;
                pos++;
            }

            var digits = text.AsSpan(start, pos - start);
            if (isInteger && digits.Length > 1 && digits[0] == '0' && digits.ContainsAnyExcept('0', '_'))
            {
                problems.Add(new PyProblem(PyProblemKind.Python2, start, pos, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"));
            }
        }

        if (pos < text.Length && text[pos] == 'L' && pos > start && char.IsAsciiDigit(text[pos - 1]))
        {
            problems.Add(new PyProblem(PyProblemKind.Python2, start, pos + 1, "the 'L' suffix of long integers is Python 2 only"));
            pos++;
        }

        tokens.Add(new PyToken(PyTokenKind.Number, start, pos));
    }

    private void ScanString(int start)
    {
        char quote = text[pos];
        bool triple = pos + 2 < text.Length && text[pos + 1] == quote && text[pos + 2] == quote;
        pos += triple ? 3 : 1;
        while (pos < text.Length)
        {
            char c = text[pos];
            if (c == '\\')
            {
                pos += pos + 2 < text.Length && text[pos + 1] == '\r' && text[pos + 2] == '\n' ? 3 : 2;
                continue;
            }

            if (c == quote && (!triple || (pos + 2 < text.Length && text[pos + 1] == quote && text[pos + 2] == quote)))
            {
                pos += triple ? 3 : 1;
                tokens.Add(new PyToken(PyTokenKind.String, start, pos));
                return;
            }

            if (!triple && c is '\n' or '\r')
            {
                break;
            }

            pos++;
        }

        pos = Math.Min(pos, text.Length);
        problems.Add(new PyProblem(PyProblemKind.SyntaxError, start, pos, triple ? "unterminated triple-quoted string literal" : "unterminated string literal"));
        tokens.Add(new PyToken(PyTokenKind.Error, start, pos));
    }

    private static readonly string[] ThreeCharOperators = ["**=", "//=", ">>=", "<<=", "...", "!=", "->"];
    private static readonly string[] TwoCharOperators = ["**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "<>"];

    private void ScanOperator()
    {
        int start = pos;
        char c = text[pos];
        foreach (string op in ThreeCharOperators)
        {
            if (op.Length == 3 && string.CompareOrdinal(text, pos, op, 0, 3) == 0)
            {
                pos += 3;
                tokens.Add(new PyToken(PyTokenKind.Operator, start, pos));
                return;
            }
        }

        if (pos + 1 < text.Length)
        {
            foreach (string op in TwoCharOperators)
            {
                if (text[pos] == op[0] && text[pos + 1] == op[1])
                {
                    if (op == "<>")
                    {
                        problems.Add(new PyProblem(PyProblemKind.Python2, pos, pos + 2, "the '<>' operator is Python 2 only; use '!='"));
                    }

                    pos += 2;
                    tokens.Add(new PyToken(PyTokenKind.Operator, start, pos));
                    return;
                }
            }
        }

        pos++;
        switch (c)
        {
            case '(' or '[' or '{':
                brackets.Add((c, start));
                break;
            case ')' or ']' or '}':
                CloseBracket(c, start);
                return;
            case ':' when modes.Count > 0 && modes[^1].Kind == ModeKind.Expression && brackets.Count == modes[^1].Depth:
                tokens.Add(new PyToken(PyTokenKind.Operator, start, pos));
                var owner = OwningFString();
                modes.Add(new FMode(ModeKind.FormatSpec, owner.Quote, owner.Triple, owner.Raw, brackets.Count, pos));
                return;
            case '`':
                problems.Add(new PyProblem(PyProblemKind.Python2, start, pos, "backquotes are Python 2 only; use repr()"));
                break;
            case '+' or '-' or '*' or '/' or '%' or '@' or '&' or '|' or '^' or '~' or '<' or '>' or '=' or '.' or ',' or ':' or ';' or '!':
                break;
            default:
                problems.Add(new PyProblem(PyProblemKind.SyntaxError, start, pos, $"invalid character '{c}' (U+{(int)c:X4})"));
                tokens.Add(new PyToken(PyTokenKind.Error, start, pos));
                return;
        }

        tokens.Add(new PyToken(PyTokenKind.Operator, start, pos));
    }

    private void CloseBracket(char close, int start)
    {
        char expected = close switch { ')' => '(', ']' => '[', _ => '{' };
        if (brackets.Count == 0 || (modes.Count > 0 && modes[^1].Kind == ModeKind.Expression && brackets.Count < modes[^1].Depth))
        {
            problems.Add(new PyProblem(PyProblemKind.SyntaxError, start, pos, $"unmatched '{close}'"));
            tokens.Add(new PyToken(PyTokenKind.Operator, start, pos));
            return;
        }

        var (open, _) = brackets[^1];
        if (open != expected)
        {
            problems.Add(new PyProblem(PyProblemKind.SyntaxError, start, pos, $"closing parenthesis '{close}' does not match opening parenthesis '{open}'"));
        }

        brackets.RemoveAt(brackets.Count - 1);
        tokens.Add(new PyToken(PyTokenKind.Operator, start, pos));
        if (close == '}' && modes.Count > 0 && modes[^1].Kind == ModeKind.Expression && brackets.Count == modes[^1].Depth - 1)
        {
            modes.RemoveAt(modes.Count - 1);
        }
    }

    private void Finish()
    {
        foreach (var (open, offset) in brackets)
        {
            problems.Add(new PyProblem(PyProblemKind.SyntaxError, offset, offset + 1, $"'{open}' was never closed"));
            break;
        }

        if (lineHasTokens)
        {
            tokens.Add(new PyToken(PyTokenKind.Newline, text.Length, text.Length));
        }

        for (int i = 1; i < indents.Count; i++)
        {
            tokens.Add(new PyToken(PyTokenKind.Dedent, text.Length, text.Length));
        }

        tokens.Add(new PyToken(PyTokenKind.EndMarker, text.Length, text.Length));
    }
}
