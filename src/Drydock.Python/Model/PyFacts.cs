using Drydock.Python.Parsing;

namespace Drydock.Python.Model;

/// <summary>When a piece of code runs.</summary>
public enum PyExecutionContext
{
    /// <summary>While the module is imported: module level or a class body (not under <c>if __name__ == "__main__":</c>).</summary>
    Import,

    /// <summary>Inside a function or method: only when called.</summary>
    Function,

    /// <summary>Inside <c>if __name__ == "__main__":</c>: only when the file is run as a script or with <c>python -m</c>.</summary>
    MainBlock,
}

/// <summary>Where a statement sits: when it runs and what guards it.</summary>
public sealed record PyPlacement(
    PyExecutionContext Context,
    string? Function,
    PyStatement? ImportErrorTry,
    PyStatement? ImportErrorHandler,
    bool InTypeChecking,
    bool Conditional)
{
    public bool RunsAtImport => Context == PyExecutionContext.Import;

    /// <summary>True inside the <c>try</c> body of a try whose handlers catch ImportError (or everything).</summary>
    public bool GuardedAgainstImportError => ImportErrorTry is not null && ImportErrorHandler is null;

    /// <summary>True inside an <c>except ImportError</c> (or bare/broad except) handler body.</summary>
    public bool InImportErrorHandler => ImportErrorHandler is not null;
}

public sealed record PyImportedName(string Name, string? Alias)
{
    public string LocalName => Alias ?? Name;
}

/// <summary>
/// One import. For <c>import a.b, c</c> there is one record per module; for <c>from m import x, y</c> one record
/// with <see cref="Names"/>. <see cref="Level"/> counts leading dots of relative imports.
/// </summary>
public sealed record PyImport(string Module, IReadOnlyList<PyImportedName> Names, int Level, bool IsFrom, string? Alias, PyStatement Statement, int Start, int End, int Line, PyPlacement Placement)
{
    public string TopLevelName => Module.Split('.')[0];

    public bool IsRelative => Level > 0;
}

/// <summary>A positional or keyword argument of a call: its token range and, for a plain string literal, its value.</summary>
public sealed record PyArgument(string? Keyword, int FirstToken, int EndToken, int Start, int End, int ValueStart, string? StringValue)
{
    internal string SourceText { get; init; } = "";

    /// <summary>The value's source text (without <c>keyword=</c>).</summary>
    public string Text => ValueStart < End ? SourceText[ValueStart..End] : "";
}

/// <summary>A call <c>a.b.c(...)</c>: the name as written, the name with import aliases resolved, and its arguments.</summary>
public sealed record PyCall(string Callee, string QualifiedName, int Start, int End, int Line, IReadOnlyList<PyArgument> Arguments, PyStatement Statement, PyPlacement Placement)
{
    public PyArgument? Keyword(string name) => Arguments.FirstOrDefault(argument => argument.Keyword == name);

    public PyArgument? Positional(int index) => Arguments.Where(argument => argument.Keyword is null).ElementAtOrDefault(index);
}

/// <summary>
/// A call that ends the process or the pytest session: sys.exit, exit, quit, os._exit, pytest.exit, a
/// <c>raise SystemExit</c>, or pytest.skip (which only skips the module when <c>allow_module_level=True</c>).
/// </summary>
public sealed record PyExitCall(string Kind, PyCall? Call, PyStatement Statement, int Start, int End, int Line, PyPlacement Placement)
{
    public bool IsModuleLevelSkip => Kind == "pytest.skip" && Call?.Keyword("allow_module_level")?.Text == "True";

    public bool EndsSession => Kind != "pytest.skip";
}

public sealed record PyDecorator(string Text, string Name, PyCall? Call, int Start, int End, int Line);

public sealed record PyFunction(string Name, string? ClassName, bool IsAsync, IReadOnlyList<PyDecorator> Decorators, PyStatement Statement, int Line, PyPlacement Placement)
{
    public string QualifiedName => ClassName is null ? Name : ClassName + "." + Name;
}

public sealed record PyClass(string Name, IReadOnlyList<PyDecorator> Decorators, IReadOnlyList<PyFunction> Methods, PyStatement Statement, int Line, PyPlacement Placement);

/// <summary>A condition that reads sys.argv by hand, such as <c>if "--server" in sys.argv:</c>.</summary>
public sealed record PyArgvCheck(string Condition, IReadOnlyList<string> Flags, PyStatement Statement, int Line, IReadOnlyList<PyCall> ThenCalls, IReadOnlyList<PyCall> ElseCalls, PyPlacement Placement);

/// <summary>An <c>add_argument</c> call: its option strings (<c>-p</c>, <c>--port</c>) or its positional name.</summary>
public sealed record PyArgparseArgument(IReadOnlyList<string> OptionStrings, string? PositionalName, PyCall Call)
{
    public bool IsOptional => OptionStrings.Count > 0;
}

/// <summary>A <c>pytestmark = ...</c> assignment (module or class level).</summary>
public sealed record PyPytestMark(string Text, PyStatement Statement, int Line, string? ClassName);

/// <summary>An <c>if __name__ == "__main__":</c> block and what it does when the module runs as a program.</summary>
public sealed record PyMainBlock(PyStatement Statement, int Line, IReadOnlyList<PyCall> Calls, IReadOnlyList<PyArgvCheck> ArgvChecks, IReadOnlyList<PyExitCall> Exits, string Summary);

/// <summary>A name bound at module level (def, class, assignment, import, for/with target).</summary>
public sealed record PyDefinedName(string Name, string Kind, int Line);
