using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>DC019: a service joins a network the top-level networks: does not declare.</summary>
public sealed class UndefinedNetworkRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC019",
        "undefined-network",
        Severity.Error,
        "A service uses a network that is not declared.",
        "`docker compose up` refuses the project: \"service \\\"web\\\" refers to undefined network front: invalid compose project\". Only `default` exists without a declaration.",
        "Declare the network under the top-level `networks:` (with `external: true` if it is created outside compose), or fix the name.");

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var stack in context.Compose.Stacks)
        {
            foreach (var service in stack.Services)
            {
                foreach (var network in service.Networks.Where(network => network.Name != "default" && !stack.Networks.ContainsKey(network.Name)))
                {
                    context.Report(Descriptor, network.Node, $"service \"{service.Name}\" refers to undefined network {network.Name}: invalid compose project");
                }
            }
        }
    }
}
