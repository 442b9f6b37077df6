using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.CrossFile.Rules.Workflows;

/// <summary>GA044: a workflow step runs pytest where it collects no test, so the step fails with exit code 5.</summary>
public sealed class PytestStepCollectsNothingRule : IWorkflowCrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA044",
        "pytest-step-collects-nothing",
        Severity.Error,
        "A workflow step runs pytest in a folder, with arguments, that collect no test: pytest exits with code 5 and the job fails.",
        "pytest exits with status 5 (\"no tests ran\") when it collects nothing, and the step fails like a test failure. It happens when the test files do not match python_files (test_*.py, *_test.py), when the step's working-directory or paths miss the tests, or when testpaths points elsewhere.",
        "Point the step at the folder holding the tests, rename the files to match python_files (or set python_files in the pytest configuration), or add a first test.");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        var python = context.Python;
        foreach (var file in context.Workflows.Workflows)
        {
            foreach (var found in PytestSteps.In(file).Where(found => found.Run.Certain))
            {
                var collection = PytestSteps.Collect(python, found.Run);
                if (!collection.CollectsNothing)
                {
                    continue;
                }

                var inventory = context.Project.Files;
                string searched = string.Join(", ", collection.SearchedPaths.Select(path => path.Length == 0 ? "./" : path + (inventory.DirectoryExists(path) ? "/" : "")));
                var pythonFiles = collection.SearchedPaths.SelectMany(path => inventory.DirectoryExists(path) || path.Length == 0 ? inventory.FilesUnder(path) : [path])
                    .Where(path => path.EndsWith(".py", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
                string matched = collection.Files.Count > 0
                    ? $"{collection.Files.Count} matching file(s) ({string.Join(", ", collection.Files.Take(3).Select(item => item.Path))}) declare no test function or Test class"
                    : $"no file matches {string.Join(" or ", collection.PythonFiles)}"
                      + (pythonFiles.Count == 0 ? " (no .py file there)" : $" (found {string.Join(", ", pythonFiles.Take(4))}{(pythonFiles.Count > 4 ? ", ..." : "")})");
                string where = found.Run.WorkingDirectory.Length == 0 ? "the repository root" : found.Run.WorkingDirectory + "/";
                string settings = collection.ConfigFile is null ? "" : $", settings from {collection.ConfigFile}";
                string notes = collection.Notes.Count > 0 ? $"; {string.Join("; ", collection.Notes)}" : "";
                context.Sink.Report(Descriptor, file, found.Span,
                    $"{WorkflowJobs.Label(found.Step)} of job '{found.Job.Id.Value}' runs `{found.Command}` in {where}: pytest would collect no tests and exit with code 5 (searched {searched}{settings}; {matched}){notes}");
            }
        }
    }
}
