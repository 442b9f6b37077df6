using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA026: a pull_request_target workflow checks out the pull request's head.</summary>
public sealed class PullRequestTargetCheckoutHeadRule : IWorkflowRule
{
    private static readonly string[] HeadReferences =
        ["github.event.pull_request.head.sha", "github.event.pull_request.head.ref", "github.head_ref", "github.event.pull_request.head.repo.full_name", "refs/pull/"];

    public static readonly RuleDescriptor Descriptor = new(
        "GA026",
        "pull-request-target-checkout-head",
        Severity.Error,
        "A workflow triggered by pull_request_target checks out the pull request's head commit.",
        "pull_request_target runs with a write token and the repository's secrets; checking out and building the fork's code hands both to whoever opened the pull request ('pwn request').",
        "Use the pull_request event for building contributed code, or split the work: build untrusted code under pull_request and do the privileged part in a workflow_run workflow.")
    {
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var file in workflows.Workflows.Where(file => file.IsTriggeredBy("pull_request_target")))
        {
            foreach (var (job, step) in file.AllSteps())
            {
                if (!step.UsesAction("actions/checkout"))
                {
                    continue;
                }

                var input = step.Input("ref") ?? step.Input("repository");
                if (input is not null && HeadReferences.Any(reference => input.Value.Contains(reference, StringComparison.Ordinal)))
                {
                    sink.Report(Descriptor, file, input.Span,
                        $"job '{job?.Id.Value}' checks out the pull request head ({input.Value.Trim()}) in a pull_request_target workflow, which runs with secrets and a write token");
                }
            }
        }
    }
}
