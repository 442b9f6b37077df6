using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA016: a required input of a (known) action is not passed.</summary>
public sealed class ActionInputRequiredMissingRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA016",
        "action-input-required-missing",
        Severity.Error,
        "A step does not pass an input that the action requires.",
        "The action fails at run time ('Input required and not supplied: path').",
        "Pass the input under with:.")
    {
        Equivalents = ["actionlint action"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var (use, metadata) in VersionedActionUse.WithMetadata(workflows))
        {
            foreach (var input in metadata.Inputs.Where(input => input.Required && !use.Step.HasInput(input.Name)))
            {
                sink.Report(Descriptor, use.File, use.Action.Source.Span,
                    $"{use.Action.Slug}@{use.Action.Ref} requires input '{input.Name}', which step '{use.Step.DisplayName}' does not pass; it fails with 'Input required and not supplied: {input.Name}'");
            }
        }
    }
}
