using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF004: apt-get install without --no-install-recommends.</summary>
public sealed class AptInstallRecommendsRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF004",
        "apt-install-recommends",
        Severity.Info,
        "apt-get install pulls in recommended packages.",
        "Recommended packages are not needed to run the named ones; they often add hundreds of megabytes (X11, documentation, compilers) and more CVEs to the image.",
        "Add --no-install-recommends to apt-get install, and name any recommended package you really need.")
    {
        Equivalents = ["hadolint DL3015"],
        Fixable = true,
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitStage(DockerfileContext context, Stage stage)
    {
        if (!context.IsShipped(stage))
        {
            return;
        }

        foreach (var install in stage.Installs.Where(install => install.Manager == PackageManager.Apt && install.Line.Subcommand?.Value == "install"))
        {
            var line = install.Line;
            if (line.HasOption(null, "--no-install-recommends") || line.Arguments.Any(word => word.Value.Contains("Install-Recommends", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var subcommand = line.Subcommand!;
            var fix = context.Insert("add --no-install-recommends", subcommand.Span.End, " --no-install-recommends");
            string names = string.Join(", ", install.Packages.Take(4).Select(package => package.Name));
            context.Report(Descriptor, install.Command.Span, $"apt-get install of {names} also installs their recommended packages; add --no-install-recommends", fix);
        }
    }
}
