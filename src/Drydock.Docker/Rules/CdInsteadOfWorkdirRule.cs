using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF010: a RUN starts with <c>cd dir &amp;&amp; ...</c> instead of setting WORKDIR.</summary>
public sealed class CdInsteadOfWorkdirRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF010",
        "cd-instead-of-workdir",
        Severity.Info,
        "RUN changes directory with cd.",
        "A cd lasts only until the end of its RUN; later instructions run elsewhere, which is easy to misread, and repeating cd in every RUN hides the layout of the image.",
        "Set WORKDIR before the RUN (WORKDIR creates the folder), or run the command in a subshell when the change is truly local.")
    {
        Equivalents = ["hadolint DL3003"],
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitRun(DockerfileContext context, RunInstruction run)
    {
        if (run.Script is not { } script)
        {
            return;
        }

        // Only a cd at the top level of the script: one inside ( ... ) or $( ... ) is local on purpose.
        foreach (var pipeline in script.Items.SelectMany(item => item.Pipelines))
        {
            if (pipeline.Commands is [SimpleCommand { Name: "cd" } cd] && cd.Arguments.Count == 1 && cd.Arguments[0].Literal is { } path && path.StartsWith('/'))
            {
                context.Report(Descriptor, cd.Span, $"'cd {path}' inside RUN: use 'WORKDIR {path}' before this RUN so every later instruction runs there too");
                return;
            }
        }
    }
}
