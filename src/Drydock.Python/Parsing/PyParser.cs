namespace Drydock.Python.Parsing;

/// <summary>A file as statements: the significant tokens, the statement tree and every problem found.</summary>
public sealed record PyParseResult(
    string Text,
    IReadOnlyList<PyToken> Tokens,
    IReadOnlyList<PyStatement> Statements,
    IReadOnlyList<PyProblem> Problems,
    string? EncodingDeclaration);

/// <summary>
/// A statement-level parser: it finds logical lines, blocks, compound headers and their clauses, and classifies
/// simple statements. It is not a full grammar: expressions stay token ranges that the model reads as needed.
/// Structural errors (unexpected indent, missing block, stray clause, Python 2 statements) become problems.
/// </summary>
public sealed class PyParser
{
    private static readonly Dictionary<string, PyStatementKind> CompoundKeywords = new(StringComparer.Ordinal)
    {
        ["if"] = PyStatementKind.If, ["elif"] = PyStatementKind.Elif, ["else"] = PyStatementKind.Else,
        ["for"] = PyStatementKind.For, ["while"] = PyStatementKind.While, ["try"] = PyStatementKind.Try,
        ["except"] = PyStatementKind.Except, ["finally"] = PyStatementKind.Finally, ["with"] = PyStatementKind.With,
        ["def"] = PyStatementKind.FunctionDef, ["class"] = PyStatementKind.ClassDef,
    };

    private static readonly Dictionary<string, PyStatementKind> SimpleKeywords = new(StringComparer.Ordinal)
    {
        ["import"] = PyStatementKind.Import, ["from"] = PyStatementKind.ImportFrom, ["return"] = PyStatementKind.Return,
        ["raise"] = PyStatementKind.Raise, ["pass"] = PyStatementKind.Pass, ["break"] = PyStatementKind.Break,
        ["continue"] = PyStatementKind.Continue, ["global"] = PyStatementKind.Global, ["nonlocal"] = PyStatementKind.Nonlocal,
        ["del"] = PyStatementKind.Delete, ["assert"] = PyStatementKind.Assert,
    };

    private readonly string text;
    private readonly List<PyToken> tokens;
    private readonly List<PyProblem> problems;
    private int i;

    private PyParser(string text, List<PyToken> tokens, List<PyProblem> problems)
    {
        this.text = text;
        this.tokens = tokens;
        this.problems = problems;
    }

    public static PyParseResult Parse(string text)
    {
        var stream = PyTokenizer.Tokenize(text);
        var significant = new List<PyToken>(stream.Tokens.Count);
        foreach (var token in stream.Tokens)
        {
            if (token.Kind is not (PyTokenKind.Comment or PyTokenKind.NonLogicalNewline))
            {
                significant.Add(token);
            }
        }

        var problems = new List<PyProblem>(stream.Problems);
        var parser = new PyParser(text, significant, problems);
        var statements = parser.ParseBlock(null, topLevel: true);
        problems.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new PyParseResult(text, significant, statements, problems, stream.EncodingDeclaration);
    }

    private bool IsOp(int index, string op) => index >= 0 && index < tokens.Count && tokens[index].Kind == PyTokenKind.Operator && tokens[index].Is(text, op);

    private bool IsName(int index, string name) => index >= 0 && index < tokens.Count && tokens[index].Kind == PyTokenKind.Name && tokens[index].Is(text, name);

    private List<PyStatement> ParseBlock(PyStatement? parent, bool topLevel)
    {
        var list = new List<PyStatement>();
        var decorators = new List<PyStatement>();
        while (i < tokens.Count)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case PyTokenKind.EndMarker:
                    return list;
                case PyTokenKind.Dedent:
                    i++;
                    if (!topLevel) { return list; }
                    continue;
                case PyTokenKind.Indent:
                    problems.Add(new PyProblem(PyProblemKind.IndentationError, token.Start, token.End + 1, "unexpected indent"));
                    i++;
                    list.AddRange(ParseBlock(parent, topLevel: false));
                    continue;
                case PyTokenKind.Newline:
                    i++;
                    continue;
            }

            ParseLine(list, decorators, parent);
        }

        return list;
    }

    private int LineEnd(int from)
    {
        int end = from;
        while (end < tokens.Count && tokens[end].Kind is not (PyTokenKind.Newline or PyTokenKind.EndMarker or PyTokenKind.Indent or PyTokenKind.Dedent)) { end++; }
        return end;
    }

    private void ParseLine(List<PyStatement> list, List<PyStatement> decorators, PyStatement? parent)
    {
        int lineStart = i;
        int lineEnd = LineEnd(i);
        int afterLine = lineEnd < tokens.Count && tokens[lineEnd].Kind == PyTokenKind.Newline ? lineEnd + 1 : lineEnd;
        if (lineEnd == lineStart)
        {
            i = lineEnd + 1;
            return;
        }

        if (IsOp(lineStart, "@"))
        {
            decorators.Add(new PyStatement(PyStatementKind.Decorator, lineStart, lineEnd, tokens[lineStart].Start, tokens[lineEnd - 1].End) { Parent = parent });
            i = afterLine;
            return;
        }

        bool isAsync = IsName(lineStart, "async") && lineStart + 1 < lineEnd && tokens[lineStart + 1].Kind == PyTokenKind.Name;
        int keywordIndex = isAsync ? lineStart + 1 : lineStart;
        string keyword = tokens[keywordIndex].Kind == PyTokenKind.Name ? tokens[keywordIndex].Text(text) : "";
        bool endsWithColon = IsOp(lineEnd - 1, ":");
        PyStatementKind kind;
        if (!CompoundKeywords.TryGetValue(keyword, out kind))
        {
            if (keyword is "match" or "case" && endsWithColon && lineEnd - lineStart > 2 && !IsOp(lineStart + 1, "=") && !IsOp(lineStart + 1, "."))
            {
                kind = keyword == "match" ? PyStatementKind.Match : PyStatementKind.Case;
            }
            else
            {
                FlushDecorators(decorators, null);
                ParseSimpleStatements(list, lineStart, lineEnd, parent);
                i = afterLine;
                return;
            }
        }

        int colon = FindHeaderColon(keywordIndex, lineEnd);
        if (colon < 0)
        {
            problems.Add(new PyProblem(PyProblemKind.SyntaxError, tokens[keywordIndex].Start, tokens[lineEnd - 1].End, $"expected ':' after '{keyword}'"));
            ParseSimpleStatements(list, lineStart, lineEnd, parent);
            i = afterLine;
            return;
        }

        var statement = new PyStatement(kind, lineStart, colon + 1, tokens[lineStart].Start, tokens[colon].End) { ColonToken = colon, IsAsync = isAsync, Parent = parent };
        if (kind == PyStatementKind.Except)
        {
            CheckPython2Except(keywordIndex, colon);
        }

        FlushDecorators(decorators, statement);
        if (colon + 1 == lineEnd)
        {
            i = afterLine;
            if (i < tokens.Count && tokens[i].Kind == PyTokenKind.Indent)
            {
                i++;
                statement.MutableBody.AddRange(ParseBlock(statement, topLevel: false));
            }
            else
            {
                problems.Add(new PyProblem(PyProblemKind.IndentationError, tokens[keywordIndex].Start, tokens[colon].End, $"expected an indented block after '{keyword}' statement"));
            }
        }
        else
        {
            ParseSimpleStatements(statement.MutableBody, colon + 1, lineEnd, statement);
            i = afterLine;
        }

        if (statement.Body.Count > 0)
        {
            statement.End = Math.Max(statement.End, statement.Body[^1].End);
        }

        AddOrChain(list, statement, keyword);
    }

    private void AddOrChain(List<PyStatement> list, PyStatement statement, string keyword)
    {
        bool isClause = statement.Kind is PyStatementKind.Elif or PyStatementKind.Else or PyStatementKind.Except or PyStatementKind.Finally;
        if (!isClause)
        {
            list.Add(statement);
            return;
        }

        var owner = list.Count > 0 ? list[^1] : null;
        bool fits = owner is not null && statement.Kind switch
        {
            PyStatementKind.Elif => owner.Kind == PyStatementKind.If,
            PyStatementKind.Else => owner.Kind is PyStatementKind.If or PyStatementKind.For or PyStatementKind.While or PyStatementKind.Try,
            _ => owner.Kind == PyStatementKind.Try,
        };
        if (!fits)
        {
            problems.Add(new PyProblem(PyProblemKind.SyntaxError, statement.Start, statement.HeaderEnd, $"invalid syntax: '{keyword}' without a matching statement"));
            list.Add(statement);
            return;
        }

        statement.Parent = owner!.Parent;
        owner.MutableClauses.Add(statement);
        owner.End = Math.Max(owner.End, statement.End);
    }

    private static void FlushDecorators(List<PyStatement> decorators, PyStatement? target)
    {
        if (decorators.Count == 0) { return; }
        if (target is not null && target.Kind is PyStatementKind.FunctionDef or PyStatementKind.ClassDef)
        {
            target.MutableDecorators.AddRange(decorators);
            target.Start = decorators[0].Start;
        }

        decorators.Clear();
    }

    /// <summary>The ':' ending a compound header: the first one outside brackets that does not belong to a lambda.</summary>
    private int FindHeaderColon(int from, int end)
    {
        int depth = 0, lambdas = 0;
        for (int index = from; index < end; index++)
        {
            var token = tokens[index];
            if (token.Kind == PyTokenKind.Name && token.Is(text, "lambda") && depth == 0) { lambdas++; continue; }
            if (token.Kind is PyTokenKind.FStringStart) { depth++; continue; }
            if (token.Kind is PyTokenKind.FStringEnd) { depth--; continue; }
            if (token.Kind != PyTokenKind.Operator) { continue; }
            char c = text[token.Start];
            if (token.Length == 1 && c is '(' or '[' or '{') { depth++; }
            else if (token.Length == 1 && c is ')' or ']' or '}') { depth--; }
            else if (token.Length == 1 && c == ':' && depth == 0)
            {
                if (lambdas > 0) { lambdas--; continue; }
                return index;
            }
        }

        return -1;
    }

    private void CheckPython2Except(int keywordIndex, int colon)
    {
        int depth = 0;
        for (int index = keywordIndex + 1; index < colon; index++)
        {
            var token = tokens[index];
            if (token.Kind != PyTokenKind.Operator) { continue; }
            char c = text[token.Start];
            if (c is '(' or '[' or '{') { depth++; }
            else if (c is ')' or ']' or '}') { depth--; }
            else if (c == ',' && depth == 0)
            {
                problems.Add(new PyProblem(PyProblemKind.Python2, tokens[keywordIndex].Start, tokens[colon].End, "multiple exception types must be parenthesized (Python 2 'except E, e:' form; use 'except E as e:')"));
                return;
            }
        }
    }

    private void ParseSimpleStatements(List<PyStatement> list, int from, int end, PyStatement? parent)
    {
        int start = from, depth = 0;
        for (int index = from; index <= end; index++)
        {
            bool split = index == end;
            if (!split && tokens[index].Kind == PyTokenKind.Operator)
            {
                char c = text[tokens[index].Start];
                if (tokens[index].Length == 1 && c is '(' or '[' or '{') { depth++; }
                else if (tokens[index].Length == 1 && c is ')' or ']' or '}') { depth--; }
                else if (c == ';' && depth <= 0) { split = true; }
            }
            else if (!split && tokens[index].Kind is PyTokenKind.FStringStart) { depth++; }
            else if (!split && tokens[index].Kind is PyTokenKind.FStringEnd) { depth--; }

            if (split)
            {
                if (index > start)
                {
                    list.Add(new PyStatement(Classify(start, index), start, index, tokens[start].Start, tokens[index - 1].End) { Parent = parent });
                }

                start = index + 1;
            }
        }
    }

    private PyStatementKind Classify(int from, int end)
    {
        var first = tokens[from];
        if (first.Kind == PyTokenKind.Name)
        {
            string word = first.Text(text);
            if (SimpleKeywords.TryGetValue(word, out var kind)) { return kind; }
            if (word is "print" or "exec" && from + 1 < end && tokens[from + 1].Kind is PyTokenKind.String or PyTokenKind.Name or PyTokenKind.Number or PyTokenKind.FStringStart)
            {
                problems.Add(new PyProblem(PyProblemKind.Python2, first.Start, tokens[end - 1].End, $"Missing parentheses in call to '{word}'. Did you mean {word}(...)? (Python 2 {word} statement)"));
                return PyStatementKind.Expression;
            }
        }

        int depth = 0;
        bool sawColon = false;
        for (int index = from; index < end; index++)
        {
            var token = tokens[index];
            if (token.Kind is PyTokenKind.FStringStart) { depth++; continue; }
            if (token.Kind is PyTokenKind.FStringEnd) { depth--; continue; }
            if (token.Kind == PyTokenKind.Name && token.Is(text, "lambda") && depth == 0) { return PyStatementKind.Expression; }
            if (token.Kind != PyTokenKind.Operator) { continue; }
            char c = text[token.Start];
            if (token.Length == 1 && c is '(' or '[' or '{') { depth++; continue; }
            if (token.Length == 1 && c is ')' or ']' or '}') { depth--; continue; }
            if (depth != 0) { continue; }
            if (token.Length == 1 && c == '=') { return sawColon ? PyStatementKind.AnnAssign : PyStatementKind.Assign; }
            if (token.Length == 1 && c == ':') { sawColon = true; continue; }
            if (token.Length >= 2 && text[token.End - 1] == '=' && token.Length != 2 || (token.Length == 2 && text[token.End - 1] == '=' && c is '+' or '-' or '*' or '/' or '%' or '&' or '|' or '^' or '@'))
            {
                if (!(token.Is(text, "==") || token.Is(text, "!=") || token.Is(text, "<=") || token.Is(text, ">=")))
                {
                    return PyStatementKind.AugAssign;
                }
            }
        }

        return sawColon ? PyStatementKind.AnnAssign : PyStatementKind.Expression;
    }
}
