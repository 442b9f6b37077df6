using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Python.Model;
using Drydock.Python.Parsing;

namespace Drydock.Python.Rules;

/// <summary>PY004: an escape sequence Python does not know, in a non-raw string or bytes literal (docstrings included).</summary>
internal sealed class InvalidEscapeSequenceRule : IPythonRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "PY004",
        "invalid-escape-sequence",
        Severity.Warning,
        "A non-raw string literal holds an invalid escape sequence such as \"\\d\".",
        "Since Python 3.12 an invalid escape sequence is a SyntaxWarning printed every time the module is compiled (and an error under -W error, which many test setups use); a future Python will reject it. The backslash is kept today only by accident.",
        "Make the literal raw (r\"\\d+\") when it holds no intended escape, otherwise double the backslash (\"\\\\d\").")
    { Equivalents = ["ruff W605", "pycodestyle W605"], Fixable = true };

    RuleDescriptor IPythonRule.Descriptor => Descriptor;

    public void Check(PythonProject model, FindingSink sink)
    {
        foreach (var module in model.Modules)
        {
            if (module.Source is null || module.ReadProblem is not null) { continue; }
            var docstrings = Docstrings(module);
            var tokens = module.Tokens;
            string text = module.Source.Text;
            for (int index = 0; index < tokens.Count; index++)
            {
                var token = tokens[index];
                if (token.Kind == PyTokenKind.String)
                {
                    var literal = PyStringLiteral.Of(text, token);
                    if (literal.IsRaw) { continue; }
                    var escapes = PyStringLiteral.InvalidEscapes(text, literal.ContentStart, literal.ContentEnd, literal.IsBytes, out bool hasValid);
                    if (escapes.Count == 0) { continue; }
                    bool raw = !hasValid && !literal.IsUnicodePrefixed && escapes.All(escape => !escape.IsOctalOverflow);
                    Report(sink, module, token.Start, escapes, docstrings.Contains(token.Start), raw ? [new TextEdit(module.Path, token.Start, 0, "r")] : Doubled(module, escapes));
                }
                else if (token.Kind == PyTokenKind.FStringStart)
                {
                    var literal = PyStringLiteral.Of(text, token);
                    int depth = 0;
                    var escapes = new List<PyInvalidEscape>();
                    for (int inner = index; inner < tokens.Count; inner++)
                    {
                        if (tokens[inner].Kind == PyTokenKind.FStringStart) { depth++; }
                        else if (tokens[inner].Kind == PyTokenKind.FStringEnd && --depth == 0) { break; }
                        else if (depth == 1 && tokens[inner].Kind == PyTokenKind.FStringMiddle && !literal.IsRaw)
                        {
                            escapes.AddRange(PyStringLiteral.InvalidEscapes(text, tokens[inner].Start, tokens[inner].End, false, out _));
                        }
                    }

                    if (escapes.Count > 0) { Report(sink, module, token.Start, escapes, false, Doubled(module, escapes)); }
                }
            }
        }
    }

    private static IReadOnlyList<TextEdit>? Doubled(PythonModule module, List<PyInvalidEscape> escapes) =>
        escapes.Any(escape => escape.IsOctalOverflow) ? null : [.. escapes.Select(escape => new TextEdit(module.Path, escape.Start, 0, "\\"))];

    private static void Report(FindingSink sink, PythonModule module, int literalStart, List<PyInvalidEscape> escapes, bool docstring, IReadOnlyList<TextEdit>? edits)
    {
        var first = escapes[0];
        string sequences = string.Join(", ", escapes.Select(escape => $"'{escape.Sequence}'").Distinct());
        string what = docstring ? "docstring" : "string literal";
        string message = first.IsOctalOverflow
            ? $"invalid octal escape sequence {sequences} in a {what} (value above \\377): Python 3.12 warns (SyntaxWarning)"
            : $"invalid escape sequence {sequences} in a {what}: Python 3.12 warns (SyntaxWarning: invalid escape sequence '{first.Sequence}') and a future version will reject it";
        bool raw = edits is [{ Length: 0, NewText: "r" } edit] && edit.Start == literalStart;
        var fix = edits is null ? null : new Fix(raw ? "make the literal raw" : "double the backslash", IsSafe: true, edits);
        sink.Report(Descriptor, module.Source!, first.Start, first.End, message, fix: fix);
    }

    /// <summary>Start offsets of string tokens that are docstrings: the first statement of a module, class or function body.</summary>
    private static HashSet<int> Docstrings(PythonModule module)
    {
        var starts = new HashSet<int>();
        void Consider(IReadOnlyList<PyStatement> body)
        {
            if (body.Count > 0 && body[0].Kind == PyStatementKind.Expression && body[0].EndToken - body[0].FirstToken == 1 && module.Tokens[body[0].FirstToken].Kind == PyTokenKind.String)
            {
                starts.Add(module.Tokens[body[0].FirstToken].Start);
            }
        }

        Consider(module.Statements);
        foreach (var statement in module.AllStatements().Where(statement => statement.Kind is PyStatementKind.FunctionDef or PyStatementKind.ClassDef)) { Consider(statement.Body); }
        return starts;
    }
}
