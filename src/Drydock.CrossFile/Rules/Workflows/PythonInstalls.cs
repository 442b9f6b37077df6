using Drydock.Docker.Model;
using Drydock.Knowledge;
using Drydock.Python.Packaging;
using Drydock.Workflows.Model;

namespace Drydock.CrossFile.Rules.Workflows;

/// <summary>A local path installed by pip (<c>.</c>, <c>-e ".[test]"</c>, <c>./libs/x</c>) with the extras named on it.</summary>
internal sealed record LocalTarget(ShellWord Word, string Path, IReadOnlyList<string> Extras, bool Editable);

/// <summary>
/// One <c>pip install</c> (or <c>uv pip install</c>) of a run step: requirement files, local paths with extras, and
/// packages by name, all repository-relative. <see cref="IsUnknown"/> when an expression or variable hides what it installs.
/// </summary>
internal sealed record PythonInstall(
    RunScript Script,
    CommandLine Line,
    IReadOnlyList<string> RequirementFiles,
    IReadOnlyList<LocalTarget> Targets,
    IReadOnlyList<string> Packages,
    bool IsUnknown)
{
    public Step Step => Script.Step;
}

/// <summary>Reads what a job installs into the runner's Python before a given step.</summary>
internal static class PythonInstalls
{
    /// <summary>Options of pip and uv that take a value, from the Dockerfile part's package-manager data.</summary>
    private static readonly Lazy<HashSet<string>> OptionsWithValue = new(LoadOptions);

    /// <summary>
    /// Installers whose effect on the environment this reader does not model (they resolve groups, lock files or
    /// their own environments): a job using one is left alone.
    /// </summary>
    private static readonly HashSet<string> OpaqueInstallers = new(StringComparer.Ordinal)
    {
        "poetry install", "poetry sync", "uv sync", "pdm install", "pdm sync", "pipenv install", "pipenv sync", "conda install", "conda env",
        "mamba install", "mamba env", "micromamba install", "micromamba create", "hatch env",
    };

    /// <summary>
    /// The installs of the job's run steps before the step at <paramref name="beforeIndex"/> (all of them with
    /// <c>int.MaxValue</c>); null when one of them cannot be read.
    /// </summary>
    public static IReadOnlyList<PythonInstall>? Before(WorkflowFile file, Job job, int beforeIndex)
    {
        var installs = new List<PythonInstall>();
        foreach (var step in job.Steps.Where(step => step.Index < beforeIndex && step.Run is not null))
        {
            if (RunScript.Of(file, step) is not { } script || WorkflowJobs.WorkingDirectory(file, job, step) is not { } directory)
            {
                if (step.Run!.Value.Contains("install", StringComparison.Ordinal))
                {
                    return null;
                }

                continue;
            }

            foreach (var line in script.Commands)
            {
                string head = line.Program + " " + (line.Subcommand?.Value ?? "");
                if (OpaqueInstallers.Contains(head))
                {
                    return null;
                }

                if (Read(script, line, directory) is { } install)
                {
                    installs.Add(install);
                }
            }
        }

        return installs;
    }

    private static PythonInstall? Read(RunScript script, CommandLine line, string directory)
    {
        var arguments = line.Arguments;
        int start = line.Program switch
        {
            "pip" or "pip3" when arguments.Count > 0 && arguments[0].Value == "install" => 1,
            "uv" when arguments.Count > 1 && arguments[0].Value == "pip" && arguments[1].Value == "install" => 2,
            _ => -1,
        };
        if (start < 0)
        {
            return null;
        }

        var requirements = new List<string>();
        var targets = new List<LocalTarget>();
        var packages = new List<string>();
        bool unknown = false;
        for (int i = start; i < arguments.Count; i++)
        {
            var word = arguments[i];
            unknown |= word.HasExpansion;
            if (word.IsFlag)
            {
                string option = word.Value.Contains('=') ? word.Value[..word.Value.IndexOf('=')] : word.Value;
                if (!OptionsWithValue.Value.Contains(option))
                {
                    continue;
                }

                var value = word.Value.Contains('=') ? word : i + 1 < arguments.Count ? arguments[++i] : null;
                string? text = value is null ? null : value == word ? word.Value[(word.Value.IndexOf('=') + 1)..] : value.Value;
                unknown |= value?.HasExpansion ?? false;
                if (text is not null && option is "-r" or "--requirement")
                {
                    requirements.Add(Join(directory, text));
                }
                else if (text is not null && value is not null && option is "-e" or "--editable")
                {
                    targets.Add(Target(value, text, directory, editable: true));
                }

                continue;
            }

            if (IsLocalPath(word.Value))
            {
                targets.Add(Target(word, word.Value, directory, editable: false));
            }
            else
            {
                packages.Add(PyRequirement.NormalizeName(word.Value.Split(['=', '<', '>', '~', '!', '[', ';', '@', ' '], 2)[0]));
            }
        }

        return new PythonInstall(script, line, requirements, targets, packages, unknown);
    }

    private static LocalTarget Target(ShellWord word, string text, string directory, bool editable)
    {
        int open = text.IndexOf('[');
        string path = open < 0 ? text : text[..open];
        var extras = open < 0 || !text.EndsWith(']')
            ? []
            : text[(open + 1)..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(PyRequirement.NormalizeName).ToList();
        return new LocalTarget(word, Join(directory, path), extras, editable);
    }

    private static bool IsLocalPath(string value) =>
        value.StartsWith('.') || value.StartsWith('/') || (value.Contains('/') && !value.Contains("://", StringComparison.Ordinal))
        || value.EndsWith(".whl", StringComparison.Ordinal) || value.EndsWith(".tar.gz", StringComparison.Ordinal);

    private static string Join(string directory, string path) => ImageBuild.Normalize(directory.Length == 0 ? path : directory + "/" + path);

    private static HashSet<string> LoadOptions()
    {
        using var document = KnowledgeFile.Open(typeof(InstallCommand).Assembly, "package-managers.json");
        var options = new HashSet<string>(StringComparer.Ordinal);
        foreach (var manager in document.RootElement.GetProperty("managers").EnumerateArray())
        {
            if (KnowledgeFile.RequiredString(manager, "id", "package-managers.json") is "pip" or "uv")
            {
                options.UnionWith(KnowledgeFile.StringArray(manager, "optionsWithValue"));
            }
        }

        return options;
    }
}
