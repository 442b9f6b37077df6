using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF025: apk add without --no-cache in a shipped stage.</summary>
public sealed class ApkCacheKeptRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF025",
        "apk-cache-kept",
        Severity.Info,
        "apk add keeps its index cache in the image.",
        "Without --no-cache, apk writes its package index to /var/cache/apk in the layer: megabytes of dead weight in every image.",
        "Use 'apk add --no-cache ...' (no 'apk update' needed), or a cache mount for /var/cache/apk.")
    {
        Equivalents = ["hadolint DL3019"],
        Fixable = true,
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitStage(DockerfileContext context, Stage stage)
    {
        if (!context.IsShipped(stage))
        {
            return;
        }

        foreach (var install in stage.Installs.Where(install => install.Manager == PackageManager.Apk))
        {
            var run = install.Instruction;
            bool clean = install.Line.HasOption(null, "--no-cache")
                || run.Mounts.Any(mount => mount.Type == "cache" && mount.Target?.StartsWith("/var/cache/apk", StringComparison.Ordinal) == true)
                || run.CommandLines.Any(line => line.Program == "rm" && line.Arguments.Any(word => word.Value.StartsWith("/var/cache/apk", StringComparison.Ordinal)));
            if (!clean)
            {
                var subcommand = install.Line.Subcommand!;
                context.Report(Descriptor, install.Command.Span, "apk add keeps /var/cache/apk in this layer; use 'apk add --no-cache'", context.Insert("add --no-cache", subcommand.Span.End, " --no-cache"));
            }
        }
    }
}
