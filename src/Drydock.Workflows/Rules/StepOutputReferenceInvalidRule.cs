using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Knowledge;
using Drydock.Workflows.Model;
using Drydock.Workflows.Parsing;

namespace Drydock.Workflows.Rules;

/// <summary>GA022: steps.&lt;id&gt;.outputs.&lt;name&gt; where the step id or the output does not exist, or the step runs later.</summary>
public sealed class StepOutputReferenceInvalidRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA022",
        "step-output-reference-invalid",
        Severity.Error,
        "An expression reads steps.<id>.outputs.<name>, but no earlier step of the job has that id, or its action has no such output.",
        "The reference evaluates to an empty string: build-push-action gets no tags and fails ('tag is needed when pushing to registry'), or a later step silently uses an empty value.",
        "Give the step the id you reference (ids are case-sensitive), reference it only after it runs, and use an output the action defines.")
    {
        Equivalents = ["actionlint expression"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var site in workflows.Files.SelectMany(file => file.Expressions))
        {
            if (site.Tree is null)
            {
                continue;
            }

            var steps = site.Job?.Steps ?? (site.File.Kind == WorkflowFileKind.CompositeAction ? site.File.ActionSteps : null);
            if (steps is null)
            {
                continue;
            }

            foreach (var (node, path) in ExprNodes.AccessChains(site.Tree))
            {
                if (path.Count < 2 || path[0] != "steps" || path[1] == "*")
                {
                    continue;
                }

                string? problem = Problem(site, steps, path);
                if (problem is not null)
                {
                    sink.Report(Descriptor, site.File, site.SpanOf(node.Start, node.End), problem);
                }
            }
        }
    }

    private static string? Problem(ExpressionSite site, IReadOnlyList<Step> steps, IReadOnlyList<string> path)
    {
        string id = path[1];
        string reference = string.Join('.', path);
        var target = steps.FirstOrDefault(step => step.Id?.Value == id);
        if (target is null)
        {
            var ids = steps.Select(step => step.Id?.Value).OfType<string>().ToList();
            string known = ids.Count == 0 ? "no step has an id" : $"step ids: {string.Join(", ", ids)}";
            return $"{reference}: no step of {Owner(site)} has id '{id}'{WorkflowReporting.Suggest(id, ids)} ({known})";
        }

        if (site.Step is { } current && target.Index >= current.Index)
        {
            return target == current
                ? $"{reference}: a step cannot read its own outputs"
                : $"{reference}: step '{id}' runs after step '{current.DisplayName}', so its outputs are still empty here";
        }

        if (path.Count >= 3 && path[2] is not ("outputs" or "outcome" or "conclusion" or "*"))
        {
            return $"{reference}: a step has only 'outputs', 'outcome' and 'conclusion', not '{path[2]}'";
        }

        if (path.Count < 4 || path[2] != "outputs" || path[3] == "*")
        {
            return null;
        }

        if (target.Uses is { Kind: ActionKind.Repository, Major: int major } uses
            && WorkflowKnowledge.Metadata(uses.Slug, major) is { } metadata
            && !metadata.Outputs.Contains(path[3]))
        {
            return $"{reference}: {uses.Slug}@{uses.Ref} has no output '{path[3]}'{WorkflowReporting.Suggest(path[3], metadata.Outputs)} (outputs: {string.Join(", ", metadata.Outputs)})";
        }

        return null;
    }

    private static string Owner(ExpressionSite site) => site.Job is { } job ? $"job '{job.Id.Value}'" : "the action";
}
