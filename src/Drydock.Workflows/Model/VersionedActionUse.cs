using Drydock.Findings;
using Drydock.Workflows.Knowledge;

namespace Drydock.Workflows.Model;

/// <summary>
/// A step that uses a repository action at a major version (<c>actions/cache@v3</c>, <c>@v3.1.0</c>): what the rules
/// about action versions and inputs start from, with the knowledge they read about that version.
/// </summary>
public sealed record VersionedActionUse(WorkflowFile File, Step Step, ActionReference Action, int Major)
{
    /// <summary>Every such step of every file, in file and step order; branches, SHAs, local and docker actions are left out.</summary>
    public static IEnumerable<VersionedActionUse> In(WorkflowSet workflows)
    {
        foreach (var file in workflows.Files)
        {
            foreach (var (_, step) in file.AllSteps())
            {
                if (step.Uses is { Kind: ActionKind.Repository, Major: int major } action)
                {
                    yield return new VersionedActionUse(file, step, action, major);
                }
            }
        }
    }

    /// <summary>The steps whose action version the knowledge describes (inputs, outputs), with that description.</summary>
    public static IEnumerable<(VersionedActionUse Use, ActionMetadata Metadata)> WithMetadata(WorkflowSet workflows)
    {
        foreach (var use in In(workflows))
        {
            if (WorkflowKnowledge.Metadata(use.Action.Slug, use.Major) is { } metadata)
            {
                yield return (use, metadata);
            }
        }
    }
}

/// <summary>A step's action version with its entry in <c>action-deprecations.json</c>, and the move to the replacement.</summary>
public sealed record DeprecatedActionUse(VersionedActionUse Use, ActionDeprecation Entry)
{
    /// <summary>Every step whose action version is retired or runs on a deprecated runtime, in file and step order.</summary>
    public static IEnumerable<DeprecatedActionUse> In(WorkflowSet workflows)
    {
        foreach (var use in VersionedActionUse.In(workflows))
        {
            if (WorkflowKnowledge.Deprecation(use.Action.Slug, use.Major) is { } entry)
            {
                yield return new DeprecatedActionUse(use, entry);
            }
        }
    }

    public ActionReference Action => Use.Action;

    /// <summary>What GitHub prints for this version, with the ref as the step writes it.</summary>
    public string GitHubMessage => Entry.Message.Replace("{ref}", Action.Ref, StringComparison.Ordinal);

    public string FixAdvice => $"Use {Action.Slug}@{Entry.Replacement}. {Entry.Note}";

    /// <summary>Rewrites the ref to the replacement version; as safe as the knowledge entry says.</summary>
    public Fix Fix() =>
        WorkflowReporting.Replace(Use.File, Action.RefSpan(Use.File), Entry.Replacement, $"use {Action.Slug}@{Entry.Replacement}", Entry.FixSafe);
}
