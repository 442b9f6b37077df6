using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;
using Drydock.Workflows.Parsing;

namespace Drydock.Workflows.Rules;

/// <summary>GA008: a schedule whose cron string is invalid, or runs more often than GitHub allows.</summary>
public sealed class CronInvalidRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA008",
        "cron-invalid",
        Severity.Error,
        "A schedule: cron string that is not valid POSIX cron, or runs more often than every 5 minutes.",
        "GitHub rejects an invalid cron ('Invalid cron expression') and never runs the schedule; intervals under 5 minutes are not honoured.",
        "Write five fields: minute hour day-of-month month day-of-week, e.g. '30 5 * * 1-5', at most every 5 minutes.")
    {
        Equivalents = ["actionlint events"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var file in workflows.Workflows)
        {
            foreach (var cron in file.Events.SelectMany(trigger => trigger.Crons))
            {
                if (CronExpression.Validate(cron.Value) is { } problem)
                {
                    sink.Report(Descriptor, file, cron.Span, $"invalid cron '{cron.Value}': {problem}");
                }
                else if (CronExpression.MinuteStep(cron.Value) is int step and < 5)
                {
                    sink.Report(Descriptor, file, cron.Span, $"cron '{cron.Value}' runs every {step} minute(s); GitHub runs schedules at most every 5 minutes");
                }
            }
        }
    }
}
