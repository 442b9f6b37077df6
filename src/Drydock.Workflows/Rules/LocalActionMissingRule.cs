using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA030: uses: ./path names a local action or reusable workflow that is not in the repository.</summary>
public sealed class LocalActionMissingRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA030",
        "local-action-missing",
        Severity.Error,
        "A step's 'uses: ./path' names a folder with no action.yml, or a job's 'uses:' names a local reusable workflow that does not exist.",
        "The job fails while preparing ('Can't find 'action.yml', 'action.yaml' or 'Dockerfile' under ...'), or GitHub rejects the workflow for a missing reusable workflow.",
        "Fix the path (relative to the repository root), or add the missing action.yml.")
    {
        Equivalents = ["actionlint action"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var file in workflows.Files)
        {
            foreach (var (_, step) in file.AllSteps())
            {
                if (step.Uses is not { Kind: ActionKind.Local } uses || uses.Source.HasExpression)
                {
                    continue;
                }

                string folder = uses.Path;
                string prefix = folder.Length == 0 ? "" : folder + "/";
                if (!project.Files.FileExists(prefix + "action.yml") && !project.Files.FileExists(prefix + "action.yaml") && !project.Files.FileExists(prefix + "Dockerfile"))
                {
                    sink.Report(Descriptor, file, uses.Source.Span, $"local action '{uses.Source.Value}' has no action.yml, action.yaml or Dockerfile in '{(folder.Length == 0 ? "." : folder)}'");
                }
            }

            foreach (var job in file.Jobs)
            {
                if (job.Uses is { HasExpression: false } call && call.Value.StartsWith("./", StringComparison.Ordinal))
                {
                    string path = call.Value[2..].Split('@')[0];
                    if (!project.Files.FileExists(path))
                    {
                        sink.Report(Descriptor, file, call.Span, $"job '{job.Id.Value}' calls reusable workflow '{call.Value}', which does not exist");
                    }
                }
            }
        }
    }
}
