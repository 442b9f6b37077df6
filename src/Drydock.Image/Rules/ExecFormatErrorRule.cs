using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;

namespace Drydock.Image.Rules;

/// <summary>IM013: the entrypoint binary is for another architecture, or not an executable format.</summary>
public sealed class ExecFormatErrorRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM013",
        "exec-format-error",
        Severity.Error,
        "The entrypoint binary is built for another architecture than the platform, or is not an executable format at all.",
        "The kernel refuses an ELF whose e_machine is not its own, and a file that is neither ELF nor #! script: the container dies with 'exec format error' before any log line is written.",
        "Build the binary for the target platform (use TARGETARCH in a multi-arch build, or `--platform=$BUILDPLATFORM` only for build stages), and add a #! line to scripts.");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        if (context.Platform.Entrypoint is { } resolution && resolution.Outcome is CommandOutcome.WrongArchitecture or CommandOutcome.NotAnExecutableFormat)
        {
            CommandFindings.ReportEntrypoint(context, sink, Descriptor, resolution, Descriptor.FixAdvice);
        }
    }
}
