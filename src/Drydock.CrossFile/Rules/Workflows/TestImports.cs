using System.Runtime.CompilerServices;
using Drydock.Python.Model;

namespace Drydock.CrossFile.Rules.Workflows;

/// <summary>A module-level import of a test module that ends the pytest run when the package is missing, and how.</summary>
internal sealed record FatalImport(PythonModule Module, PyImport Import, bool ExitsInHandler)
{
    public string Effect => ExitsInHandler
        ? "the module exits in its `except ImportError` branch, so the session dies with INTERNALERROR> SystemExit (exit code 3)"
        : "the ImportError is a collection error (exit code 2, \"Interrupted: 1 error during collection\")";
}

/// <summary>What the test modules pytest collects import at module level, and which of those imports kill the run.</summary>
internal static class TestImports
{
    /// <summary>The modules pytest imports for a collection: the collected files and the conftest.py files on their way.</summary>
    public static IEnumerable<PythonModule> ImportedModules(PythonProject python, PytestCollection collection)
    {
        var paths = new SortedSet<string>(collection.Files.Select(file => file.Path), StringComparer.Ordinal);
        foreach (string conftest in python.Conftests)
        {
            string folder = WorkflowJobs.FolderOf(conftest);
            if (collection.SearchedPaths.Any(path => WorkflowJobs.IsWithin(folder, path) || WorkflowJobs.IsWithin(path, folder)))
            {
                paths.Add(conftest);
            }
        }

        return paths.Select(python.Module).OfType<PythonModule>().Where(module => !module.HasErrors && module.Source is not null);
    }

    /// <summary>
    /// Third-party imports that run when pytest imports the module and are not skipped when missing: unguarded ones, and
    /// those in a <c>try</c> whose <c>except ImportError</c> branch exits. Imports behind <c>pytest.importorskip</c>, a
    /// module-level skip, <c>TYPE_CHECKING</c>, or an except branch that carries on are left out.
    /// </summary>
    public static IReadOnlyList<FatalImport> Fatal(PythonProject python, PythonModule module) =>
        FatalByModule.GetValue(module, key => [.. FindFatal(python, key)]);

    /// <summary>Modules are parsed once per project; so are their fatal imports, which every pytest step of every job asks for.</summary>
    private static readonly ConditionalWeakTable<PythonModule, IReadOnlyList<FatalImport>> FatalByModule = [];

    private static IEnumerable<FatalImport> FindFatal(PythonProject python, PythonModule module)
    {
        var knowledge = python.Knowledge;
        var skips = module.ImportOrSkips.Where(skip => skip.Call.Placement.RunsAtImport).ToList();
        var moduleSkips = module.Exits.Where(exit => exit.IsModuleLevelSkip && exit.Placement.RunsAtImport).ToList();
        foreach (var import in module.Imports)
        {
            var placement = import.Placement;
            string top = import.TopLevelName;
            if (!placement.RunsAtImport || placement.InTypeChecking || placement.InImportErrorHandler || import.IsRelative || top.Length == 0
                || python.IsStdlib(top) || knowledge.AlwaysAvailableToTests.Contains(top) || python.IsLocalModule(top, module.Path)
                || skips.Any(skip => skip.Call.Start < import.Start && skip.Module.Split('.')[0] == top) || moduleSkips.Any(skip => skip.Start < import.Start))
            {
                continue;
            }

            if (placement.ImportErrorTry is null)
            {
                yield return new FatalImport(module, import, false);
            }
            else if (module.Exits.Any(exit => exit.EndsSession && exit.Placement.RunsAtImport && exit.Placement.ImportErrorTry == placement.ImportErrorTry && exit.Placement.InImportErrorHandler))
            {
                yield return new FatalImport(module, import, true);
            }
        }
    }
}
