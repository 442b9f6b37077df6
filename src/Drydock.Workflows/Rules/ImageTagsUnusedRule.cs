using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;
using Drydock.Workflows.Parsing;

namespace Drydock.Workflows.Rules;

/// <summary>GA021: docker/metadata-action computes tags that nothing in the job uses.</summary>
public sealed class ImageTagsUnusedRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA021",
        "image-tags-computed-unused",
        Severity.Warning,
        "A docker/metadata-action step computes tags and labels, but no later step reads its outputs (or it has no id to read them by).",
        "The image is pushed under hand-written tags (or none): the version and SHA tags the metadata step was meant to add never reach the registry.",
        "Give the metadata step an id and pass 'tags: ${{ steps.<id>.outputs.tags }}' and 'labels: ${{ steps.<id>.outputs.labels }}' to docker/build-push-action.")
    {
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var file in workflows.Workflows)
        {
            foreach (var job in file.Jobs)
            {
                foreach (var step in job.Steps.Where(step => step.UsesAction("docker/metadata-action")))
                {
                    if (step.Id is not { } id)
                    {
                        sink.Report(Descriptor, file, step.Anchor, $"metadata step '{step.DisplayName}' of job '{job.Id.Value}' has no id, so no step can read the tags it computes");
                        continue;
                    }

                    bool used = file.Expressions.Any(site => site.Job == job && site.Tree is not null
                        && ExprNodes.AccessChains(site.Tree).Any(chain => chain.Path.Count >= 3 && chain.Path[0] == "steps" && chain.Path[1] == id.Value && chain.Path[2] == "outputs"))
                        || job.Steps.Any(other => other.Run?.Value.Contains("DOCKER_METADATA_OUTPUT_", StringComparison.Ordinal) ?? false);
                    if (!used)
                    {
                        sink.Report(Descriptor, file, id.Span, $"the tags computed by metadata step '{id.Value}' are never used: no step of job '{job.Id.Value}' reads steps.{id.Value}.outputs");
                    }
                }
            }
        }
    }
}
