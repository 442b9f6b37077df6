using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF027: apt (the interactive front end) in RUN.</summary>
public sealed class AptInsteadOfAptGetRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF027",
        "apt-instead-of-apt-get",
        Severity.Warning,
        "RUN uses apt instead of apt-get.",
        "apt is meant for people at a terminal: its command-line interface is not stable, it warns 'apt does not have a stable CLI interface. Use with caution in scripts.', and its output and prompts may change between releases.",
        "Use apt-get (and apt-cache) in Dockerfiles.")
    {
        Equivalents = ["hadolint DL3027"],
        Fixable = true,
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitRun(DockerfileContext context, RunInstruction run)
    {
        foreach (var line in run.CommandLines.Where(line => line.Program == "apt" && line.ProgramWord is { IsQuoted: false }))
        {
            var word = line.ProgramWord!;
            bool plain = word.Raw == "apt";
            context.Report(Descriptor, word.Span, $"'apt {line.Subcommand?.Value}' in a script: use 'apt-get {line.Subcommand?.Value}', whose interface is stable", plain ? context.Replace("use apt-get", word.Span, "apt-get") : null);
        }
    }
}
