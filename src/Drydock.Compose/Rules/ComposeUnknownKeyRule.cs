using Drydock.Compose.Validation;
using Drydock.Findings;
using Drydock.Yaml;

namespace Drydock.Compose.Rules;

/// <summary>DC001: A key the Compose Specification does not define.</summary>
public sealed class ComposeUnknownKeyRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC001",
        "compose-unknown-key",
        Severity.Error,
        "A key the Compose Specification does not define.",
        "`docker compose config` and `up` reject the whole project on an unknown key (often a typo such as `enviroment` or a key at the wrong level), so the stack never starts.",
        "Correct the key's spelling or indentation; custom data goes under an `x-` key.")
    {
        Equivalents = ["dclint invalid-schema"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var (file, problem) in ComposeStructure.Of(context.Project).All)
        {
            if (problem.Kind == SchemaProblemKind.UnknownKey && file.Text is not null)
            {
                var (start, end) = YamlSource.Span(problem.Node);
                context.Sink.Report(Descriptor, file.Text, start, end, problem.Message);
            }
        }
    }
}
