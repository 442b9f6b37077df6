using Drydock.Configuration;
using Drydock.Python.Parsing;
using Drydock.Text;

namespace Drydock.Python.Model;

/// <summary>
/// One .py file of the repository, parsed on first use and cached. Every list is in source order, and every
/// element keeps its offsets (into <see cref="Source"/>'s text) and its 1-based line.
/// When the file cannot be read (<see cref="ReadProblem"/>) or does not compile (<see cref="Problems"/>),
/// the lists hold what could be recovered; rules should skip modules with <see cref="HasErrors"/>.
/// </summary>
public sealed class PythonModule
{
    // Parsing and fact extraction are separate: most rules only need tokens and problems, and facts for every
    // module of a large repository would dominate memory.
    private readonly Lazy<PyParseResult?> parsed;
    private readonly Lazy<PyModuleFacts> facts;

    internal PythonModule(string path, string? name, SourceText? source, ReadProblem? readProblem)
    {
        Path = path;
        Name = name;
        Source = source;
        ReadProblem = readProblem;
        parsed = new Lazy<PyParseResult?>(() => source is null ? null : PyParser.Parse(source.Text), LazyThreadSafetyMode.ExecutionAndPublication);
        facts = new Lazy<PyModuleFacts>(() => parsed.Value is { } parse && source is not null ? PyModuleReader.Read(parse, source) : new PyModuleFacts(), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Creates a module from text, for tests and for callers that already hold the text.</summary>
    public static PythonModule FromText(string path, string text) => new(path, null, new SourceText(path, text), null);

    /// <summary>Repository-relative path with '/' separators.</summary>
    public string Path { get; }

    /// <summary>The dotted module name under its package root (<c>pkg.sub.mod</c>, <c>pkg</c> for pkg/__init__.py), or null outside any root.</summary>
    public string? Name { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    public bool IsPackageInit => FileName == "__init__.py";

    public SourceText? Source { get; }

    public ReadProblem? ReadProblem { get; }

    private PyParseResult? Parse => parsed.Value;

    private PyModuleFacts Facts => facts.Value;

    /// <summary>Significant tokens (no comments, no non-logical newlines).</summary>
    public IReadOnlyList<PyToken> Tokens => Parse?.Tokens ?? [];

    /// <summary>Every token, comments and non-logical newlines included (tokenized again on each call: not kept in memory).</summary>
    public IReadOnlyList<PyToken> AllTokens => Source is null ? [] : PyTokenizer.Tokenize(Source.Text).Tokens;

    public IReadOnlyList<PyStatement> Statements => Parse?.Statements ?? [];

    public IReadOnlyList<PyProblem> Problems => Parse?.Problems ?? [];

    public bool HasErrors => ReadProblem is not null || Problems.Count > 0;

    public string? EncodingDeclaration => Parse?.EncodingDeclaration;

    public IReadOnlyList<PyImport> Imports => Facts.Imports;

    public IReadOnlyList<PyCall> Calls => Facts.Calls;

    public IReadOnlyList<PyExitCall> Exits => Facts.Exits;

    public IReadOnlyList<PyFunction> Functions => Facts.Functions;

    public IReadOnlyList<PyClass> Classes => Facts.Classes;

    public IReadOnlyList<PyPytestMark> PytestMarks => Facts.PytestMarks;

    public IReadOnlyList<PyArgvCheck> ArgvChecks => Facts.ArgvChecks;

    /// <summary>Every place sys.argv is read by hand (offset, line, placement).</summary>
    public IReadOnlyList<(int Start, int Line, PyPlacement Placement)> ArgvReads => Facts.ArgvReads;

    public bool InspectsArgvByHand => Facts.ArgvReads.Count > 0;

    public IReadOnlyList<PyMainBlock> MainBlocks => Facts.MainBlocks;

    public PyArgparse Argparse => Facts.Argparse;

    public IReadOnlyList<PyDefinedName> DefinedNames => Facts.DefinedNames;

    /// <summary>True when a module-level <c>from x import *</c> may define names we cannot see.</summary>
    public bool HasStarImport => Facts.HasStarImport;

    /// <summary>Local name -> what it was imported as (<c>np</c> -> <c>numpy</c>, <c>exit</c> -> <c>sys.exit</c>).</summary>
    public IReadOnlyDictionary<string, string> ImportAliases => Facts.Aliases;

    /// <summary><c>pytest.importorskip("x")</c> calls with the module they guard.</summary>
    public IEnumerable<(string Module, PyCall Call)> ImportOrSkips =>
        Calls.Where(call => call.QualifiedName == "pytest.importorskip" && call.Positional(0)?.StringValue is not null)
             .Select(call => (call.Positional(0)!.StringValue!, call));

    /// <summary>Whether <c>module:attribute</c> would resolve: a module-level def, class, assignment or import of that name.</summary>
    public bool Defines(string name) => DefinedNames.Any(defined => defined.Name == name);

    public PyFunction? Function(string name) => Functions.FirstOrDefault(function => function.Name == name && function.ClassName is null);

    /// <summary>The last line of the statement that starts on <paramref name="line"/> (for pragmas): the logical line, not its body.</summary>
    public int StatementLastLine(int line)
    {
        if (Source is null) { return line; }
        foreach (var statement in AllStatements())
        {
            var (first, _) = Source.Position(statement.Start);
            if (first == line) { return Source.Position(Math.Max(statement.Start, statement.HeaderEnd - 1)).Line; }
            if (first > line) { break; }
        }

        return line;
    }

    /// <summary>Every statement, depth first, in source order (clauses after their owner's body).</summary>
    public IEnumerable<PyStatement> AllStatements()
    {
        var stack = new Stack<PyStatement>(Statements.Reverse());
        while (stack.Count > 0)
        {
            var statement = stack.Pop();
            yield return statement;
            var children = statement.Body.Concat(statement.Clauses).Reverse();
            foreach (var child in children) { stack.Push(child); }
        }
    }

    internal SuppressionMap Pragmas() => Source is null ? SuppressionMap.None : PragmaScanner.Scan(Source, StatementLastLine);

    public override string ToString() => Path;
}
