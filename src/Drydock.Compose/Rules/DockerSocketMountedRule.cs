using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>DC016: the Docker engine socket bind-mounted into a container.</summary>
public sealed class DockerSocketMountedRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC016",
        "docker-socket-mounted",
        Severity.Warning,
        "The Docker socket is mounted into a container.",
        "Whoever can talk to /var/run/docker.sock can start a privileged container with the host's root filesystem: mounting it (even read-only, which does not restrict API calls) gives the container root on the host.",
        "Do not mount the socket into application services; if a tool needs the API, put a filtering proxy (e.g. a docker-socket-proxy allowing only the calls it needs) in between.");

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var service in context.Compose.Stacks.SelectMany(stack => stack.Services))
        {
            foreach (var mount in service.Volumes.Where(mount => mount.Source is not null && context.Knowledge.DockerSockets.Contains(mount.Source)))
            {
                string readOnly = mount.ReadOnly ? " (read-only does not limit what the API allows)" : "";
                context.Report(Descriptor, mount.Node, $"'{service.Name}' mounts the Docker socket {mount.Source}{readOnly}: the container can control the host's Docker engine");
            }
        }
    }
}
