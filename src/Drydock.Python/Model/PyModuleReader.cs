using Drydock.Python.Parsing;
using Drydock.Text;

namespace Drydock.Python.Model;

/// <summary>Everything the rules read from one module, gathered in one walk of the statement tree.</summary>
internal sealed class PyModuleFacts
{
    public List<PyImport> Imports { get; } = [];
    public List<PyCall> Calls { get; } = [];
    public List<PyExitCall> Exits { get; } = [];
    public List<PyFunction> Functions { get; } = [];
    public List<PyClass> Classes { get; } = [];
    public List<PyPytestMark> PytestMarks { get; } = [];
    public List<PyArgvCheck> ArgvChecks { get; } = [];
    public List<PyMainBlock> MainBlocks { get; } = [];
    public List<PyDefinedName> DefinedNames { get; } = [];
    public List<(int Start, int Line, PyPlacement Placement)> ArgvReads { get; } = [];
    public Dictionary<string, string> Aliases { get; } = new(StringComparer.Ordinal);
    public bool HasStarImport { get; set; }
    public PyArgparse Argparse { get; set; } = new([], [], [], false);
}

/// <summary>Walks a parsed module once and extracts imports, calls, exits, definitions, argv checks and argparse use.</summary>
internal sealed partial class PyModuleReader
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "if", "elif", "while", "not", "and", "or", "in", "is", "return", "lambda", "yield", "await", "assert", "del",
        "except", "with", "as", "for", "from", "import", "raise", "else", "class", "def", "global", "nonlocal", "async", "case", "match",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KeywordLookup = Keywords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, string> ExitNames = new(StringComparer.Ordinal)
    {
        ["sys.exit"] = "sys.exit", ["exit"] = "exit", ["quit"] = "quit", ["builtins.exit"] = "exit", ["os._exit"] = "os._exit",
        ["posix._exit"] = "os._exit", ["pytest.exit"] = "pytest.exit", ["pytest.skip"] = "pytest.skip",
    };

    private readonly string text;
    private readonly IReadOnlyList<PyToken> tokens;
    private readonly SourceText source;
    private readonly PyModuleFacts facts = new();
    private readonly List<(PyStatement Statement, PyPlacement Placement, string? ClassName)> visited = [];
    private readonly List<PyStatement> mainStatements = [];

    private PyModuleReader(PyParseResult parse, SourceText source)
    {
        text = parse.Text;
        tokens = parse.Tokens;
        this.source = source;
    }

    public static PyModuleFacts Read(PyParseResult parse, SourceText source)
    {
        var reader = new PyModuleReader(parse, source);
        reader.Walk(parse.Statements, new PyPlacement(PyExecutionContext.Import, null, null, null, false, false), null);
        reader.BuildAliases();
        reader.ExtractCalls();
        reader.ExtractDefinitions();
        reader.ExtractArgv();
        reader.ExtractMainBlocks();
        reader.ExtractArgparse();
        return reader.facts;
    }

    private int Line(int offset) => source.Position(offset).Line;

    private bool IsOp(int index, string op) => index >= 0 && index < tokens.Count && tokens[index].Kind == PyTokenKind.Operator && tokens[index].Is(text, op);

    private bool IsName(int index, string name) => index >= 0 && index < tokens.Count && tokens[index].Kind == PyTokenKind.Name && tokens[index].Is(text, name);

    private string Name(int index) => index < tokens.Count && tokens[index].Kind == PyTokenKind.Name ? tokens[index].Text(text) : "";

    private string Span(int firstToken, int endToken) =>
        endToken > firstToken ? text[tokens[firstToken].Start..tokens[endToken - 1].End] : "";

    private void Walk(IEnumerable<PyStatement> statements, PyPlacement placement, string? className)
    {
        foreach (var statement in statements)
        {
            visited.Add((statement, placement, className));
            foreach (var decorator in statement.Decorators) { visited.Add((decorator, placement, className)); }
            bool moduleScope = className is null && placement.Context == PyExecutionContext.Import;
            int keyword = statement.IsAsync ? statement.FirstToken + 1 : statement.FirstToken;
            switch (statement.Kind)
            {
                case PyStatementKind.Import or PyStatementKind.ImportFrom:
                    ReadImport(statement, placement, moduleScope);
                    break;
                case PyStatementKind.FunctionDef:
                    if (moduleScope) { AddName(Name(keyword + 1), "function", statement.Start); }
                    Walk(statement.Body, new PyPlacement(PyExecutionContext.Function, Name(keyword + 1), null, null, placement.InTypeChecking, false), null);
                    break;
                case PyStatementKind.ClassDef:
                    if (moduleScope) { AddName(Name(keyword + 1), "class", statement.Start); }
                    Walk(statement.Body, placement, Name(keyword + 1));
                    break;
                case PyStatementKind.If:
                    WalkIf(statement, placement, className);
                    break;
                case PyStatementKind.Try:
                    WalkTry(statement, placement, className);
                    break;
                case PyStatementKind.For or PyStatementKind.While or PyStatementKind.With or PyStatementKind.Match or PyStatementKind.Case:
                    if (moduleScope) { AddTargets(statement); }
                    var inner = placement with { Conditional = placement.Conditional || statement.Kind != PyStatementKind.With };
                    Walk(statement.Body, inner, className);
                    foreach (var clause in statement.Clauses)
                    {
                        visited.Add((clause, inner, className));
                        Walk(clause.Body, inner, className);
                    }

                    break;
                case PyStatementKind.Assign or PyStatementKind.AnnAssign:
                    ReadAssignment(statement, moduleScope, className);
                    break;
            }
        }
    }

    private void WalkIf(PyStatement statement, PyPlacement placement, string? className)
    {
        var condition = (statement.FirstToken + 1, statement.ColonToken);
        if (placement.Context == PyExecutionContext.Import && className is null && IsMainCheck(condition.Item1, condition.ColonToken))
        {
            mainStatements.Add(statement);
            Walk(statement.Body, placement with { Context = PyExecutionContext.MainBlock }, className);
        }
        else
        {
            bool typeChecking = Span(condition.Item1, condition.ColonToken) is "TYPE_CHECKING" or "typing.TYPE_CHECKING";
            Walk(statement.Body, placement with { Conditional = true, InTypeChecking = placement.InTypeChecking || typeChecking }, className);
        }

        foreach (var clause in statement.Clauses)
        {
            visited.Add((clause, placement with { Conditional = true }, className));
            Walk(clause.Body, placement with { Conditional = true }, className);
        }
    }

    private bool IsMainCheck(int from, int end)
    {
        if (end - from != 3 || !IsOp(from + 1, "==")) { return false; }
        bool Main(int index) => tokens[index].Kind == PyTokenKind.String && PyStringLiteral.ValueOf(text, tokens[index]) == "__main__";
        return (IsName(from, "__name__") && Main(from + 2)) || (IsName(from + 2, "__name__") && Main(from));
    }

    private void WalkTry(PyStatement statement, PyPlacement placement, string? className)
    {
        var handlers = statement.Clauses.Where(clause => clause.Kind == PyStatementKind.Except).ToList();
        bool catchesImportError = handlers.Any(CatchesImportError);
        var bodyPlacement = catchesImportError ? placement with { ImportErrorTry = statement, ImportErrorHandler = null } : placement;
        Walk(statement.Body, bodyPlacement, className);
        foreach (var clause in statement.Clauses)
        {
            var clausePlacement = clause.Kind == PyStatementKind.Except && CatchesImportError(clause)
                ? placement with { ImportErrorTry = statement, ImportErrorHandler = clause, Conditional = true }
                : placement with { Conditional = true };
            visited.Add((clause, clausePlacement, className));
            Walk(clause.Body, clausePlacement, className);
        }
    }

    /// <summary>except ImportError / ModuleNotFoundError, a tuple holding one, a bare except, or Exception/BaseException.</summary>
    private bool CatchesImportError(PyStatement handler)
    {
        int from = handler.FirstToken + 1;
        if (from >= handler.ColonToken) { return true; }
        for (int index = from; index < handler.ColonToken; index++)
        {
            if (IsName(index, "as")) { break; }
            string name = Name(index);
            if (name is "ImportError" or "ModuleNotFoundError" or "Exception" or "BaseException") { return true; }
        }

        return false;
    }

    private void ReadImport(PyStatement statement, PyPlacement placement, bool moduleScope)
    {
        int index = statement.FirstToken + 1;
        int end = statement.EndToken;
        int line = Line(statement.Start);
        if (statement.Kind == PyStatementKind.Import)
        {
            while (index < end)
            {
                int start = index;
                string module = ReadDotted(ref index, end);
                string? alias = null;
                if (IsName(index, "as")) { alias = Name(index + 1); index += 2; }
                if (module.Length > 0)
                {
                    facts.Imports.Add(new PyImport(module, [], 0, false, alias, statement, tokens[start].Start, tokens[Math.Max(start, index - 1)].End, line, placement));
                    if (moduleScope) { AddName(alias ?? module.Split('.')[0], "import", tokens[start].Start); }
                }

                while (index < end && !IsOp(index, ",")) { index++; }
                index++;
            }

            return;
        }

        int level = 0;
        while (index < end && (IsOp(index, ".") || IsOp(index, "...")))
        {
            level += tokens[index].Length;
            index++;
        }

        string from = ReadDotted(ref index, end);
        var names = new List<PyImportedName>();
        if (IsName(index, "import"))
        {
            index++;
            for (; index < end; index++)
            {
                if (IsOp(index, "*")) { names.Add(new PyImportedName("*", null)); facts.HasStarImport |= moduleScope; continue; }
                if (tokens[index].Kind != PyTokenKind.Name) { continue; }
                string name = Name(index);
                string? alias = IsName(index + 1, "as") ? Name(index + 2) : null;
                names.Add(new PyImportedName(name, alias));
                if (moduleScope) { AddName(alias ?? name, "import", tokens[index].Start); }
                if (alias is not null) { index += 2; }
            }
        }

        facts.Imports.Add(new PyImport(from, names, level, true, null, statement, statement.Start, statement.HeaderEnd, line, placement));
    }

    private string ReadDotted(ref int index, int end)
    {
        var parts = new List<string>();
        while (index < end && tokens[index].Kind == PyTokenKind.Name && !IsName(index, "import") && !IsName(index, "as"))
        {
            parts.Add(Name(index++));
            if (!IsOp(index, ".")) { break; }
            index++;
        }

        return string.Join('.', parts);
    }

    private void ReadAssignment(PyStatement statement, bool moduleScope, string? className)
    {
        int depth = 0;
        int targetStart = statement.FirstToken;
        for (int index = statement.FirstToken; index < statement.EndToken; index++)
        {
            var token = tokens[index];
            if (token.Kind == PyTokenKind.Operator && token.Length == 1)
            {
                char c = text[token.Start];
                if (c is '(' or '[' or '{') { depth++; }
                else if (c is ')' or ']' or '}') { depth--; }
                else if (depth == 0 && c is '=' or ':')
                {
                    AddTargetNames(targetStart, index, moduleScope, className, statement);
                    if (c == ':') { return; }
                    targetStart = index + 1;
                }
            }
        }
    }

    private void AddTargetNames(int from, int end, bool moduleScope, string? className, PyStatement statement)
    {
        for (int index = from; index < end; index++)
        {
            if (tokens[index].Kind != PyTokenKind.Name || IsOp(index - 1, ".") && index > from || IsOp(index + 1, ".") || IsOp(index + 1, "[") || IsOp(index + 1, "("))
            {
                continue;
            }

            string name = Name(index);
            if (name == "pytestmark" && (moduleScope || className is not null))
            {
                facts.PytestMarks.Add(new PyPytestMark(Span(statement.FirstToken, statement.EndToken), statement, Line(statement.Start), className));
            }

            if (moduleScope) { AddName(name, "variable", tokens[index].Start); }
        }
    }

    private void AddTargets(PyStatement statement)
    {
        if (statement.Kind == PyStatementKind.For)
        {
            int keyword = statement.IsAsync ? statement.FirstToken + 1 : statement.FirstToken;
            int inIndex = keyword + 1;
            while (inIndex < statement.ColonToken && !IsName(inIndex, "in")) { inIndex++; }
            AddTargetNames(keyword + 1, inIndex, true, null, statement);
        }
        else if (statement.Kind == PyStatementKind.With)
        {
            for (int index = statement.FirstToken; index < statement.ColonToken; index++)
            {
                if (IsName(index, "as") && tokens[index + 1].Kind == PyTokenKind.Name) { AddName(Name(index + 1), "variable", tokens[index + 1].Start); }
            }
        }
    }

    private void AddName(string name, string kind, int offset)
    {
        if (name.Length > 0) { facts.DefinedNames.Add(new PyDefinedName(name, kind, Line(offset))); }
    }
}
