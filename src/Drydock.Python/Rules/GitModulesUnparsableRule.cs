using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Python.Model;

namespace Drydock.Python.Rules;

/// <summary>GT000: .gitmodules cannot be read or parsed.</summary>
internal sealed class GitModulesUnparsableRule : IPythonRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GT000",
        "gitmodules-unparsable",
        Severity.Error,
        ".gitmodules cannot be read or is not valid git-config syntax.",
        "git reads .gitmodules to clone submodules; with a syntax error `git submodule update` (and actions/checkout with submodules) fails with 'bad config line', so the build never gets the submodule contents.",
        "Fix the line: each submodule is a `[submodule \"name\"]` section with `path = ...` and `url = ...` lines.");

    RuleDescriptor IPythonRule.Descriptor => Descriptor;

    public void Check(PythonProject model, FindingSink sink)
    {
        foreach (var problem in model.FileProblems.Where(problem => problem.Path == ".gitmodules"))
        {
            sink.Report(Descriptor, new SourceLocation(problem.Path, problem.Line, problem.Column, problem.Line, problem.Column), $".gitmodules: {problem.Message}");
        }

        if (model.GitModules is not { } modules) { return; }
        foreach (var (line, message) in modules.Problems)
        {
            sink.Report(Descriptor, new SourceLocation(modules.FilePath, line, 1, line, 1), $".gitmodules line {line}: {message}");
        }

        foreach (var module in modules.Submodules.Where(module => string.IsNullOrWhiteSpace(module.Path)))
        {
            sink.Report(Descriptor, new SourceLocation(modules.FilePath, module.Line, 1, module.Line, 1), $"submodule \"{module.Name}\" has no 'path': git ignores the entry");
        }
    }
}
