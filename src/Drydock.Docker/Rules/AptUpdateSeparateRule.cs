using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF003: apt-get update in a RUN of its own, with the install in a later RUN.</summary>
public sealed class AptUpdateSeparateRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF003",
        "apt-update-separate",
        Severity.Warning,
        "apt-get update runs in a different RUN than apt-get install.",
        "The layer of a lone 'apt-get update' is cached. When the install line changes later, the builder reuses the stale package lists and the install fails with 404s or installs outdated versions.",
        "Run 'apt-get update && apt-get install -y ...' in the same RUN instruction.")
    {
        Fixable = false,
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitStage(DockerfileContext context, Stage stage)
    {
        var runs = stage.InstructionsOf<RunInstruction>().ToList();
        for (int index = 0; index < runs.Count; index++)
        {
            var update = runs[index].CommandLines.FirstOrDefault(line => IsApt(line) && line.Subcommand?.Value == "update");
            if (update is null || runs[index].CommandLines.Any(line => IsApt(line) && line.Subcommand?.Value is "install" or "upgrade" or "dist-upgrade"))
            {
                continue;
            }

            var install = runs.Skip(index + 1).FirstOrDefault(run => run.CommandLines.Any(line => IsApt(line) && line.Subcommand?.Value == "install"));
            if (install is not null)
            {
                context.Report(Descriptor, update.Command.Span, $"apt-get update runs alone here, and the install comes in the RUN at line {install.Line}: a cached update layer serves stale lists; run update and install in one RUN");
            }
        }
    }

    private static bool IsApt(CommandLine line) => line.Program is "apt-get" or "apt";
}
