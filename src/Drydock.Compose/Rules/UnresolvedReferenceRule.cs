using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>DC022: an <c>include</c> file, an <c>extends</c> file or an extended service that does not exist.</summary>
public sealed class UnresolvedReferenceRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC022",
        "include-or-extends-unresolved",
        Severity.Error,
        "include: or extends: points at a file or service that does not exist.",
        "Compose loads included and extended files before anything else; a missing one stops `docker compose config` and `up` for the whole project.",
        "Fix the path (relative to the file that includes or extends) or the service name.");

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var stack in context.Compose.Stacks)
        {
            foreach (var include in stack.Includes.Where(include => !include.Exists && !include.Node.IsInterpolated))
            {
                context.Report(Descriptor, include.Node, $"included file '{include.Node.Value}' does not exist{(include.Path is null ? "" : $" (resolved to '{include.Path}')")}");
            }

            foreach (var service in stack.Services)
            {
                if (service.Extends is { Problem: { } problem } extends)
                {
                    context.Report(Descriptor, extends.Node, $"service \"{service.Name}\": {problem}");
                }
            }
        }
    }
}
