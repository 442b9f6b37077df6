using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF013: a pipe in RUN without pipefail: a failing download is hidden by the command after the pipe.</summary>
public sealed class PipeWithoutPipefailRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF013",
        "pipe-without-pipefail",
        Severity.Warning,
        "RUN pipes commands without pipefail.",
        "A pipeline's status is its last command's: in 'curl -fsSL URL | sh' or 'wget -O- URL | tar x', a failed download still 'succeeds', and the build goes on with a broken image.",
        "Set SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before the RUN (or start it with 'set -o pipefail &&' where the shell supports it).")
    {
        Equivalents = ["hadolint DL4006"],
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitRun(DockerfileContext context, RunInstruction run)
    {
        if (run.Stage is not { } stage || run.IsJsonForm)
        {
            return;
        }

        var shell = stage.ShellAt(run);
        if (shell.Contains("pipefail") || shell.Any(argument => argument.Contains("pwsh", StringComparison.OrdinalIgnoreCase) || argument.Contains("powershell", StringComparison.OrdinalIgnoreCase) || argument.Contains("cmd", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var pipeline = run.Scripts.SelectMany(script => script.AllPipelines()).FirstOrDefault(candidate => candidate.HasPipe && !candidate.PipefailSet);
        if (pipeline is not null)
        {
            string first = (pipeline.Commands[0] as SimpleCommand)?.Name ?? "the first command";
            context.Report(Descriptor, pipeline.Span, $"if {first} fails, this pipe still succeeds and the build goes on; set SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before this RUN");
        }
    }
}
