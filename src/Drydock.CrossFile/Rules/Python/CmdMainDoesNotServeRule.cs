using Drydock.CrossFile.Knowledge;
using Drydock.Findings;

namespace Drydock.CrossFile.Rules.Python;

/// <summary>DF056: the module's main block serves only when an argv flag CMD does not pass is present.</summary>
public sealed class CmdMainDoesNotServeRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF056",
        "cmd-main-does-not-serve",
        Severity.Error,
        "The module CMD runs has an if __name__ == \"__main__\": block that starts the service only when an argv flag is present, and CMD does not pass it.",
        "The container runs the other branch (a demo, a one-shot task) and exits: compose restarts it in a loop and everything that depends on it never starts.",
        "Start the server directly (uvicorn module:app), or make the main block serve by default; passing the flag only helps if the module's argparse accepts it.");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        foreach (var document in context.Dockerfiles.Documents)
        {
            if (document.FinalStage is not { } stage || ContainerCommand.Of(context, document, stage) is not { Kind: CommandTargetKind.Module or CommandTargetKind.File } command
                || command.RunModule(context.Python) is not { } module)
            {
                continue;
            }

            foreach (var main in module.MainBlocks)
            {
                // Only a flag that gates the service: the flagged branch starts something long-running, the other does not.
                var serviceCalls = ServiceCalls.Default;
                foreach (var check in main.ArgvChecks.Where(check => check.Flags.Count > 0 && !check.Flags.Any(command.Arguments.Contains)
                    && serviceCalls.Serves(check.ThenCalls.Select(call => call.QualifiedName)) && !serviceCalls.Serves(check.ElseCalls.Select(call => call.QualifiedName))))
                {
                    string then = Calls(check.ThenCalls);
                    string otherwise = check.ElseCalls.Count == 0 ? "does nothing and exits" : $"runs {Calls(check.ElseCalls)} and exits";
                    context.Sink.Report(Descriptor, document.Source, command.Instruction!.Span.Start, command.Instruction.Span.End,
                        $"'{command.Text}' runs {module.Path}, whose main block (line {check.Line}) calls {then} only when {string.Join(" or ", check.Flags)} is in sys.argv; CMD passes no such flag, so the container {otherwise} (main block: {main.Summary})",
                        related: [new RelatedLocation(new SourceLocation(module.Path, check.Line), $"if {check.Condition}:")]);
                }
            }
        }
    }

    private static string Calls(IReadOnlyList<Drydock.Python.Model.PyCall> calls) =>
        calls.Count == 0 ? "nothing" : string.Join(", ", calls.Select(call => call.Callee + "()").Distinct(StringComparer.Ordinal).Take(3));
}
