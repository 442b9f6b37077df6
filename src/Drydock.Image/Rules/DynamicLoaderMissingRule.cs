using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;

namespace Drydock.Image.Rules;

/// <summary>IM014: a dynamically linked entrypoint needs a loader the image lacks.</summary>
public sealed class DynamicLoaderMissingRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM014",
        "dynamic-loader-missing",
        Severity.Error,
        "The entrypoint is dynamically linked against a loader (PT_INTERP) that the image lacks: a glibc binary on musl, or the reverse.",
        "The kernel loads the ELF interpreter first; without it exec fails with 'no such file or directory' although the binary is right there, the most confusing error of all.",
        "Build the binary in a stage with the same C library as the final stage (alpine with alpine, debian with debian), or link it statically (CGO_ENABLED=0, musl static).");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        if (context.Platform.Entrypoint is { } resolution && resolution.Outcome == CommandOutcome.LoaderMissing)
        {
            CommandFindings.ReportEntrypoint(context, sink, Descriptor, resolution, Descriptor.FixAdvice);
        }
    }
}
