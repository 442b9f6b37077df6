using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>DC017: depends_on names a service the stack does not define.</summary>
public sealed class DependsOnUndefinedServiceRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC017",
        "depends-on-undefined-service",
        Severity.Error,
        "depends_on names a service that does not exist.",
        "`docker compose up` refuses the project: \"service \\\"api\\\" depends on undefined service \\\"redis\\\": invalid compose project\". A renamed service or a typo is the usual cause.",
        "Use the exact name of a service of this stack, or add `required: false` if the dependency is optional.");

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var stack in context.Compose.Stacks)
        {
            foreach (var service in stack.Services)
            {
                foreach (var dependency in service.DependsOn.Where(dependency => dependency.Required && stack.Service(dependency.Service) is null))
                {
                    var close = stack.Services.Select(candidate => candidate.Name).FirstOrDefault(name => string.Equals(name, dependency.Service, StringComparison.OrdinalIgnoreCase) || name.Replace('_', '-') == dependency.Service.Replace('_', '-'));
                    string hint = close is null ? "" : $" (did you mean \"{close}\"?)";
                    context.Report(Descriptor, dependency.Node, $"service \"{service.Name}\" depends on undefined service \"{dependency.Service}\": invalid compose project{hint}");
                }
            }
        }
    }
}
