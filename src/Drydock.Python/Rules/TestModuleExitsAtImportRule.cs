using System.Text;
using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Python.Model;
using Drydock.Python.Parsing;

namespace Drydock.Python.Rules;

/// <summary>PY001: a test module or conftest.py that exits the process while pytest imports it.</summary>
internal sealed class TestModuleExitsAtImportRule : IPythonRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "PY001",
        "test-module-exits-at-import",
        Severity.Error,
        "A test module or conftest.py calls sys.exit/exit/os._exit/pytest.exit at import time.",
        "pytest imports every test module while collecting. A SystemExit raised then is not a test failure: it ends the whole session (INTERNALERROR> SystemExit, exit code 3), so every job that runs pytest fails, including those where the optional dependency would not matter.",
        "Skip instead of exiting: `pytest.importorskip(\"module\")` before the import, or a `pytest.mark.skipif` marker; or move such tests to an integration suite behind an optional extra.")
    { Fixable = true };

    RuleDescriptor IPythonRule.Descriptor => Descriptor;

    public void Check(PythonProject model, FindingSink sink)
    {
        foreach (var module in model.Modules.Where(module => model.IsTestModule(module.Path)))
        {
            if (module.HasErrors || module.Source is null) { continue; }
            foreach (var exit in module.Exits.Where(exit => exit.Placement.RunsAtImport && exit.EndsSession))
            {
                string guarded = GuardedImports(module, exit);
                string when = exit.Placement.InImportErrorHandler
                    ? $" when {(guarded.Length > 0 ? guarded : "an import")} fails (except branch at line {module.Source.Position(exit.Placement.ImportErrorHandler!.Start).Line})"
                    : "";
                string effect = exit.Kind switch
                {
                    "os._exit" => "the pytest process dies at once and writes no report",
                    "pytest.exit" => "pytest stops the whole session before running any test",
                    _ => "the whole session stops with INTERNALERROR> SystemExit (exit code 3)",
                };
                string kind = module.FileName == "conftest.py" ? "conftest.py" : "test module";
                sink.Report(
                    Descriptor,
                    module.Source,
                    exit.Start,
                    exit.End,
                    $"{kind} {module.Path} calls {exit.Kind}{(exit.Call is null ? "" : "()")} at import time{when}: pytest imports it while collecting, so {effect} on every job",
                    fixAdvice: guarded.Length > 0
                        ? $"Replace the try/except with `pytest.importorskip(\"{FirstModule(module, exit)}\")` followed by the import, so that pytest skips this module when the package is missing; or mark the tests with `pytest.mark.skipif`."
                        : null,
                    fix: BuildFix(module, exit));
            }
        }
    }

    private static string GuardedImports(PythonModule module, PyExitCall exit) =>
        exit.Placement.ImportErrorTry is { } statement
            ? string.Join(", ", module.Imports.Where(import => import.Placement.ImportErrorTry == statement && !import.Placement.InImportErrorHandler).Select(import => $"'{import.Module}'").Distinct())
            : "";

    private static string FirstModule(PythonModule module, PyExitCall exit) =>
        module.Imports.FirstOrDefault(import => import.Placement.ImportErrorTry == exit.Placement.ImportErrorTry && !import.Placement.InImportErrorHandler)?.Module ?? "module";

    /// <summary>
    /// For a module-level <c>try: imports / except ImportError: print; exit</c>: replaces the whole try statement with
    /// <c>pytest.importorskip</c> calls and the imports themselves. Every other byte of the file stays as it was.
    /// </summary>
    internal static Fix? BuildFix(PythonModule module, PyExitCall exit)
    {
        var source = module.Source!;
        string text = source.Text;
        var tryStatement = exit.Placement.ImportErrorTry;
        var handler = exit.Placement.ImportErrorHandler;
        if (tryStatement is null || handler is null || tryStatement.Parent is not null
            || tryStatement.Clauses.Count != 1 || tryStatement.Body.Any(statement => statement.Kind is not (PyStatementKind.Import or PyStatementKind.ImportFrom)))
        {
            return null;
        }

        bool handlerOnlyReports = handler.Body.All(statement =>
            statement.Kind is PyStatementKind.Pass or PyStatementKind.Expression || (statement.Kind == PyStatementKind.Raise && module.Exits.Any(candidate => candidate.Statement == statement)));
        var imports = module.Imports.Where(import => import.Placement.ImportErrorTry == tryStatement && !import.Placement.InImportErrorHandler).ToList();
        if (!handlerOnlyReports || imports.Count == 0 || imports.Any(import => import.IsRelative)) { return null; }

        string newline = source.NewLine;
        var builder = new StringBuilder();
        bool hasPytest = module.Imports.Any(import => import.Module == "pytest" && !import.IsFrom && import.Alias is null && import.Start < tryStatement.Start && import.Statement.Parent is null);
        if (!hasPytest) { builder.Append("import pytest").Append(newline); }
        foreach (string name in imports.Select(import => import.Module).Distinct())
        {
            builder.Append("pytest.importorskip(\"").Append(name).Append("\")").Append(newline);
        }

        int indent = tryStatement.Body[0].Start - source.LineStart(source.Position(tryStatement.Body[0].Start).Line);
        for (int k = 0; k < tryStatement.Body.Count; k++)
        {
            var statement = tryStatement.Body[k];
            string[] lines = text[statement.Start..statement.End].Split('\n');
            for (int line = 1; line < lines.Length; line++)
            {
                int strip = 0;
                while (strip < indent && strip < lines[line].Length && lines[line][strip] is ' ' or '\t') { strip++; }
                lines[line] = lines[line][strip..];
            }

            builder.Append(string.Join('\n', lines));
            if (k < tryStatement.Body.Count - 1) { builder.Append(newline); }
        }

        int end = tryStatement.End;
        int lineEnd = text.IndexOf('\n', end);
        if (lineEnd < 0) { lineEnd = text.Length; }
        if (lineEnd > 0 && lineEnd <= text.Length && lineEnd > end && text[lineEnd - 1] == '\r') { lineEnd--; }
        var rest = text.AsSpan(end, lineEnd - end).Trim();
        if (rest.IsEmpty || rest[0] == '#') { end = lineEnd; }
        string names = string.Join(", ", imports.Select(import => import.Module).Distinct());
        return new Fix($"skip the module with pytest.importorskip when {names} is missing", IsSafe: false, [new TextEdit(module.Path, tryStatement.Start, end - tryStatement.Start, builder.ToString())]);
    }
}
