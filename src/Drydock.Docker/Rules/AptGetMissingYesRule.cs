using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF006: apt-get install without -y: the build stops at the confirmation prompt.</summary>
public sealed class AptGetMissingYesRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF006",
        "apt-get-missing-yes",
        Severity.Warning,
        "apt-get install runs without -y.",
        "A build has no terminal: apt-get asks 'Do you want to continue? [Y/n]', reads end of input, prints 'Abort.' and the RUN fails as soon as anything beyond the named packages must be installed.",
        "Add -y (or --yes / --assume-yes) to apt-get install.")
    {
        Equivalents = ["hadolint DL3014"],
        Fixable = true,
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitRun(DockerfileContext context, RunInstruction run)
    {
        foreach (var line in run.CommandLines)
        {
            if (line.Program is not ("apt-get" or "apt") || line.Subcommand?.Value is not ("install" or "upgrade" or "dist-upgrade" or "remove" or "purge" or "autoremove"))
            {
                continue;
            }

            bool assumeYes = line.HasOption('y', "--yes", "--assume-yes") || line.Arguments.Any(word => word.Value is "-qq" or "-q=2" || word.Value.Contains("APT::Get::Assume-Yes", StringComparison.OrdinalIgnoreCase));
            if (!assumeYes)
            {
                var subcommand = line.Subcommand!;
                context.Report(Descriptor, line.Command.Span, $"'{line.Program} {subcommand.Value}' has no -y: the build cannot answer apt's prompt and aborts; add -y", context.Insert("add -y", subcommand.Span.End, " -y"));
            }
        }
    }
}
