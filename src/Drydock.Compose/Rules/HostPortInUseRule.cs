using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>
/// DC010: a published host port that a process on this machine already listens on (read from
/// /proc/net/tcp and /proc/net/tcp6). Runs only with the "host-ports" switch, since the answer
/// depends on the machine, not on the repository.
/// </summary>
public sealed class HostPortInUseRule : IComposeRule
{
    public const string Switch = "host-ports";

    public static readonly RuleDescriptor Descriptor = new(
        "DC010",
        "host-port-in-use",
        Severity.Warning,
        "A published host port is already in use on this machine (--host-ports).",
        "`docker compose up` fails for that service with \"Bind for 0.0.0.0:PORT failed: port is already allocated\" or \"address already in use\" while another process (often an older container or a local server) holds the port.",
        "Stop the process that listens on the port (`ss -ltnp 'sport = :PORT'`), or publish a different host port.");

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        if (!context.Project.Switches.Contains(Switch))
        {
            return;
        }

        var sockets = context.ListeningSockets();
        if (sockets.Count == 0)
        {
            return;
        }

        foreach (var service in context.Compose.Stacks.SelectMany(stack => stack.Services))
        {
            foreach (var port in service.Ports.Where(port => port.Mapping is { HasFixedHostPort: true, Protocol: "tcp" }))
            {
                var mapping = port.Mapping!;
                var holder = sockets.FirstOrDefault(socket => mapping.Host!.Value.Contains(socket.Port)
                    && (mapping.BindsAllInterfaces || socket.IsWildcard || socket.Address.ToString() == mapping.HostIp));
                if (holder is not null)
                {
                    context.Report(Descriptor, port.Node, $"host port {holder.Port} of '{service.Name}' is already in use on this machine: listening socket {holder}");
                }
            }
        }
    }
}
