using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Knowledge;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA005: runs-on names a GitHub-hosted runner that does not exist or was retired.</summary>
public sealed class RunnerLabelUnknownRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA005",
        "runs-on-label-unknown",
        Severity.Error,
        "runs-on names a GitHub-hosted runner image that does not exist or has been retired.",
        "No runner ever picks the job up: it waits ('Waiting for a runner to pick up this job...') and is cancelled after 24 hours, or fails at once for a retired image.",
        "Use a current label (ubuntu-24.04, ubuntu-24.04-arm, windows-2025, macos-15...), or add 'self-hosted' for your own runners.")
    {
        Equivalents = ["actionlint runner-label"],
        Fixable = true,
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var file in workflows.Workflows)
        {
            foreach (var job in file.Jobs)
            {
                if (job.RunsOn is not { Group: null } runsOn || runsOn.IsSelfHosted)
                {
                    continue;
                }

                foreach (var label in runsOn.Labels.Where(label => !label.HasExpression))
                {
                    string name = label.Value.Trim();
                    if (WorkflowKnowledge.HostedRunners.Any(item => item.Label.Equals(name, StringComparison.OrdinalIgnoreCase))
                        || WorkflowKnowledge.SelfHostedLabels.Any(item => item.Equals(name, StringComparison.OrdinalIgnoreCase)))
                    {
                        continue;
                    }

                    var retired = WorkflowKnowledge.RetiredRunners.FirstOrDefault(item => item.Label.Equals(name, StringComparison.OrdinalIgnoreCase));
                    if (retired is not null)
                    {
                        var valueSpan = file.Locate(label, 0, label.Value.Length);
                        sink.Report(Descriptor, file, label.Span,
                            $"job '{job.Id.Value}' runs on '{name}', a runner image GitHub retired on {retired.Date}; use '{retired.Replacement}'",
                            fix: WorkflowReporting.Replace(file, valueSpan, retired.Replacement, $"run on {retired.Replacement}", safe: false));
                        continue;
                    }

                    sink.Report(Descriptor, file, label.Span,
                        $"job '{job.Id.Value}' runs on '{name}', which is not a GitHub-hosted runner label{WorkflowReporting.Suggest(name, WorkflowKnowledge.HostedRunners.Select(item => item.Label))}; for your own runners list 'self-hosted' too");
                }
            }
        }
    }
}
