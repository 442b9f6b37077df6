using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;

namespace Drydock.Image.Rules;

/// <summary>IM016: the image has neither ENTRYPOINT nor CMD.</summary>
public sealed class NoCommandRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM016",
        "no-command",
        Severity.Error,
        "The image has neither ENTRYPOINT nor CMD.",
        "`docker run IMAGE` and compose fail with 'no command specified' unless every user passes a command.",
        "Add `CMD [\"...\"]` (exec form) to the final stage of the Dockerfile.");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        if (context.Platform.Entrypoint is { } resolution && resolution.Outcome == CommandOutcome.NoCommand)
        {
            CommandFindings.ReportEntrypoint(context, sink, Descriptor, resolution, Descriptor.FixAdvice);
        }
    }
}
