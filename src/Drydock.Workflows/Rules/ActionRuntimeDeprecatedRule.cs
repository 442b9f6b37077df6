using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Knowledge;
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
        foreach (var file in workflows.Files)
        {
            foreach (var (_, step) in file.AllSteps())
            {
                if (step.Uses is not { Kind: ActionKind.Repository, Major: int major } uses
                    || WorkflowKnowledge.Deprecation(uses.Slug, major) is not { IsRetired: false } deprecated)
                {
                    continue;
                }

                string warning = deprecated.Message.Replace("{ref}", uses.Ref, StringComparison.Ordinal);
                sink.Report(Descriptor, file, uses.Source.Span,
                    $"{uses.Slug}@{uses.Ref} runs on {deprecated.Status}, deprecated since {deprecated.Date}; runs warn: {warning}",
                    fixAdvice: $"Use {uses.Slug}@{deprecated.Replacement}. {deprecated.Note}",
                    fix: WorkflowReporting.Replace(file, uses.RefSpan(file), deprecated.Replacement, $"use {uses.Slug}@{deprecated.Replacement}", deprecated.FixSafe));
            }
        }
    }
}
