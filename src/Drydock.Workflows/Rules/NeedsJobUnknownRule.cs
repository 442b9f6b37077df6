using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA006: needs names a job that the workflow does not define (or the job itself).</summary>
public sealed class NeedsJobUnknownRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA006",
        "needs-job-unknown",
        Severity.Error,
        "A job's needs: names a job that does not exist in the workflow.",
        "GitHub rejects the workflow ('Job 'x' depends on unknown job 'y''), so nothing runs.",
        "Name an existing job id (ids are case-sensitive as written) or drop the dependency.")
    {
        Equivalents = ["actionlint job-needs"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var file in workflows.Workflows)
        {
            var ids = file.Jobs.Select(job => job.Id.Value).ToList();
            foreach (var job in file.Jobs)
            {
                foreach (var need in job.Needs.Where(need => !need.HasExpression))
                {
                    if (need.Value == job.Id.Value)
                    {
                        sink.Report(Descriptor, file, need.Span, $"job '{job.Id.Value}' needs itself");
                    }
                    else if (!ids.Contains(need.Value))
                    {
                        sink.Report(Descriptor, file, need.Span, $"job '{job.Id.Value}' needs '{need.Value}', which is not a job of this workflow{WorkflowReporting.Suggest(need.Value, ids)}");
                    }
                }
            }
        }
    }
}
