using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>DC000: a compose file that cannot be read or parsed as a compose document.</summary>
public sealed class ComposeUnparsableRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC000",
        "compose-unparsable",
        Severity.Error,
        "A compose file cannot be read or parsed.",
        "docker compose refuses the whole project when one file is not valid YAML or not a mapping; nothing starts, and no other check can run on the file.",
        "Fix the YAML at the reported line and column (indent with spaces, no duplicate keys, one document), then run `docker compose config`.")
    {
        Equivalents = ["dclint invalid-yaml"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var file in context.Compose.Files)
        {
            foreach (var problem in file.Problems)
            {
                if (file.Text is not null && problem.Line > 0)
                {
                    int offset = file.Text.Offset(problem.Line, problem.Column);
                    context.Sink.Report(Descriptor, file.Text, offset, offset, problem.Message);
                }
                else
                {
                    context.Sink.Report(Descriptor, new SourceLocation(problem.Path, problem.Line, problem.Column), problem.Message);
                }
            }
        }
    }
}
