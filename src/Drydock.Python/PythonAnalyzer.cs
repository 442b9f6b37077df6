using Drydock.Analysis;
using Drydock.Configuration;
using Drydock.Findings;
using Drydock.Python.Model;
using Drydock.Python.Rules;

namespace Drydock.Python;

/// <summary>A rule of the Python part: a descriptor and a check over the <see cref="PythonProject"/> model.</summary>
internal interface IPythonRule
{
    RuleDescriptor Descriptor { get; }

    void Check(PythonProject model, FindingSink sink);
}

/// <summary>The PY and GT rules: Python modules, packaging, pytest collection, git submodules.</summary>
public sealed class PythonAnalyzer : IAnalyzer
{
    /// <summary>Every rule, listed by hand (NativeAOT: no reflection at run time; a test checks none is missing).</summary>
    private static readonly IPythonRule[] AllRules =
    [
        new PythonFileUnreadableRule(),
        new TestModuleExitsAtImportRule(),
        new OptionalImportCrashesCollectionRule(),
        new PytestCollectsNothingRule(),
        new InvalidEscapeSequenceRule(),
        new RequiresPythonMismatchRule(),
        new RequirementsDriftRule(),
        new GitModulesUnparsableRule(),
        new GitlinkWithoutUrlRule(),
        new GitModulesEntryWithoutGitlinkRule(),
    ];

    public IReadOnlyList<RuleDescriptor> Rules { get; } = [.. AllRules.Select(rule => rule.Descriptor)];

    public void Analyze(Project project, FindingSink sink)
    {
        var model = project.Model(PythonProject.Build);
        foreach (var module in model.Modules)
        {
            project.RegisterSuppressions(module.Path, module.Pragmas());
        }

        // Packaging files and .gitmodules are this part's own; Makefiles and tox.ini are shared with other parts.
        foreach (string path in model.PyProjects.Select(file => file.Path).Concat(model.RequirementsFiles.Select(file => file.Path)).Append(".gitmodules"))
        {
            if (project.ReadText(path).Text is { } text) { project.RegisterSuppressions(path, PragmaScanner.Scan(text)); }
        }

        foreach (var rule in AllRules)
        {
            rule.Check(model, sink);
        }
    }
}
