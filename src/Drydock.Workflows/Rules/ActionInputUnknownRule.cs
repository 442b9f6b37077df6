using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Knowledge;
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
        foreach (var file in workflows.Files)
        {
            foreach (var (_, step) in file.AllSteps())
            {
                if (step.Uses is not { Kind: ActionKind.Repository, Major: int major } uses
                    || WorkflowKnowledge.Metadata(uses.Slug) is not { } metadata
                    || !metadata.Majors.Contains(major))
                {
                    continue;
                }

                foreach (var input in step.With)
                {
                    if (metadata.Input(input.Key.Value) is null)
                    {
                        var names = metadata.Inputs.Select(item => item.Name).ToList();
                        sink.Report(Descriptor, file, input.Key.Span,
                            $"{uses.Slug}@{uses.Ref} has no input '{input.Key.Value}'{WorkflowReporting.Suggest(input.Key.Value, names)} (inputs: {string.Join(", ", names)})");
                    }
                }
            }
        }
    }
}
