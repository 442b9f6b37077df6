using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;

namespace Drydock.Image.Rules;

/// <summary>IM011: the entrypoint exists but cannot be executed.</summary>
public sealed class EntrypointNotExecutableRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM011",
        "entrypoint-not-executable",
        Severity.Error,
        "The entrypoint exists but has no execute bit, or is a directory.",
        "execve refuses a file without an execute bit ('permission denied'); a directory cannot be run at all.",
        "Set the mode in the Dockerfile (`COPY --chmod=0755 ...` or `RUN chmod +x ...`) or call it through its interpreter (`CMD [\"python\", \"app.py\"]`).");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        if (context.Platform.Entrypoint is { } resolution && resolution.Outcome is CommandOutcome.NotExecutable or CommandOutcome.IsDirectory)
        {
            CommandFindings.ReportEntrypoint(context, sink, Descriptor, resolution, Descriptor.FixAdvice);
        }
    }
}
