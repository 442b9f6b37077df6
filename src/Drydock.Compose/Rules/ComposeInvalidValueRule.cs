using Drydock.Compose.Validation;
using Drydock.Findings;
using Drydock.Yaml;

namespace Drydock.Compose.Rules;

/// <summary>DC003: A value compose rejects: an unknown choice, a bad duration, a bad name or port.</summary>
public sealed class ComposeInvalidValueRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC003",
        "compose-invalid-value",
        Severity.Error,
        "A value compose rejects: an unknown choice, a bad duration, a bad name or port.",
        "A restart policy, a dependency condition, a duration or a port that compose cannot read fails `docker compose config`, or the container at create time.",
        "Use one of the values the message lists, a duration with a unit (`10s`), or a valid port mapping.");

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var (file, problem) in ComposeStructure.Of(context.Project).All)
        {
            if (problem.Kind == SchemaProblemKind.InvalidValue && file.Text is not null)
            {
                var (start, end) = YamlSource.Span(problem.Node);
                context.Sink.Report(Descriptor, file.Text, start, end, problem.Message);
            }
        }

        foreach (var service in context.Compose.Stacks.SelectMany(stack => stack.Services))
        {
            foreach (var port in service.Ports.Where(port => port.Error is not null))
            {
                context.Report(Descriptor, port.Node, $"services.{service.Name}.ports: {port.Error} in '{port.Node.Value}'");
            }

            if (service.Healthcheck is { Form: Model.HealthcheckTestForm.Invalid, Test: { } test })
            {
                context.Report(Descriptor, test, $"services.{service.Name}.healthcheck.test: a list test must start with \"CMD\", \"CMD-SHELL\" or \"NONE\", not \"{service.Healthcheck.Command.FirstOrDefault()}\"", "Write [\"CMD\", \"curl\", \"-f\", \"http://localhost/\"] (exec) or [\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"] (shell).");
            }
        }
    }
}
