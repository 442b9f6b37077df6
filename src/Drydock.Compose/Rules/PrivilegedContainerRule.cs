using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>DC015: <c>privileged: true</c>.</summary>
public sealed class PrivilegedContainerRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC015",
        "privileged-container",
        Severity.Warning,
        "A service runs privileged.",
        "A privileged container gets every capability and every host device: a process that escapes the application owns the host. It is rarely needed for an application service.",
        "Remove `privileged: true`; grant only what is needed with `cap_add:` (e.g. NET_ADMIN) or `devices:`.");

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var service in context.Compose.Stacks.SelectMany(stack => stack.Services))
        {
            if (service.IsPrivileged)
            {
                context.Report(Descriptor, service.Privileged!, $"'{service.Name}' runs privileged: it has full access to the host's devices and kernel");
            }
        }
    }
}
