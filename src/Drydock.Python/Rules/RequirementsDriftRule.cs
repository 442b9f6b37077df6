using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Python.Model;
using Drydock.Python.Packaging;

namespace Drydock.Python.Rules;

/// <summary>PY006: requirements.txt and pyproject.toml disagree about the runtime dependencies.</summary>
internal sealed class RequirementsDriftRule : IPythonRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "PY006",
        "requirements-drift",
        Severity.Warning,
        "requirements.txt and pyproject.toml dependencies disagree: a package missing from one, or pins the other excludes.",
        "When a requirements file is kept by hand beside pyproject.toml, the two drift: an image built from requirements.txt then lacks a dependency the package needs, or installs a version the package does not support, and the failure shows only at run time.",
        "Generate requirements.txt from pyproject.toml (pip-compile, uv pip compile, poetry export), or install the project itself (`pip install .`) instead of a parallel list.");

    RuleDescriptor IPythonRule.Descriptor => Descriptor;

    public void Check(PythonProject model, FindingSink sink)
    {
        foreach (var pyproject in model.PyProjects.Where(file => file.Dependencies.Count > 0))
        {
            string directory = pyproject.Path.Contains('/') ? pyproject.Path[..pyproject.Path.LastIndexOf('/')] : "";
            var requirementsFile = model.RuntimeRequirementsFiles.FirstOrDefault(file => file.Path == Join(directory, "requirements.txt"));
            if (requirementsFile is null) { continue; }
            var (requirementsText, _) = model.Project.ReadText(requirementsFile.Path);
            if (requirementsText is null) { continue; }
            var listed = model.AllRequirements(requirementsFile).GroupBy(requirement => requirement.NormalizedName).ToDictionary(group => group.Key, group => group.First());
            var declared = pyproject.Dependencies.GroupBy(requirement => requirement.NormalizedName).ToDictionary(group => group.Key, group => group.First());
            var allDeclared = declared.Keys.Concat(pyproject.OptionalDependencies.Values.Concat(pyproject.DependencyGroups.Values).SelectMany(list => list).Select(requirement => requirement.NormalizedName)).ToHashSet();
            bool installsProject = requirementsFile.LocalPaths.Count > 0;

            foreach (var (name, dependency) in declared)
            {
                if (!listed.TryGetValue(name, out var requirement))
                {
                    if (!installsProject && dependency.Marker is null)
                    {
                        sink.Report(Descriptor, pyproject.Source, dependency.Start, dependency.End,
                            $"'{dependency.Name}' is a dependency in {pyproject.Path} but {requirementsFile.Path} does not list it: an environment built from {requirementsFile.Path} lacks it");
                    }

                    continue;
                }

                if (requirement.File == requirementsFile.Path && requirement.PinnedVersion is { } pinned && !dependency.Specifier.IsAny && !dependency.Specifier.Allows(pinned))
                {
                    sink.Report(Descriptor, requirementsText, requirement.Start, requirement.End,
                        $"{requirementsFile.Path} pins {requirement.Name}=={pinned}, which {pyproject.Path} excludes ('{dependency.Name}{dependency.SpecifierText}')");
                }
            }

            if (requirementsFile.IsGenerated) { continue; }
            foreach (var requirement in requirementsFile.Requirements.Where(requirement => !allDeclared.Contains(requirement.NormalizedName)))
            {
                sink.Report(Descriptor, requirementsText, requirement.Start, requirement.End,
                    $"{requirementsFile.Path} installs '{requirement.Name}', which {pyproject.Path} does not declare: the two lists have drifted");
            }
        }
    }

    private static string Join(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;
}
