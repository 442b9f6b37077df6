using Drydock.Compose.Model;
using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>DC020: a named volume mounted by a service but not declared under the top-level volumes:.</summary>
public sealed class UndefinedVolumeRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC020",
        "undefined-volume",
        Severity.Error,
        "A service mounts a named volume that is not declared.",
        "`docker compose up` refuses the project: \"service \\\"db\\\" refers to undefined volume pgdata: invalid compose project\". A source without ./ or / is a volume name, not a path.",
        "Declare the volume under the top-level `volumes:`, or write a bind mount path (`./data:/var/lib/data`).");

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var stack in context.Compose.Stacks)
        {
            foreach (var service in stack.Services)
            {
                foreach (var mount in service.Volumes.Where(mount => mount is { Type: MountType.Volume, Source: { Length: > 0 } } && !mount.Node.IsInterpolated && !stack.Volumes.ContainsKey(mount.Source!)))
                {
                    context.Report(Descriptor, mount.Node, $"service \"{service.Name}\" refers to undefined volume {mount.Source}: invalid compose project");
                }
            }
        }
    }
}
