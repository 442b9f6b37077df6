using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Python.Model;

namespace Drydock.Python.Rules;

/// <summary>PY002: a test module imports, unguarded, a package that a plain test install does not provide.</summary>
internal sealed class OptionalImportCrashesCollectionRule : IPythonRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "PY002",
        "optional-import-crashes-collection",
        Severity.Warning,
        "A test module imports, at module level and without a guard, a package declared only in an optional extra or not declared at all.",
        "pytest imports test modules while collecting; an ImportError there is a collection error that fails the run (exit code 2) in every environment that installed the project without that extra, even though the other tests would pass.",
        "Guard the import with `pytest.importorskip(\"package\")`, declare the package in the dependencies or the test extra/group that CI installs, or move the test to a suite that installs the extra.");

    RuleDescriptor IPythonRule.Descriptor => Descriptor;

    public void Check(PythonProject model, FindingSink sink)
    {
        if (!model.DeclaresDependencies) { return; }
        var knowledge = model.Knowledge;
        foreach (var module in model.Modules.Where(module => model.IsTestModule(module.Path)))
        {
            if (module.HasErrors || module.Source is null) { continue; }
            var skips = module.ImportOrSkips.Where(skip => skip.Call.Placement.RunsAtImport).ToList();
            var moduleSkips = module.Exits.Where(exit => exit.IsModuleLevelSkip && exit.Placement.RunsAtImport).ToList();
            foreach (var import in module.Imports)
            {
                if (!import.Placement.RunsAtImport || import.Placement.ImportErrorTry is not null || import.Placement.InTypeChecking || import.IsRelative) { continue; }
                string top = import.TopLevelName;
                if (top.Length == 0 || model.IsStdlib(top) || knowledge.AlwaysAvailableToTests.Contains(top) || model.IsLocalModule(top, module.Path)) { continue; }
                if (skips.Any(skip => skip.Call.Start < import.Start && skip.Module.Split('.')[0] == top) || moduleSkips.Any(skip => skip.Start < import.Start)) { continue; }
                var declarations = knowledge.DistributionsFor(top).SelectMany(model.DeclarationsOf).Distinct().ToList();
                bool available = declarations.Any(where => !where.StartsWith("extra:", StringComparison.Ordinal) || knowledge.TestExtras.Contains(where["extra:".Length..]));
                if (available) { continue; }
                string message = declarations.Count > 0
                    ? $"{module.Path} imports '{import.Module}' at module level, but '{top}' is declared only in the optional extra(s) {string.Join(", ", declarations.Select(where => where["extra:".Length..]))}: collection fails with ImportError wherever that extra is not installed"
                    : $"{module.Path} imports '{import.Module}' at module level, but no dependency, extra, group or requirements file declares '{top}': collection fails with ModuleNotFoundError in a clean environment";
                sink.Report(Descriptor, module.Source, import.Start, import.End, message,
                    fixAdvice: $"Add `pytest.importorskip(\"{import.Module}\")` before this import (and import it inside the tests), or declare '{top}' where CI's test install picks it up.");
            }
        }
    }
}
