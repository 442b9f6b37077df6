using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;
using Drydock.Yaml;

namespace Drydock.Workflows.Rules;

/// <summary>GA002: a section without the keys it must have (on, jobs, runs-on, steps, uses or run).</summary>
public sealed class RequiredKeyMissingRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA002",
        "required-key-missing",
        Severity.Error,
        "A workflow without 'on' or 'jobs', a job without 'runs-on' or 'steps', or a step with neither 'uses' nor 'run'.",
        "GitHub rejects the workflow file before any job starts when a required key is missing.",
        "Add the missing key.")
    {
        Equivalents = ["actionlint syntax-check"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var file in workflows.Files)
        {
            var top = new TextSpan(TextSpan.Of(file.Root).Start, TextSpan.Of(file.Root).Start);
            if (file.Kind == WorkflowFileKind.CompositeAction)
            {
                if (file.Root.Get("runs") is null)
                {
                    sink.Report(Descriptor, file, top, "the action has no 'runs:' section");
                }
            }
            else
            {
                if (file.OnNode is null)
                {
                    sink.Report(Descriptor, file, top, "the workflow has no 'on:' section, so no event ever triggers it");
                }

                if (file.Root.Get("jobs") is null)
                {
                    sink.Report(Descriptor, file, top, "the workflow has no 'jobs:' section");
                }
            }

            foreach (var job in file.Jobs)
            {
                if (job.Uses is not null)
                {
                    continue;
                }

                if (job.Node.Get("runs-on") is null)
                {
                    sink.Report(Descriptor, file, job.Id.Span, $"job '{job.Id.Value}' has no 'runs-on:' (nor 'uses:' to call a reusable workflow)");
                }

                if (job.Node.Get("steps") is null)
                {
                    sink.Report(Descriptor, file, job.Id.Span, $"job '{job.Id.Value}' has no 'steps:'");
                }
            }

            foreach (var (_, step) in file.AllSteps())
            {
                bool hasUses = step.Node.Get("uses") is not null;
                bool hasRun = step.Node.Get("run") is not null;
                if (hasUses == hasRun)
                {
                    string problem = hasUses ? "has both 'uses:' and 'run:'" : "has neither 'uses:' nor 'run:'";
                    sink.Report(Descriptor, file, step.Anchor, $"step '{step.DisplayName}' {problem}; a step does exactly one");
                }
            }
        }
    }
}
