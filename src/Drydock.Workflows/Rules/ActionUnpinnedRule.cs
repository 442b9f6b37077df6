using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA028: a third-party action referenced by a movable tag or branch instead of a commit SHA.</summary>
public sealed class ActionUnpinnedRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA028",
        "action-unpinned",
        Severity.Info,
        "A third-party action is referenced by a tag or branch rather than a full commit SHA.",
        "Tags and branches move: whoever controls the action's repository (or steals its credentials, as with tj-actions/changed-files in 2025) changes the code your job runs, with your secrets.",
        "Pin to the full 40-character commit SHA and keep the version in a comment: 'uses: owner/action@<sha> # v1.2.3'; Dependabot updates both.")
    {
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var file in workflows.Files)
        {
            foreach (var (_, step) in file.AllSteps())
            {
                if (step.Uses is { Kind: ActionKind.Repository } uses && !uses.IsPinnedToSha
                    && !uses.Owner.Equals("actions", StringComparison.OrdinalIgnoreCase) && !uses.Owner.Equals("github", StringComparison.OrdinalIgnoreCase))
                {
                    sink.Report(Descriptor, file, uses.Source.Span, $"third-party action {uses.Slug} is referenced by '{uses.Ref}', which its owner can move; pin it to a commit SHA");
                }
            }
        }
    }
}
