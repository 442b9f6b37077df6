using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA017: build-push-action builds several platforms with no docker/setup-qemu-action before it.</summary>
public sealed class MultiPlatformWithoutQemuRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA017",
        "multi-platform-without-qemu",
        Severity.Error,
        "docker/build-push-action builds for several platforms, but no docker/setup-qemu-action step runs before it in the job.",
        "Without QEMU's binfmt handlers the runner cannot execute foreign binaries: the first RUN of the arm64 stage fails with 'exec format error'.",
        "Add '- uses: docker/setup-qemu-action@v3' before the build step (and docker/setup-buildx-action@v3).")
    {
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var build in workflows.ImageBuilds())
        {
            if (build.Platforms.Count < 2)
            {
                continue;
            }

            bool qemu = build.Job.Steps.Take(build.Step.Index).Any(step => step.UsesAction("docker/setup-qemu-action"));
            if (!qemu)
            {
                var platforms = build.Step.Input("platforms")!;
                sink.Report(Descriptor, build.File, platforms.Span,
                    $"job '{build.Job.Id.Value}' builds {string.Join(", ", build.Platforms)} with no docker/setup-qemu-action step before it; RUN steps of the foreign platforms fail with 'exec format error'");
            }
        }
    }
}
