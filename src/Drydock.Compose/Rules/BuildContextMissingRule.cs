using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>DC007: a <c>build.context</c> folder that does not exist.</summary>
public sealed class BuildContextMissingRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC007",
        "build-context-missing",
        Severity.Error,
        "The build context folder does not exist.",
        "`docker compose build` (and `up`, which builds) stops with \"unable to prepare context: path ... not found\"; the context is resolved from the folder of the compose file, not from where you run the command.",
        "Point `context:` at an existing folder, relative to the compose file (`..` for the repository root when the compose file lives in deployment/).");

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var service in context.Compose.Stacks.SelectMany(stack => stack.Services))
        {
            if (service.Build is not { ContextPath: { } path, Context: { IsInterpolated: false } written } || ComposeEdits.DirectoryExists(context.Project, path))
            {
                continue;
            }

            context.Report(Descriptor, written, $"build context '{written.Value}' of '{service.Name}' resolves to '{(path.Length == 0 ? "." : path)}', which does not exist");
        }
    }
}
