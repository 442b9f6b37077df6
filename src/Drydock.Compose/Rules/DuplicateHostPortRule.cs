using Drydock.Compose.Model;
using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>DC009: two port mappings of one stack publish the same host port (same protocol, overlapping address).</summary>
public sealed class DuplicateHostPortRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC009",
        "duplicate-host-port",
        Severity.Error,
        "The same host port is published twice in one stack.",
        "Only one container can bind a host port: the second one fails at `docker compose up` with \"Bind for 0.0.0.0:PORT failed: port is already allocated\".",
        "Publish each host port once: change one mapping's host side (e.g. \"8001:8000\"), or drop the host side to let the engine choose.")
    {
        Equivalents = ["dclint no-duplicate-exported-ports"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var stack in context.Compose.Stacks)
        {
            var seen = new List<(ComposeService Service, ComposePort Port)>();
            foreach (var service in stack.Services)
            {
                foreach (var port in service.Ports.Where(port => port.Mapping is { HasFixedHostPort: true }))
                {
                    var clash = seen.FirstOrDefault(earlier => Clashes(earlier, (service, port)));
                    if (clash.Port is not null)
                    {
                        var mapping = port.Mapping!;
                        context.Report(
                            Descriptor,
                            port.Node,
                            $"host port {mapping.Host}/{mapping.Protocol} of '{service.Name}' is already published by '{clash.Service.Name}' ({clash.Port.Node.Value})",
                            related: [ComposeContext.Related(clash.Port.Node, $"first published by '{clash.Service.Name}'")]);
                    }

                    seen.Add((service, port));
                }
            }
        }
    }

    private static bool Clashes((ComposeService Service, ComposePort Port) a, (ComposeService Service, ComposePort Port) b)
    {
        var x = a.Port.Mapping!;
        var y = b.Port.Mapping!;
        if (x.Protocol != y.Protocol || !x.Host!.Value.Overlaps(y.Host!.Value))
        {
            return false;
        }

        if (!x.BindsAllInterfaces && !y.BindsAllInterfaces && x.HostIp != y.HostIp)
        {
            return false;
        }

        // Identical entries of one service (a base file and its override) are merged by compose.
        if (ReferenceEquals(a.Service, b.Service) && x == y)
        {
            return false;
        }

        // Services in disjoint profiles never run together.
        return a.Service.Profiles.Count == 0 || b.Service.Profiles.Count == 0 || a.Service.Profiles.Intersect(b.Service.Profiles).Any();
    }
}
