using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA013: an action version that runs on a Node.js runtime GitHub has deprecated.</summary>
public sealed class ActionRuntimeDeprecatedRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA013",
        "action-runtime-deprecated",
        Severity.Warning,
        "A step uses an action version built for a deprecated Node.js runtime (node12, node16).",
        "The runner forces such actions onto a newer Node.js with a deprecation warning on every run; some stop working, and they are next in line for retirement.",
        "Move to the current major version the message names.")
    {
        Equivalents = ["actionlint action"],
        Fixable = true,
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var deprecated in DeprecatedActionUse.In(workflows).Where(use => !use.Entry.IsRetired))
        {
            sink.Report(Descriptor, deprecated.Use.File, deprecated.Action.Source.Span,
                $"{deprecated.Action.Slug}@{deprecated.Action.Ref} runs on {deprecated.Entry.Status}, deprecated since {deprecated.Entry.Date}; runs warn: {deprecated.GitHubMessage}",
                fixAdvice: deprecated.FixAdvice,
                fix: deprecated.Fix());
        }
    }
}
