using Drydock.Compose.Validation;
using Drydock.Findings;
using Drydock.Yaml;

namespace Drydock.Compose.Rules;

/// <summary>DC002: A value has the wrong shape, or a required key is missing.</summary>
public sealed class ComposeWrongTypeRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC002",
        "compose-wrong-type",
        Severity.Error,
        "A value has the wrong shape, or a required key is missing.",
        "Compose validates every value's type before anything runs: a mapping where a list is required, or a missing required key, stops `docker compose up` with a validation error.",
        "Write the value in the form the specification gives (a list, a mapping or a string), and add the missing key.")
    {
        Equivalents = ["dclint invalid-schema"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var (file, problem) in ComposeStructure.Of(context.Project).All)
        {
            if (problem.Kind == SchemaProblemKind.WrongType && file.Text is not null)
            {
                var (start, end) = YamlSource.Span(problem.Node);
                context.Sink.Report(Descriptor, file.Text, start, end, problem.Message);
            }
        }
    }
}
