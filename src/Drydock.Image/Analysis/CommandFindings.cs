using Drydock.Analysis;
using Drydock.Findings;

namespace Drydock.Image.Analysis;

/// <summary>Shared wording for findings about a resolved command (the entrypoint or the healthcheck).</summary>
internal static class CommandFindings
{
    public static string Quote(IReadOnlyList<string> argv) => "[" + string.Join(", ", argv.Select(arg => "\"" + arg + "\"")) + "]";

    public static void ReportEntrypoint(PlatformContext context, FindingSink sink, RuleDescriptor rule, CommandResolution resolution, string fixAdvice)
    {
        string evidence = string.Join('\n', new[] { $"argv: {Quote(resolution.Argv)}" }.Concat(resolution.Steps));
        sink.Report(
            rule,
            context.Location(resolution.SubjectPath ?? resolution.ResolvedPath),
            $"the container will not start on {context.Platform.Label}: {resolution.Detail}",
            evidence,
            fixAdvice);
    }
}
