using Drydock.Findings;

namespace Drydock.CrossFile.Rules.Python;

/// <summary>DF057: CMD passes an option that the module's argparse parser does not define.</summary>
public sealed class CmdFlagRejectedByArgparseRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF057",
        "cmd-flag-rejected-by-argparse",
        Severity.Error,
        "CMD passes a flag that the module's argparse parser does not define, so the container exits with status 2.",
        "argparse stops at an unknown option ('error: unrecognized arguments: --server', exit code 2) before any service code runs.",
        "Pass only options the parser defines, add the option to the parser, or use parse_known_args() where extra flags are expected.");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        foreach (var document in context.Dockerfiles.Documents)
        {
            if (document.FinalStage is not { } stage || ContainerCommand.Of(context, document, stage) is not { Kind: not CommandTargetKind.App } command
                || command.RunModule(context.Python) is not { } module)
            {
                continue;
            }

            var argparse = module.Argparse;
            if (!argparse.IsUsed || argparse.ParseCalls.Count == 0 || argparse.OnlyParsesKnownArgs || argparse.HasSubparsers)
            {
                continue;
            }

            string? function = command.Kind == CommandTargetKind.Script ? command.Attribute : null;
            foreach (string flag in command.Arguments.TakeWhile(argument => argument != "--").Where(argument => argument.StartsWith('-') && argument.Length > 1))
            {
                if (argparse.Accepts(flag) || (function is not null && argparse.Arguments.All(argument => argument.Call.Placement.Function != function)))
                {
                    continue;
                }

                string defined = string.Join(", ", argparse.Arguments.SelectMany(argument => argument.OptionStrings).Distinct(StringComparer.Ordinal));
                var parse = argparse.ParseCalls[0];
                context.Sink.Report(Descriptor, document.Source, command.Instruction!.Span.Start, command.Instruction.Span.End,
                    $"'{command.Text}' passes {flag}, but the argparse parser in {module.Path} defines only {(defined.Length == 0 ? "-h" : defined)}: parse_args() (line {parse.Line}) exits with status 2, 'unrecognized arguments: {flag}'",
                    related: [new RelatedLocation(new SourceLocation(module.Path, parse.Line), "parse_args()")]);
            }
        }
    }
}
