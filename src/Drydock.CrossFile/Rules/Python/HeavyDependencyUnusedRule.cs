using Drydock.CrossFile.Knowledge;
using Drydock.Docker.Model;
using Drydock.Docker.Rules;
using Drydock.Findings;
using Drydock.Python.Packaging;

namespace Drydock.CrossFile.Rules.Python;

/// <summary>DF058: a heavy package installed in the image that no source file imports.</summary>
public sealed class HeavyDependencyUnusedRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF058",
        "heavy-dependency-unused",
        Severity.Info,
        "The image installs a heavy package (numpy, scipy, pandas, matplotlib, torch...) that no source file of the project imports.",
        "Heavy packages cost minutes of build time (more when wheels build from source) and hundreds of MB of image on every build, for code that never runs.",
        "Remove the package from the requirements the image installs, or move it to an optional extra the image does not install.");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        var python = context.Python;
        var imported = python.Modules.Where(module => !python.IsTestModule(module.Path))
            .SelectMany(module => module.Imports).Where(import => !import.IsRelative)
            .Select(import => import.TopLevelName).ToHashSet(StringComparer.Ordinal);
        var heavy = HeavyPackages.Default;
        foreach (var document in context.Dockerfiles.Documents)
        {
            if (document.FinalStage is not { } stage)
            {
                continue;
            }

            var buildContext = DockerContexts.For(context, document);
            var installed = new List<(string Name, InstallCommand Install, int Start, int End, string Where)>();
            foreach (var install in FieldCaseFacts.ChainInstalls(stage).Where(install => install.Manager is PackageManager.Pip or PackageManager.Uv))
            {
                installed.AddRange(install.Packages.Select(package => (PyRequirement.NormalizeName(package.Name), install, package.Span.Start, package.Span.End, "")));
                foreach (var file in install.RequirementFiles)
                {
                    if (RequirementsPath(context.Project, buildContext, stage, install, file) is { } path && python.RequirementsFile(path) is { } requirements)
                    {
                        installed.AddRange(python.AllRequirements(requirements).Select(requirement => (requirement.NormalizedName, install, file.Span.Start, file.Span.End, $" ({requirement.File}:{requirement.Line})")));
                    }
                }
            }

            var names = installed.Select(item => item.Name).ToHashSet(StringComparer.Ordinal);
            bool Used(HeavyPackage package) => package.Imports.Any(imported.Contains);
            foreach (var (name, _, start, end, where) in installed.DistinctBy(item => item.Name))
            {
                if (heavy.Find(name) is not { } package || Used(package)
                    || package.RequiredBy.Any(dependent => names.Contains(dependent) && heavy.Find(dependent) is { } other && Used(other)))
                {
                    continue;
                }

                context.Sink.Report(Descriptor, document.Source, start, end,
                    $"the image installs {name}{where}, but no source file imports {string.Join(" or ", package.Imports)}: {package.Why}; remove it from what the image installs or move it to an optional extra");
            }
        }
    }

    /// <summary>The project path of a -r file named in a RUN, through the image's COPYs or the build context.</summary>
    internal static string? RequirementsPath(Drydock.Analysis.Project project, BuildContext buildContext, Stage stage, InstallCommand install, ShellWord file)
    {
        if (file.Literal is not { } value)
        {
            return null;
        }

        var mount = install.Instruction.Mounts.FirstOrDefault(item => item.Type == "bind" && item.From is null && item.Target is { } target
            && ImageFiles.Absolute(value, stage.WorkdirAt(install.Instruction)) == ImageFiles.Absolute(target, "/"));
        if (mount is not null)
        {
            return buildContext.ProjectPath(mount.Source ?? ".");
        }

        return ImageFiles.Of(project, buildContext, stage).ProjectPathOf(ImageFiles.Absolute(value, stage.WorkdirAt(install.Instruction)));
    }
}
