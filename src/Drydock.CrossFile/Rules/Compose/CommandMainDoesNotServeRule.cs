using Drydock.CrossFile.Rules.Python;
using Drydock.Findings;
using Drydock.Python.Model;

namespace Drydock.CrossFile.Rules.Compose;

/// <summary>DC048: the module a compose override runs serves only when an argv flag is present, and the override does not pass it.</summary>
public sealed class CommandMainDoesNotServeRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC048",
        "command-main-does-not-serve",
        Severity.Error,
        "A compose command: override runs a module whose if __name__ == \"__main__\": block starts the service only when an argv flag is present, and the override does not pass it.",
        "The container runs the other branch (a demo, a one-shot task) and exits: compose restarts it in a loop, its healthcheck never passes, and everything that depends on it never starts.",
        "Start the server directly (uvicorn module:app), or make the main block serve by default; passing the flag only helps if the module's argparse accepts it.");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        foreach (var (start, target) in ComposeCommands.Targets(context).Where(item => item.Command.Kind is CommandTargetKind.Module or CommandTargetKind.File))
        {
            if (target.RunModule(context.Python) is not { } module)
            {
                continue;
            }

            foreach (var check in module.MainBlocks.SelectMany(main => main.ArgvChecks).Where(check => check.Flags.Count > 0 && !check.Flags.Any(target.Arguments.Contains)))
            {
                string otherwise = check.ElseCalls.Count == 0 ? "does nothing and exits" : $"runs {Calls(check.ElseCalls)} and exits";
                ComposeFindings.Report(context, Descriptor, start.NodeFor(target.TargetWord),
                    $"service '{start.Image.Service.Name}' runs '{start.Text}', i.e. {module.Path}, whose main block (line {check.Line}) calls {Calls(check.ThenCalls)} only when {string.Join(" or ", check.Flags)} is in sys.argv; the override passes no such flag, so the container {otherwise}",
                    related: [new RelatedLocation(new SourceLocation(module.Path, check.Line), $"if {check.Condition}:")]);
            }
        }
    }

    private static string Calls(IReadOnlyList<PyCall> calls) =>
        calls.Count == 0 ? "nothing" : string.Join(", ", calls.Select(call => call.Callee + "()").Distinct(StringComparer.Ordinal).Take(3));
}
