using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF005: apt-get install in a shipped stage without removing /var/lib/apt/lists in the same RUN.</summary>
public sealed class AptListsNotCleanedRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF005",
        "apt-lists-not-cleaned",
        Severity.Info,
        "apt package lists stay in the image layer.",
        "The lists apt-get update downloads (tens of MB) are written into the same layer as the packages; deleting them in a later RUN does not shrink the image.",
        "End the RUN with '&& rm -rf /var/lib/apt/lists/*', or use a cache mount for /var/lib/apt/lists.")
    {
        Equivalents = ["hadolint DL3009"],
        Fixable = true,
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitRun(DockerfileContext context, RunInstruction run)
    {
        if (!context.IsShipped(run.Stage) || run.Mounts.Any(mount => mount.Type == "cache" && mount.Target?.StartsWith("/var/lib/apt", StringComparison.Ordinal) == true))
        {
            return;
        }

        var lines = run.CommandLines.ToList();
        var install = lines.FirstOrDefault(line => line.Program is "apt-get" or "apt" && line.Subcommand?.Value == "install");
        if (install is null || !lines.Any(line => line.Program is "apt-get" or "apt" && line.Subcommand?.Value == "update"))
        {
            return;
        }

        bool cleaned = lines.Any(line => line.Program == "rm" && line.Arguments.Any(word => word.Value.StartsWith("/var/lib/apt/lists", StringComparison.Ordinal)));
        if (cleaned)
        {
            return;
        }

        Fix? fix = run.Heredocs.Count == 0 && !run.IsJsonForm
            ? context.Insert("remove the apt lists", run.ArgumentsSpan.End, " " + run.EscapeCharacter + context.Document.Source.NewLine + "    && rm -rf /var/lib/apt/lists/*")
            : null;
        context.Report(Descriptor, install.Command.Span, "this RUN updates apt lists and installs packages but leaves /var/lib/apt/lists in the layer; end it with '&& rm -rf /var/lib/apt/lists/*'", fix);
    }
}
