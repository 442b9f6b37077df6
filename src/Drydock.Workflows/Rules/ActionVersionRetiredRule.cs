using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA012: an action version GitHub has retired: the run fails before the job starts.</summary>
public sealed class ActionVersionRetiredRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA012",
        "action-version-retired",
        Severity.Error,
        "A step uses an action version that GitHub has retired (actions/upload-artifact@v3, actions/cache@v2, ...).",
        "GitHub fails the job while preparing it ('This request has been automatically failed because it uses a deprecated version of ...'), so none of its steps run.",
        "Move to the supported major version the message names.")
    {
        Equivalents = ["actionlint action"],
        Fixable = true,
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var retired in DeprecatedActionUse.In(workflows).Where(use => use.Entry.IsRetired))
        {
            sink.Report(Descriptor, retired.Use.File, retired.Action.Source.Span,
                $"{retired.Action.Slug}@{retired.Action.Ref} was retired on {retired.Entry.Date}; runs fail with: {retired.GitHubMessage}",
                fixAdvice: retired.FixAdvice,
                fix: retired.Fix());
        }
    }
}
