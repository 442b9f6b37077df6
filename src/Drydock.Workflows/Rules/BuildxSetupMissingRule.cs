using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA018: build-push-action needs a buildx builder (multi-platform or gha cache) and no setup-buildx runs before it.</summary>
public sealed class BuildxSetupMissingRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA018",
        "buildx-setup-missing",
        Severity.Error,
        "docker/build-push-action builds several platforms or uses the gha cache, but no docker/setup-buildx-action step creates a builder before it.",
        "The default 'docker' driver builds one platform and exports no cache: the build fails with 'Multi-platform build is not supported for the docker driver' or 'Cache export is not supported for the docker driver'.",
        "Add '- uses: docker/setup-buildx-action@v3' before the build step.")
    {
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var build in workflows.ImageBuilds())
        {
            bool buildx = build.Job.Steps.Take(build.Step.Index).Any(step => step.UsesAction("docker/setup-buildx-action"));
            if (buildx || build.Step.HasInput("builder"))
            {
                continue;
            }

            if (build.Platforms.Count > 1)
            {
                sink.Report(Descriptor, build.File, build.Step.Input("platforms")!.Span,
                    $"job '{build.Job.Id.Value}' builds {string.Join(", ", build.Platforms)} without docker/setup-buildx-action: 'Multi-platform build is not supported for the docker driver'");
            }
            else if (build.Step.Input("cache-to") is { } cacheTo && cacheTo.Value.Contains("type=gha", StringComparison.Ordinal))
            {
                sink.Report(Descriptor, build.File, cacheTo.Span,
                    $"job '{build.Job.Id.Value}' exports a gha cache without docker/setup-buildx-action: 'Cache export is not supported for the docker driver'");
            }
        }
    }
}
