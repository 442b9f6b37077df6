namespace Drydock.Python.Parsing;

/// <summary>PEP 701 f-strings: literal pieces between replacement fields, format specs, nesting.</summary>
public sealed partial class PyTokenizer
{
    private void StartFString(int start, bool raw)
    {
        char quote = text[pos];
        bool triple = pos + 2 < text.Length && text[pos + 1] == quote && text[pos + 2] == quote;
        pos += triple ? 3 : 1;
        tokens.Add(new PyToken(PyTokenKind.FStringStart, start, pos));
        modes.Add(new FMode(ModeKind.Literal, quote, triple, raw, brackets.Count, start));
    }

    /// <summary>Scans literal text of the innermost f-string (or its format spec) up to a replacement field or the end.</summary>
    private void ScanFStringLiteral()
    {
        var mode = modes[^1];
        var owner = OwningFString();
        int start = pos;
        while (pos < text.Length)
        {
            char c = text[pos];
            if (c == '\\')
            {
                if (pos + 1 < text.Length && text[pos + 1] is '{' or '}') { pos++; continue; }
                if (!owner.Raw && pos + 2 < text.Length && text[pos + 1] == 'N' && text[pos + 2] == '{')
                {
                    int close = text.IndexOf('}', pos + 3);
                    pos = close < 0 ? text.Length : close + 1;
                    continue;
                }

                pos = Math.Min(text.Length, pos + 2);
                continue;
            }

            if (c == '{')
            {
                if (mode.Kind == ModeKind.Literal && pos + 1 < text.Length && text[pos + 1] == '{') { pos += 2; continue; }
                AddMiddle(start);
                tokens.Add(new PyToken(PyTokenKind.Operator, pos, pos + 1));
                brackets.Add(('{', pos));
                modes.Add(new FMode(ModeKind.Expression, owner.Quote, owner.Triple, owner.Raw, brackets.Count, pos));
                pos++;
                return;
            }

            if (c == '}')
            {
                if (mode.Kind == ModeKind.FormatSpec)
                {
                    AddMiddle(start);
                    modes.RemoveAt(modes.Count - 1);
                    return;
                }

                if (pos + 1 < text.Length && text[pos + 1] == '}') { pos += 2; continue; }
                problems.Add(new PyProblem(PyProblemKind.SyntaxError, pos, pos + 1, "f-string: single '}' is not allowed"));
                pos++;
                continue;
            }

            if (c == owner.Quote && (!owner.Triple || (pos + 2 < text.Length && text[pos + 1] == c && text[pos + 2] == c)))
            {
                AddMiddle(start);
                if (mode.Kind == ModeKind.FormatSpec)
                {
                    problems.Add(new PyProblem(PyProblemKind.SyntaxError, pos, pos + 1, "f-string: expecting '}'"));
                }

                int end = pos + (owner.Triple ? 3 : 1);
                tokens.Add(new PyToken(PyTokenKind.FStringEnd, pos, end));
                pos = end;
                PopFString();
                return;
            }

            if (!owner.Triple && c is '\n' or '\r')
            {
                break;
            }

            pos++;
        }

        AddMiddle(start);
        pos = Math.Min(pos, text.Length);
        problems.Add(new PyProblem(PyProblemKind.SyntaxError, owner.Start, pos, owner.Triple ? "unterminated triple-quoted f-string literal" : "unterminated f-string literal"));
        PopFString();
    }

    private FMode OwningFString()
    {
        for (int i = modes.Count - 1; i >= 0; i--)
        {
            if (modes[i].Kind == ModeKind.Literal) { return modes[i]; }
        }

        return modes[^1];
    }

    /// <summary>Drops the innermost f-string's modes and any bracket its fields left open.</summary>
    private void PopFString()
    {
        while (modes.Count > 0)
        {
            var kind = modes[^1].Kind;
            int depth = modes[^1].Depth;
            modes.RemoveAt(modes.Count - 1);
            if (kind == ModeKind.Literal)
            {
                if (brackets.Count > depth) { brackets.RemoveRange(depth, brackets.Count - depth); }
                return;
            }
        }
    }

    private void AddMiddle(int start)
    {
        if (pos > start) { tokens.Add(new PyToken(PyTokenKind.FStringMiddle, start, pos)); }
    }
}
