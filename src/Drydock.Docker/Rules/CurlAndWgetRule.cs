using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF028: a stage uses both curl and wget.</summary>
public sealed class CurlAndWgetRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF028",
        "curl-and-wget",
        Severity.Style,
        "A stage uses both curl and wget.",
        "Two tools doing the same job means two packages to install, patch and scan; one is enough.",
        "Pick one (curl -fsSL or wget -qO-) and use it everywhere in the stage.")
    {
        Equivalents = ["hadolint DL4001"],
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitStage(DockerfileContext context, Stage stage)
    {
        var lines = stage.InstructionsOf<RunInstruction>().SelectMany(run => run.CommandLines).ToList();
        var curl = lines.FirstOrDefault(line => line.Program == "curl");
        var wget = lines.FirstOrDefault(line => line.Program == "wget");
        if (curl is not null && wget is not null)
        {
            var later = curl.Command.Span.Start > wget.Command.Span.Start ? curl : wget;
            var earlier = later == curl ? wget : curl;
            context.Report(Descriptor, later.ProgramWord!.Span, $"stage {stage.DisplayName} uses both {earlier.Program} and {later.Program}; use {earlier.Program} here too and install only one of them");
        }
    }
}
