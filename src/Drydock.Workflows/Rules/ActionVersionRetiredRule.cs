using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Knowledge;
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
        foreach (var file in workflows.Files)
        {
            foreach (var (_, step) in file.AllSteps())
            {
                if (step.Uses is not { Kind: ActionKind.Repository, Major: int major } uses
                    || WorkflowKnowledge.Deprecation(uses.Slug, major) is not { IsRetired: true } retired)
                {
                    continue;
                }

                string failure = retired.Message.Replace("{ref}", uses.Ref, StringComparison.Ordinal);
                sink.Report(Descriptor, file, uses.Source.Span,
                    $"{uses.Slug}@{uses.Ref} was retired on {retired.Date}; runs fail with: {failure}",
                    fixAdvice: $"Use {uses.Slug}@{retired.Replacement}. {retired.Note}",
                    fix: WorkflowReporting.Replace(file, uses.RefSpan(file), retired.Replacement, $"use {uses.Slug}@{retired.Replacement}", retired.FixSafe));
            }
        }
    }
}
