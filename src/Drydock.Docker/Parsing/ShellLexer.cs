using System.Text;
using Drydock.Docker.Model;

namespace Drydock.Docker.Parsing;

internal enum ShellTokenKind
{
    Word,
    Operator,
    Redirect,
    Newline,
    End,
}

internal sealed record ShellToken(ShellTokenKind Kind, string Text, int Start, int End, ShellWord? Word = null, int? FileDescriptor = null)
{
    public bool IsOperator(string op) => Kind == ShellTokenKind.Operator && Text == op;

    public bool IsKeyword(string keyword) => Kind == ShellTokenKind.Word && Word is { IsQuoted: false } && Text == keyword;
}

/// <summary>
/// Splits POSIX shell text into words and operators, keeping each token's place in the Dockerfile.
/// Never throws: an unterminated quote or substitution runs to the end of the text and is reported.
/// </summary>
internal sealed class ShellLexer
{
    private const string Metacharacters = " \t\n;&|()<>";
    private static readonly string[] ControlOperators = ["&&", "||", ";;&", ";;", ";&", "|&", ";", "&", "|", "(", ")"];
    private static readonly string[] RedirectOperators = ["<<<", "<<-", "<<", ">>", "<&", ">&", "<>", ">|", "&>", "<", ">"];
    private readonly SourceMap map;
    private readonly string text;
    private readonly int end;
    private readonly List<ShellProblem> problems;
    private readonly List<(string Delimiter, bool StripTabs)> pendingHeredocs = [];
    private int position;

    public ShellLexer(SourceMap map, int start, int end, int depth, List<ShellProblem> problems)
    {
        this.map = map;
        text = map.Text;
        position = start;
        this.end = Math.Min(end, text.Length);
        Depth = depth;
        this.problems = problems;
    }

    /// <summary>Nesting level of the text being lexed, so that substitutions inside deep nesting stay bounded.</summary>
    public int Depth { get; set; }

    public void ExpectHeredoc(string delimiter, bool stripTabs) => pendingHeredocs.Add((delimiter, stripTabs));

    public ShellToken Next()
    {
        SkipBlanksAndComments();
        if (position >= end)
        {
            return new ShellToken(ShellTokenKind.End, "", end, end);
        }

        int start = position;
        char c = text[position];
        if (c == '\n')
        {
            position++;
            SkipHeredocBodies();
            return new ShellToken(ShellTokenKind.Newline, "\n", start, start + 1);
        }

        if (TryRedirect(out var redirect))
        {
            return redirect;
        }

        foreach (string op in ControlOperators)
        {
            if (string.CompareOrdinal(text, position, op, 0, op.Length) == 0 && position + op.Length <= end)
            {
                position += op.Length;
                return new ShellToken(ShellTokenKind.Operator, op, start, position);
            }
        }

        var word = LexWord();
        return new ShellToken(ShellTokenKind.Word, word.Value, start, position, word);
    }

    private void SkipBlanksAndComments()
    {
        while (position < end)
        {
            char c = text[position];
            if (c is ' ' or '\t' or '\r')
            {
                position++;
            }
            else if (c == '\\' && position + 1 < end && text[position + 1] == '\n')
            {
                position += 2;
            }
            else if (c == '#')
            {
                while (position < end && text[position] != '\n')
                {
                    position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private void SkipHeredocBodies()
    {
        foreach (var (delimiter, stripTabs) in pendingHeredocs)
        {
            bool closed = false;
            while (position < end)
            {
                int lineEnd = text.IndexOf('\n', position, end - position);
                int stop = lineEnd < 0 ? end : lineEnd;
                string line = text[position..stop].TrimEnd('\r');
                position = lineEnd < 0 ? end : lineEnd + 1;
                if ((stripTabs ? line.TrimStart('\t') : line) == delimiter)
                {
                    closed = true;
                    break;
                }
            }

            if (!closed)
            {
                problems.Add(new ShellProblem($"here-document '{delimiter}' is not terminated", map.ToFile(end, end)));
            }
        }

        pendingHeredocs.Clear();
    }

    private bool TryRedirect(out ShellToken token)
    {
        token = null!;
        int start = position;
        int index = position;
        while (index < end && char.IsAsciiDigit(text[index]))
        {
            index++;
        }

        if (index >= end || (text[index] != '<' && text[index] != '>'))
        {
            return false;
        }

        int? fd = index > start && int.TryParse(text.AsSpan(start, index - start), out int number) ? number : null;
        foreach (string op in RedirectOperators)
        {
            if (string.CompareOrdinal(text, index, op, 0, op.Length) == 0 && index + op.Length <= end)
            {
                position = index + op.Length;
                token = new ShellToken(ShellTokenKind.Redirect, op, start, position, FileDescriptor: fd);
                return true;
            }
        }

        return false;
    }

    private ShellWord LexWord()
    {
        int start = position;
        var value = new StringBuilder();
        var variables = new List<string>();
        var substitutions = new List<ShellScript>();
        bool quoted = false, expansion = false;
        while (position < end && Metacharacters.IndexOf(text[position]) < 0)
        {
            char c = text[position];
            switch (c)
            {
                case '\\':
                    if (position + 1 < end)
                    {
                        if (text[position + 1] != '\n')
                        {
                            value.Append(text[position + 1]);
                            quoted = true;
                        }

                        position += 2;
                    }
                    else
                    {
                        value.Append(c);
                        position++;
                    }

                    break;
                case '\'':
                    quoted = true;
                    position++;
                    int close = text.IndexOf('\'', position, end - position);
                    if (close < 0)
                    {
                        problems.Add(new ShellProblem("unterminated single quote", map.ToFile(position - 1, end)));
                        close = end;
                    }

                    value.Append(text, position, close - position);
                    position = Math.Min(end, close + 1);
                    break;
                case '"':
                    quoted = true;
                    LexDoubleQuoted(value, variables, substitutions, ref expansion);
                    break;
                case '$':
                case '`':
                    LexExpansion(value, variables, substitutions, ref expansion);
                    break;
                default:
                    value.Append(c);
                    position++;
                    break;
            }
        }

        if (position == start)
        {
            // A stray character that is neither word nor operator: take it alone so the parser moves on.
            value.Append(text[position]);
            position++;
        }

        return new ShellWord
        {
            Span = map.ToFile(start, position),
            Raw = text[start..position],
            Value = value.ToString(),
            IsQuoted = quoted,
            HasExpansion = expansion,
            Variables = variables,
            Substitutions = substitutions,
        };
    }

    private void LexDoubleQuoted(StringBuilder value, List<string> variables, List<ShellScript> substitutions, ref bool expansion)
    {
        int open = position++;
        while (position < end && text[position] != '"')
        {
            char c = text[position];
            if (c == '\\' && position + 1 < end)
            {
                char next = text[position + 1];
                if (next is '$' or '`' or '"' or '\\')
                {
                    value.Append(next);
                }
                else if (next != '\n')
                {
                    value.Append(c).Append(next);
                }

                position += 2;
            }
            else if (c is '$' or '`')
            {
                LexExpansion(value, variables, substitutions, ref expansion);
            }
            else
            {
                value.Append(c);
                position++;
            }
        }

        if (position >= end)
        {
            problems.Add(new ShellProblem("unterminated double quote", map.ToFile(open, end)));
            return;
        }

        position++;
    }

    private void LexExpansion(StringBuilder value, List<string> variables, List<ShellScript> substitutions, ref bool expansion)
    {
        int start = position;
        if (text[position] == '`')
        {
            int close = position + 1;
            while (close < end && text[close] != '`')
            {
                close += text[close] == '\\' ? 2 : 1;
            }

            close = Math.Min(close, end);
            if (close >= end)
            {
                problems.Add(new ShellProblem("unterminated backquote substitution", map.ToFile(start, end)));
            }

            substitutions.Add(ShellParser.ParseRange(map, start + 1, close, Depth + 1, problems));
            position = Math.Min(end, close + 1);
            expansion = true;
            value.Append(text, start, position - start);
            return;
        }

        // text[position] == '$'
        if (position + 1 >= end)
        {
            value.Append('$');
            position++;
            return;
        }

        char next = text[position + 1];
        if (next == '(')
        {
            bool arithmetic = position + 2 < end && text[position + 2] == '(';
            int close = MatchingClose(position + 1, '(', ')');
            if (close < 0)
            {
                problems.Add(new ShellProblem(arithmetic ? "unterminated arithmetic expansion" : "unterminated command substitution", map.ToFile(start, end)));
                close = end;
            }

            if (!arithmetic)
            {
                substitutions.Add(ShellParser.ParseRange(map, position + 2, close, Depth + 1, problems));
            }
            else
            {
                CollectVariableNames(position + 3, close, variables, bare: true);
            }

            position = Math.Min(end, close + 1);
            expansion = true;
        }
        else if (next == '{')
        {
            int close = MatchingClose(position + 1, '{', '}');
            if (close < 0)
            {
                problems.Add(new ShellProblem("unterminated ${...} expansion", map.ToFile(start, end)));
                close = end;
            }

            CollectVariableNames(position + 2, close, variables, bare: false, first: true);
            position = Math.Min(end, close + 1);
            expansion = true;
        }
        else if (next == '\'')
        {
            // $'...' ANSI-C quoting: a literal.
            int close = text.IndexOf('\'', position + 2, end - position - 2);
            close = close < 0 ? end : close;
            value.Append(text, position + 2, close - position - 2);
            position = Math.Min(end, close + 1);
            return;
        }
        else if (char.IsAsciiLetter(next) || next == '_')
        {
            int nameEnd = position + 1;
            while (nameEnd < end && (char.IsAsciiLetterOrDigit(text[nameEnd]) || text[nameEnd] == '_'))
            {
                nameEnd++;
            }

            variables.Add(text[(position + 1)..nameEnd]);
            position = nameEnd;
            expansion = true;
        }
        else if (char.IsAsciiDigit(next) || "@*#?$!-".Contains(next, StringComparison.Ordinal))
        {
            position += 2;
            expansion = true;
        }
        else
        {
            value.Append('$');
            position++;
            return;
        }

        value.Append(text, start, position - start);
    }

    /// <summary>Index of the bracket closing the one at <paramref name="open"/>, skipping quotes; -1 when there is none.</summary>
    private int MatchingClose(int open, char opening, char closing)
    {
        int level = 0;
        for (int index = open; index < end; index++)
        {
            char c = text[index];
            if (c == '\\')
            {
                index++;
            }
            else if (c == '\'' && opening == '(')
            {
                int close = text.IndexOf('\'', index + 1, end - index - 1);
                if (close < 0)
                {
                    return -1;
                }

                index = close;
            }
            else if (c == opening)
            {
                level++;
            }
            else if (c == closing && --level == 0)
            {
                return index;
            }
        }

        return -1;
    }

    private void CollectVariableNames(int start, int stop, List<string> variables, bool bare, bool first = false)
    {
        int index = start;
        while (index < stop)
        {
            bool named = first || (text[index] == '$' && index + 1 < stop) || bare;
            if (text[index] == '$')
            {
                index++;
                if (index < stop && text[index] == '{')
                {
                    index++;
                }
            }
            else if (!first && !bare)
            {
                index++;
                continue;
            }

            int nameStart = index;
            while (index < stop && (char.IsAsciiLetterOrDigit(text[index]) || text[index] == '_'))
            {
                index++;
            }

            if (named && index > nameStart && !char.IsAsciiDigit(text[nameStart]))
            {
                variables.Add(text[nameStart..index]);
            }

            first = false;
            if (index == nameStart)
            {
                index++;
            }
        }
    }
}
