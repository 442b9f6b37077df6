using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Knowledge;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA014: run: scripts that print the disabled ::set-output / ::save-state / ::set-env / ::add-path commands.</summary>
public sealed class WorkflowCommandDeprecatedRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA014",
        "workflow-command-deprecated",
        Severity.Error,
        "A run: script uses a deprecated or disabled workflow command (::set-output, ::save-state, ::set-env, ::add-path).",
        "set-env and add-path are disabled and fail the step; set-output and save-state print a deprecation warning and will stop setting outputs, so later steps read empty values.",
        "Write to the environment files instead: $GITHUB_OUTPUT, $GITHUB_STATE, $GITHUB_ENV, $GITHUB_PATH.")
    {
        Equivalents = ["actionlint deprecated-commands"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var file in workflows.Files)
        {
            foreach (var (_, step) in file.AllSteps())
            {
                if (step.Run is not { } run)
                {
                    continue;
                }

                foreach (var command in WorkflowKnowledge.CommandDeprecations)
                {
                    string marker = "::" + command.Command + " ";
                    for (int at = run.Value.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = run.Value.IndexOf(marker, at + 1, StringComparison.Ordinal))
                    {
                        sink.Report(Descriptor, file, file.Locate(run, at, marker.Length - 1),
                            $"'::{command.Command}' is deprecated since {command.Date}: {command.Message}",
                            fixAdvice: $"Replace it with: {command.Replacement}");
                    }
                }
            }
        }
    }
}
