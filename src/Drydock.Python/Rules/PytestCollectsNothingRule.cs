using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Python.Model;

namespace Drydock.Python.Rules;

/// <summary>PY003: a pytest run (tox.ini, Makefile) that would collect no test: exit code 5.</summary>
internal sealed class PytestCollectsNothingRule : IPythonRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "PY003",
        "pytest-collects-nothing",
        Severity.Error,
        "pytest is run, but no file in the searched paths matches its collection rules, so it exits with code 5.",
        "pytest exits with status 5 (\"no tests ran\") when it collects nothing, and CI treats that as a failure. It happens when the tests live outside testpaths, when their names do not match python_files (test_*.py, *_test.py), or when the folder holds no test functions.",
        "Point pytest at the folder holding the tests, rename the files to match python_files (or set python_files), or add a first test.");

    RuleDescriptor IPythonRule.Descriptor => Descriptor;

    public void Check(PythonProject model, FindingSink sink)
    {
        foreach (var invocation in model.PytestInvocations.Where(invocation => invocation.Run.Certain))
        {
            var collection = model.CollectTests(invocation.Run.WorkingDirectory, invocation.Run.Arguments);
            if (!collection.CollectsNothing) { continue; }
            var (text, _) = model.Project.ReadText(invocation.File);
            if (text is null) { continue; }
            string searched = string.Join(", ", collection.SearchedPaths.Select(path => path.Length == 0 ? "./" : path + (model.Project.Files.DirectoryExists(path) ? "/" : "")));
            string found = collection.Files.Count == 0
                ? $"no file matches {string.Join(" or ", collection.PythonFiles)}"
                : $"{collection.Files.Count} matching file(s) ({string.Join(", ", collection.Files.Take(3).Select(file => file.Path))}) declare no test function or Test class";
            string notes = collection.Notes.Count > 0 ? $" ({string.Join("; ", collection.Notes)})" : "";
            sink.Report(Descriptor, text, invocation.Start, invocation.End,
                $"`{invocation.Command}` would collect no tests and exit with code 5: searched {searched}{(collection.ConfigFile is null ? "" : $" (settings from {collection.ConfigFile})")}; {found}{notes}");
        }
    }
}
