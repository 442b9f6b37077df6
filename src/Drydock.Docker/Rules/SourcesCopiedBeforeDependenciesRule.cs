using Drydock.Docker.Knowledge;
using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF048: sources are copied before the dependency install of the same stage, so every edit reinstalls everything.</summary>
public sealed class SourcesCopiedBeforeDependenciesRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF048",
        "sources-copied-before-dependencies",
        Severity.Warning,
        "The project's sources are copied before the dependency install in the same stage, so every source change reinstalls every dependency.",
        "A layer is reused only while everything before it is unchanged: after COPY . ., any edited file invalidates the cache and pip install -r, poetry install or npm ci runs again from scratch, minutes per build for heavy packages.",
        "Copy only the dependency manifests first (requirements*.txt, pyproject.toml and the lock file, package.json and package-lock.json), install, then copy the sources.");

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitStage(DockerfileContext context, Stage stage)
    {
        FileTransferInstruction? sourceCopy = null;
        string? copied = null;
        foreach (var instruction in stage.Instructions)
        {
            if (instruction is FileTransferInstruction copy && sourceCopy is null)
            {
                copied = copy.ContextSources.Select(source => source.Value).FirstOrDefault(source => !FieldKnowledge.Default.IsManifest(source));
                sourceCopy = copied is null ? null : copy;
            }
            else if (instruction is RunInstruction run && DependencyInstall(stage, run) is { } install)
            {
                if (sourceCopy is not null)
                {
                    context.Report(Descriptor, sourceCopy.Span,
                        $"'{copied}' is copied before '{install}' (line {run.Line}): any source change re-runs the dependency install; copy the dependency manifests first, install, then copy the sources");
                }

                return;
            }
        }
    }

    /// <summary>The first command of the RUN that installs dependencies from manifests (pip -r, poetry install, npm ci...), as text.</summary>
    public static string? DependencyInstall(Stage stage, RunInstruction run)
    {
        foreach (var install in stage.Installs.Where(install => install.Instruction == run && install.Manager is PackageManager.Pip or PackageManager.Uv))
        {
            if (install.RequirementFiles.Count > 0 || (install.LocalTargets.Any(IsProjectDirectory) && !install.Line.HasOption(null, "--no-deps")))
            {
                return Describe(install.Line);
            }
        }

        foreach (var line in run.CommandLines)
        {
            foreach (var known in FieldKnowledge.Default.DependencyInstalls)
            {
                if (line.Program == known.Program && line.Subcommand?.Value == known.Subcommand
                    && (known.ProjectOnlyFlag is null || !line.HasOption(null, known.ProjectOnlyFlag))
                    && !(known.Program is "npm" or "yarn" or "pnpm" && line.Arguments.Count(word => !word.IsFlag) > 1))
                {
                    return Describe(line);
                }
            }
        }

        return null;
    }

    /// <summary>A local directory pip installs as a project (".", "./pkg", "-e ."), not a wheel or archive.</summary>
    public static bool IsProjectDirectory(ShellWord word) =>
        word.Literal is { } value && !value.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) && !value.Contains('*')
        && !value.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) && !value.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) && !value.Contains("://", StringComparison.Ordinal)
        && (value == "." || value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith('/') || value.StartsWith(".[", StringComparison.Ordinal));

    public static string Describe(CommandLine line) =>
        string.Join(' ', new[] { line.ProgramWord?.Value ?? "" }.Concat(line.Arguments.Take(4).Select(word => word.Value)));
}
