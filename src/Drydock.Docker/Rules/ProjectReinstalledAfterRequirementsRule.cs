using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF049: pip install . / -e . after the requirements, without --no-deps.</summary>
public sealed class ProjectReinstalledAfterRequirementsRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF049",
        "project-reinstalled-after-requirements",
        Severity.Warning,
        "pip install -e . or pip install . runs after the requirements are installed, resolving and reinstalling them again on every source change.",
        "The project install follows the source COPY, so it reruns on every commit; without --no-deps pip resolves the dependencies again and reinstalls any whose pins differ from requirements.txt, undoing the cached requirements layer.",
        "Add --no-deps to the project install: the dependencies are already in place from the requirements step.")
    {
        Fixable = true,
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitStage(DockerfileContext context, Stage stage)
    {
        RunInstruction? requirements = null;
        foreach (var install in stage.Installs.Where(install => install.Manager is PackageManager.Pip or PackageManager.Uv))
        {
            if (install.RequirementFiles.Count > 0)
            {
                requirements ??= install.Instruction;
                continue;
            }

            var project = install.LocalTargets.FirstOrDefault(SourcesCopiedBeforeDependenciesRule.IsProjectDirectory);
            if (requirements is null || project is null || install.Instruction == requirements || install.Line.HasOption(null, "--no-deps"))
            {
                continue;
            }

            var subcommand = install.Line.Arguments.FirstOrDefault(word => word.Value == "install");
            var fix = subcommand is null ? null : context.Insert("add --no-deps", subcommand.Span.End, " --no-deps");
            context.Report(Descriptor, new TextSpan(install.Command.Span.Start, install.Command.Span.End),
                $"'{SourcesCopiedBeforeDependenciesRule.Describe(install.Line)}' runs after the requirements were installed (line {requirements.Line}) and resolves the dependencies again on every source change; add --no-deps",
                fix);
        }
    }
}
