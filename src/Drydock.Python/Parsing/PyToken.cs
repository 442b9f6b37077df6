namespace Drydock.Python.Parsing;

/// <summary>Token kinds of Python 3.12's tokenizer (the <c>token</c> module), kept to what a statement-level parser needs.</summary>
public enum PyTokenKind : byte
{
    Name,
    Number,

    /// <summary>A complete string or bytes literal with its prefix (not an f-string).</summary>
    String,

    /// <summary>An f-string's prefix and opening quote(s) (PEP 701).</summary>
    FStringStart,

    /// <summary>A literal piece of an f-string, or of a format spec, between replacement fields.</summary>
    FStringMiddle,

    FStringEnd,
    Operator,

    /// <summary>The end of a logical line.</summary>
    Newline,

    /// <summary>A line break that does not end a logical line (blank line, comment line, inside brackets).</summary>
    NonLogicalNewline,

    Comment,
    Indent,
    Dedent,
    EndMarker,

    /// <summary>A character the tokenizer could not place; a problem explains it.</summary>
    Error,
}

/// <summary>A token: kind and the span [Start, End) of the decoded text.</summary>
public readonly record struct PyToken(PyTokenKind Kind, int Start, int End)
{
    public int Length => End - Start;

    public bool Is(string text, string value) =>
        Length == value.Length && string.CompareOrdinal(text, Start, value, 0, value.Length) == 0;

    public string Text(string text) => text.Substring(Start, Length);
}

/// <summary>What kind of error Python would raise when compiling the file.</summary>
public enum PyProblemKind
{
    SyntaxError,
    IndentationError,
    TabError,

    /// <summary>Python 2 syntax (print statement, <c>except E, e</c>, backquotes, <c>&lt;&gt;</c>, <c>0777</c>, <c>ur""</c>).</summary>
    Python2,
}

/// <summary>A reason the file would not compile, at a span of the decoded text.</summary>
public sealed record PyProblem(PyProblemKind Kind, int Start, int End, string Message)
{
    public string KindName => Kind switch
    {
        PyProblemKind.IndentationError => "IndentationError",
        PyProblemKind.TabError => "TabError",
        PyProblemKind.Python2 => "SyntaxError (Python 2 syntax)",
        _ => "SyntaxError",
    };
}
