using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;

namespace Drydock.Image.Rules;

/// <summary>IM015: the entrypoint resolves through a symlink loop.</summary>
public sealed class EntrypointSymlinkLoopRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM015",
        "entrypoint-symlink-loop",
        Severity.Error,
        "The entrypoint path goes through a loop of symbolic links.",
        "The kernel gives up after 40 symlinks with 'too many levels of symbolic links', so the container never starts.",
        "Make one of the links in the loop point at the real file (`ln -sf python3.12 /usr/local/bin/python3`).");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        if (context.Platform.Entrypoint is { } resolution && resolution.Outcome == CommandOutcome.SymlinkLoop)
        {
            CommandFindings.ReportEntrypoint(context, sink, Descriptor, resolution, Descriptor.FixAdvice);
        }
    }
}
