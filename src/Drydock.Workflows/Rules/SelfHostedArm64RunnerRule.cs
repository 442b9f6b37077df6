using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA023: a job waits for a self-hosted ARM64 runner (info: queue risk).</summary>
public sealed class SelfHostedArm64RunnerRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA023",
        "self-hosted-arm64-runner",
        Severity.Info,
        "A job runs on a self-hosted ARM64 runner.",
        "The job queues until a runner with all its labels is online; when none is (a laptop asleep, a board rebooting), the run sits in 'Queued' for up to 24 hours and is then cancelled, so the workflow looks stuck rather than failed.",
        "Make sure such a runner is registered and online, set timeout-minutes, or use GitHub's hosted arm64 runners (ubuntu-24.04-arm) for public repositories.")
    {
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var file in workflows.Workflows)
        {
            foreach (var job in file.Jobs)
            {
                if (job.RunsOn is not { IsSelfHosted: true } runsOn)
                {
                    continue;
                }

                var arm = runsOn.Labels.FirstOrDefault(label => label.Value.Trim().ToLowerInvariant() is "arm64" or "aarch64" or "arm");
                if (arm is not null)
                {
                    string labels = string.Join(", ", runsOn.Labels.Select(label => label.Value));
                    sink.Report(Descriptor, file, arm.Span,
                        $"job '{job.Id.Value}' waits for a self-hosted runner with labels [{labels}]; if none is online it stays queued for up to 24 hours");
                }
            }
        }
    }
}
