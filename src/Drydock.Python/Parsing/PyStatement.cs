namespace Drydock.Python.Parsing;

public enum PyStatementKind
{
    Import,
    ImportFrom,
    FunctionDef,
    ClassDef,
    If,
    Elif,
    Else,
    For,
    While,
    Try,
    Except,
    Finally,
    With,
    Match,
    Case,
    Assign,
    AugAssign,
    AnnAssign,
    Expression,
    Return,
    Raise,
    Pass,
    Break,
    Continue,
    Global,
    Nonlocal,
    Delete,
    Assert,
    Decorator,
    Other,
}

/// <summary>
/// One statement with its exact extent. Token indices point into <see cref="PyParseResult.Tokens"/>
/// (the significant tokens: no comments, no non-logical newlines). A compound statement keeps its header
/// tokens [<see cref="FirstToken"/>, <see cref="ColonToken"/>), its body, and the clauses chained to it
/// (elif/else of an if, except/else/finally of a try, else of for/while).
/// </summary>
public sealed class PyStatement
{
    internal PyStatement(PyStatementKind kind, int firstToken, int endToken, int start, int end)
    {
        Kind = kind;
        FirstToken = firstToken;
        EndToken = endToken;
        Start = start;
        HeaderEnd = end;
        End = end;
    }

    public PyStatementKind Kind { get; }

    /// <summary>First token of the statement itself (the keyword; for async, the <c>async</c>).</summary>
    public int FirstToken { get; }

    /// <summary>One past the last token of the simple statement, or of the header up to and including its ':'.</summary>
    public int EndToken { get; }

    /// <summary>The header's ':' for compound statements, else -1.</summary>
    public int ColonToken { get; internal set; } = -1;

    /// <summary>Offset of the first character (of the first decorator when decorated).</summary>
    public int Start { get; internal set; }

    /// <summary>Offset past the header (or the whole simple statement).</summary>
    public int HeaderEnd { get; }

    /// <summary>Offset past the last token of the statement, its body and its clauses.</summary>
    public int End { get; internal set; }

    public bool IsAsync { get; internal set; }

    public bool IsCompound => ColonToken >= 0;

    // Most statements have no body, clauses or decorators: the lists are created on demand to keep big trees small.
    private List<PyStatement>? body;
    private List<PyStatement>? clauses;
    private List<PyStatement>? decorators;

    public IReadOnlyList<PyStatement> Body => (IReadOnlyList<PyStatement>?)body ?? [];

    public IReadOnlyList<PyStatement> Clauses => (IReadOnlyList<PyStatement>?)clauses ?? [];

    public IReadOnlyList<PyStatement> Decorators => (IReadOnlyList<PyStatement>?)decorators ?? [];

    internal List<PyStatement> MutableBody => body ??= [];

    internal List<PyStatement> MutableClauses => clauses ??= [];

    internal List<PyStatement> MutableDecorators => decorators ??= [];

    public PyStatement? Parent { get; internal set; }

    /// <summary>This statement followed by its clauses, in source order.</summary>
    public IEnumerable<PyStatement> WithClauses()
    {
        yield return this;
        foreach (var clause in Clauses) { yield return clause; }
    }

    public override string ToString() => $"{Kind} [{Start}..{End})";
}
