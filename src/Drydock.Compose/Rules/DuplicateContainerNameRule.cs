using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>DC012: two services of one stack share a container_name.</summary>
public sealed class DuplicateContainerNameRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC012",
        "duplicate-container-name",
        Severity.Error,
        "Two services use the same container_name.",
        "Container names are unique per engine: the second container fails with \"Conflict. The container name \\\"/NAME\\\" is already in use\".",
        "Give each service its own container_name, or drop container_name and let compose name containers (project-service-N).")
    {
        Equivalents = ["dclint no-duplicate-container-names"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var stack in context.Compose.Stacks)
        {
            var first = new Dictionary<string, (string Service, Model.ComposeValue Node)>(StringComparer.Ordinal);
            foreach (var service in stack.Services)
            {
                if (service.ContainerName is not { Value: { Length: > 0 } name } node)
                {
                    continue;
                }

                if (first.TryGetValue(name, out var earlier))
                {
                    context.Report(Descriptor, node, $"container_name '{name}' of '{service.Name}' is already used by '{earlier.Service}'", related: [ComposeContext.Related(earlier.Node, $"used by '{earlier.Service}'")]);
                }
                else
                {
                    first[name] = (service.Name, node);
                }
            }
        }
    }
}
