using Drydock.CrossFile.Rules.Python;
using Drydock.Findings;

namespace Drydock.CrossFile.Rules.Compose;

/// <summary>DC049: a compose command override passes an option the module's argparse parser does not define.</summary>
public sealed class CommandFlagRejectedByArgparseRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC049",
        "command-flag-rejected-by-argparse",
        Severity.Error,
        "A compose command: override passes a flag that the argparse parser of the module it runs does not define, so the container exits with status 2.",
        "argparse stops at an unknown option ('error: unrecognized arguments: --server', exit code 2) before any service code runs; compose restarts the container in a loop.",
        "Pass only options the parser defines, add the option to the parser, or use parse_known_args() where extra flags are expected.");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        foreach (var (start, target) in ComposeCommands.Targets(context).Where(item => item.Command.Kind != CommandTargetKind.App))
        {
            if (target.RunModule(context.Python) is not { } module || module.Argparse is not { IsUsed: true, ParseCalls.Count: > 0, OnlyParsesKnownArgs: false, HasSubparsers: false } argparse)
            {
                continue;
            }

            string? function = target.Kind == CommandTargetKind.Script ? target.Attribute : null;
            if (function is not null && argparse.Arguments.All(argument => argument.Call.Placement.Function != function))
            {
                continue;
            }

            foreach (string flag in target.Arguments.TakeWhile(argument => argument != "--").Where(argument => argument.StartsWith('-') && argument.Length > 1 && !argparse.Accepts(argument)))
            {
                string defined = string.Join(", ", argparse.Arguments.SelectMany(argument => argument.OptionStrings).Distinct(StringComparer.Ordinal));
                var parse = argparse.ParseCalls[0];
                ComposeFindings.Report(context, Descriptor, start.NodeFor(flag),
                    $"service '{start.Image.Service.Name}' runs '{start.Text}', passing {flag}, but the argparse parser in {module.Path} defines only {(defined.Length == 0 ? "-h" : defined)}: parse_args() (line {parse.Line}) exits with status 2, 'unrecognized arguments: {flag}'",
                    related: [new RelatedLocation(new SourceLocation(module.Path, parse.Line), "parse_args()")]);
            }
        }
    }
}
