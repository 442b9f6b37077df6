using Drydock.Findings;
using Drydock.Python.Model;
using Drydock.Python.Packaging;
using Drydock.Workflows.Model;

namespace Drydock.CrossFile.Rules.Workflows;

/// <summary>GA045: a test job installs the project without the optional extra that its collected tests import.</summary>
public sealed class TestInstallMissingExtraRule : IWorkflowCrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA045",
        "test-install-missing-extra",
        Severity.Error,
        "A test job installs the project (or its requirements) without an optional extra that a collected test module imports at module level.",
        "pytest imports every collected test module; a package missing there is an ImportError during collection (exit code 2), or a SystemExit when the module exits on it (exit code 3). Every Python version of the job fails, although the package is declared: only in an extra the job never installs.",
        "Install the extra in the test job (`pip install -e \".[test,browser]\"`), or make the test skip without it (`pytest.importorskip`).")
    {
        Fixable = true,
    };

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        var python = context.Python;
        foreach (var file in context.Workflows.Workflows)
        {
            var reported = new HashSet<(string, int)>();
            foreach (var found in PytestSteps.In(file).Where(found => found.Run.Certain))
            {
                if (JobPython.ProjectFor(python, file, found.Job) is not { OptionalDependencies.Count: > 0 } project
                    || PythonInstalls.Before(file, found.Job, found.Step.Index) is not { } installs || installs.Any(install => install.IsUnknown))
                {
                    continue;
                }

                string folder = WorkflowJobs.FolderOf(project.Path);
                var projectInstall = installs.LastOrDefault(install => install.Targets.Any(target => target.Path == folder));
                var anchor = projectInstall ?? installs.LastOrDefault(install => install.RequirementFiles.Count > 0);
                if (anchor is null || !reported.Add((found.Job.Id.Value, anchor.Step.Index)))
                {
                    continue;
                }

                var extras = InstalledExtras(project, installs.SelectMany(install => install.Targets).Where(target => target.Path == folder).SelectMany(target => target.Extras));
                var names = InstalledNames(python, project, installs, projectInstall is not null, extras);
                var missing = new SortedDictionary<string, List<FatalImport>>(StringComparer.Ordinal);
                foreach (var module in TestImports.ImportedModules(python, PytestSteps.Collect(python, found.Run)))
                {
                    foreach (var fatal in TestImports.Fatal(python, module))
                    {
                        var distributions = python.Knowledge.DistributionsFor(fatal.Import.TopLevelName).ToList();
                        var declared = distributions.SelectMany(python.DeclarationsOf).Distinct().ToList();
                        if (declared.Count == 0 || declared.Any(where => !where.StartsWith("extra:", StringComparison.Ordinal)) || distributions.Any(names.Contains))
                        {
                            continue;
                        }

                        var candidates = declared.Select(where => PyRequirement.NormalizeName(where["extra:".Length..])).ToList();
                        if (!candidates.Any(extras.Contains))
                        {
                            string smallest = candidates.OrderBy(extra => ExtraSize(project, extra)).ThenBy(extra => extra, StringComparer.Ordinal).First();
                            (missing.TryGetValue(smallest, out var list) ? list : missing[smallest] = []).Add(fatal);
                        }
                    }
                }

                if (missing.Count > 0)
                {
                    Report(context, file, found, project, anchor, projectInstall, extras, missing);
                }
            }
        }
    }

    private static void Report(CrossFileContext context, WorkflowFile file, PytestStep found, PyProjectFile project, PythonInstall anchor, PythonInstall? projectInstall,
        IReadOnlySet<string> extras, SortedDictionary<string, List<FatalImport>> missing)
    {
        var target = projectInstall?.Targets.Last(item => item.Path == WorkflowJobs.FolderOf(project.Path));
        var written = target?.Extras ?? [];
        string path = target is null ? "." : target.Word.Value[..(target.Word.Value.IndexOf('[') is var open and >= 0 ? open : target.Word.Value.Length)];
        string wanted = $"{path}[{string.Join(',', written.Concat(missing.Keys))}]";
        string install = $"pip install {(target?.Editable ?? true ? "-e " : "")}\"{wanted}\"";
        string what = projectInstall is not null
            ? $"installs {project.Name ?? "the project"} {(written.Count == 0 ? "without extras" : $"with extras [{string.Join(',', written)}] only")} (`{projectInstall.Line}`)"
            : $"installs only requirement files (`{anchor.Line}`), not the project's extras";
        var first = missing.First();
        var example = first.Value[0];
        string others = missing.Values.Sum(list => list.Count) > 1 ? $" (and {missing.Values.Sum(list => list.Count) - 1} more import(s) of extra(s) {string.Join(", ", missing.Keys)})" : "";
        var span = target is not null ? anchor.Script.SpanOf(target.Word) : anchor.Script.SpanOf(anchor.Line.ProgramWord ?? anchor.Line.Command.Words[0]);
        Fix? fix = target is not null && anchor.Script.Locate(target.Word) is { } exact
            ? WorkflowReporting.Replace(file, exact, WithExtras(target.Word.Raw, missing.Keys), $"install the extra(s) {string.Join(", ", missing.Keys)} for the tests", safe: false)
            : null;
        context.Sink.Report(Descriptor, file, span,
            $"job '{found.Job.Id.Value}' {what}, but {example.Module.Path} imports '{example.Import.Module}' at line {example.Import.Line}, declared only in the extra '{first.Key}'{others}: pytest fails while collecting, {example.Effect}; install it with `{install}`",
            fixAdvice: projectInstall is not null
                ? $"Install the extra in this step: `{install}`; or guard the import with `pytest.importorskip(\"{example.Import.Module}\")`."
                : $"Add `{install}` to the job, or guard the import with `pytest.importorskip(\"{example.Import.Module}\")`.",
            fix: fix);
    }

    /// <summary>The install word as written with more extras: <c>".[test]"</c> to <c>".[test,browser]"</c>, <c>.</c> to <c>".[browser]"</c>.</summary>
    private static string WithExtras(string raw, IEnumerable<string> added)
    {
        string list = string.Join(',', added);
        int close = raw.LastIndexOf(']');
        if (close >= 0)
        {
            return string.Concat(raw.AsSpan(0, close), ",", list, raw.AsSpan(close));
        }

        return raw.Length > 1 && raw[0] is '"' or '\'' && raw[^1] == raw[0] ? $"{raw[..^1]}[{list}]{raw[^1]}" : $"\"{raw}[{list}]\"";
    }

    /// <summary>Installed extras, with extras that require the project itself with more extras (<c>all = ["pkg[a,b]"]</c>) followed.</summary>
    private static HashSet<string> InstalledExtras(PyProjectFile project, IEnumerable<string> named)
    {
        var extras = new HashSet<string>(named.Select(PyRequirement.NormalizeName), StringComparer.Ordinal);
        string self = PyRequirement.NormalizeName(project.Name ?? "");
        var pending = new Queue<string>(extras);
        while (pending.TryDequeue(out string? extra))
        {
            var requirements = project.OptionalDependencies.FirstOrDefault(pair => PyRequirement.NormalizeName(pair.Key) == extra).Value ?? [];
            foreach (string more in requirements.Where(requirement => requirement.NormalizedName == self).SelectMany(requirement => requirement.Extras).Select(PyRequirement.NormalizeName))
            {
                if (extras.Add(more))
                {
                    pending.Enqueue(more);
                }
            }
        }

        return extras;
    }

    /// <summary>Distributions the job's installs name: packages, requirement files, and the project's own dependencies and extras.</summary>
    private static HashSet<string> InstalledNames(PythonProject python, PyProjectFile project, IReadOnlyList<PythonInstall> installs, bool projectInstalled, HashSet<string> extras)
    {
        var names = new HashSet<string>(installs.SelectMany(install => install.Packages), StringComparer.Ordinal);
        foreach (var file in installs.SelectMany(install => install.RequirementFiles).Select(python.RequirementsFile).OfType<RequirementsFile>())
        {
            names.UnionWith(python.AllRequirements(file).Select(requirement => requirement.NormalizedName));
        }

        if (projectInstalled)
        {
            names.UnionWith(project.Dependencies.Select(requirement => requirement.NormalizedName));
            names.UnionWith(project.OptionalDependencies.Where(pair => extras.Contains(PyRequirement.NormalizeName(pair.Key))).SelectMany(pair => pair.Value).Select(requirement => requirement.NormalizedName));
        }

        return names;
    }

    private static int ExtraSize(PyProjectFile project, string extra) =>
        project.OptionalDependencies.FirstOrDefault(pair => PyRequirement.NormalizeName(pair.Key) == extra).Value?.Count ?? int.MaxValue;
}
