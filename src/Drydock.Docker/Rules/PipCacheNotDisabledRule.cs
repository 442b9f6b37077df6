using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF007: pip install in a shipped stage keeps its download cache in the image.</summary>
public sealed class PipCacheNotDisabledRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF007",
        "pip-cache-not-disabled",
        Severity.Info,
        "pip install keeps its cache in the image.",
        "pip stores every downloaded wheel under ~/.cache/pip; in an image layer that is dead weight, often as large as the installed packages.",
        "Add --no-cache-dir, set ENV PIP_NO_CACHE_DIR=1, or use RUN --mount=type=cache,target=/root/.cache/pip.")
    {
        Equivalents = ["hadolint DL3042"],
        Fixable = true,
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitStage(DockerfileContext context, Stage stage)
    {
        if (!context.IsShipped(stage))
        {
            return;
        }

        foreach (var install in stage.Installs.Where(install => install.Manager == PackageManager.Pip))
        {
            var run = install.Instruction;
            var scope = stage.ScopeAt(run);
            bool disabled = install.Line.HasOption(null, "--no-cache-dir")
                || scope["PIP_NO_CACHE_DIR"] is { Value: not ("0" or "false" or "") }
                || install.Command.Assignments.Any(assignment => assignment.Name == "PIP_NO_CACHE_DIR")
                || run.Mounts.Any(mount => mount.Type == "cache" && mount.Target?.Contains("pip", StringComparison.Ordinal) == true);
            if (disabled)
            {
                continue;
            }

            var subcommand = install.Line.Subcommand!;
            context.Report(Descriptor, install.Command.Span, "pip install keeps its download cache in this layer of the shipped image; add --no-cache-dir", context.Insert("add --no-cache-dir", subcommand.Span.End, " --no-cache-dir"));
        }
    }
}
