using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF009: sudo in RUN.</summary>
public sealed class SudoUsedRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF009",
        "sudo-used",
        Severity.Warning,
        "RUN uses sudo.",
        "sudo is usually absent from base images (the RUN fails with 'sudo: not found'); where present, it needs a TTY or sudoers setup and behaves unpredictably in a build.",
        "Drop sudo: switch with 'USER root' before the RUN and back to the application user after it.")
    {
        Equivalents = ["hadolint DL3004"],
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitRun(DockerfileContext context, RunInstruction run)
    {
        foreach (var line in run.CommandLines.Where(line => line.IsRunWithSudo))
        {
            var sudo = line.Wrappers.First(word => word.Value is "sudo" or "doas");
            context.Report(Descriptor, sudo.Span, $"'{sudo.Value} {line.Program}': RUN already runs as the current USER; use 'USER root' around this RUN instead of {sudo.Value}");
        }
    }
}
