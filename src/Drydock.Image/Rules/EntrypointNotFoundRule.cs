using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;

namespace Drydock.Image.Rules;

/// <summary>IM010: the entrypoint is missing, or a symlink to nothing.</summary>
public sealed class EntrypointNotFoundRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM010",
        "entrypoint-not-found",
        Severity.Error,
        "The program the container runs (ENTRYPOINT + CMD) does not exist in the image, or is a symlink that points at nothing.",
        "The container exits at once with 'executable file not found in $PATH' or 'no such file or directory'; a dangling symlink (python -> python3 with no python3) looks fine in a directory listing.",
        "Point ENTRYPOINT/CMD at a path that exists in the final stage (COPY it from the build stage, or install the package there), and fix or remove the dangling symlink.");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        if (context.Platform.Entrypoint is { } resolution && resolution.Outcome == CommandOutcome.NotFound)
        {
            CommandFindings.ReportEntrypoint(context, sink, Descriptor, resolution, Descriptor.FixAdvice);
        }
    }
}
