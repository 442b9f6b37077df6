using Drydock.Compose.Model;
using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>DC018: services that depend on each other in a cycle.</summary>
public sealed class DependsOnCycleRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC018",
        "depends-on-cycle",
        Severity.Error,
        "depends_on forms a cycle.",
        "Compose orders start-up by depends_on; a cycle has no order, and `docker compose up` stops with \"dependency cycle detected\".",
        "Break the cycle: one of the services must not wait for the other (use retries in the application instead).");

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var stack in context.Compose.Stacks)
        {
            var state = new Dictionary<string, int>(StringComparer.Ordinal);
            var path = new List<(ComposeService Service, ComposeDependency? Via)>();
            foreach (var service in stack.Services)
            {
                Visit(context, stack, service, null, state, path);
            }
        }
    }

    /// <summary>Depth-first search; state 1 = on the current path, 2 = done. A back edge closes a cycle.</summary>
    private static void Visit(ComposeContext context, ComposeStack stack, ComposeService service, ComposeDependency? via, Dictionary<string, int> state, List<(ComposeService Service, ComposeDependency? Via)> path)
    {
        if (state.TryGetValue(service.Name, out int current))
        {
            if (current == 1 && via is not null)
            {
                int start = path.FindIndex(step => step.Service.Name == service.Name);
                var names = path.Skip(start).Select(step => step.Service.Name).Append(service.Name);
                context.Report(Descriptor, via.Node, $"dependency cycle detected: {string.Join(" -> ", names)}");
            }

            return;
        }

        state[service.Name] = 1;
        path.Add((service, via));
        foreach (var dependency in service.DependsOn)
        {
            if (stack.Service(dependency.Service) is { } next)
            {
                Visit(context, stack, next, dependency, state, path);
            }
        }

        path.RemoveAt(path.Count - 1);
        state[service.Name] = 2;
    }
}
