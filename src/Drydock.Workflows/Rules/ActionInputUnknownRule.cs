using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA015: with: passes an input the (known) action does not define.</summary>
public sealed class ActionInputUnknownRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA015",
        "action-input-unknown",
        Severity.Warning,
        "A step passes a with: input that the action does not define.",
        "The runner ignores the input with only a warning ('Unexpected input(s) ...'), so the setting the author wanted (a tag, a platform, a path) silently does not apply.",
        "Use the input name from the action's documentation; input names are case-sensitive.")
    {
        Equivalents = ["actionlint action"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var (use, metadata) in VersionedActionUse.WithMetadata(workflows))
        {
            foreach (var input in use.Step.With)
            {
                if (metadata.Input(input.Key.Value) is null)
                {
                    var names = metadata.Inputs.Select(item => item.Name).ToList();
                    sink.Report(Descriptor, use.File, input.Key.Span,
                        $"{use.Action.Slug}@{use.Action.Ref} has no input '{input.Key.Value}'{WorkflowReporting.Suggest(input.Key.Value, names)} (inputs: {string.Join(", ", names)})");
                }
            }
        }
    }
}
