using Drydock.Findings;

namespace Drydock.Make.Rules;

/// <summary>MK007: <c>.DEFAULT_GOAL</c> names a target the Makefile does not have.</summary>
public sealed class DefaultGoalMissingRule : IMakeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "MK007",
        "default-goal-missing",
        Severity.Error,
        "`.DEFAULT_GOAL` names a target that no rule, pattern or file provides: plain `make` stops with \"No rule to make target\".",
        "Plain `make` (the usual first step of a README, a CI job or a Dockerfile RUN) builds `.DEFAULT_GOAL`. When no rule makes that name and no file has it, make stops at once with `make: *** No rule to make target 'x'.  Stop.`: typically the target was renamed and the setting was not.",
        "Set `.DEFAULT_GOAL` to a target the Makefile defines (often `help` or `all`), or remove the line so that the first target is the default.");

    public RuleDescriptor Rule => Descriptor;

    public void Check(MakeContext context)
    {
        foreach (var file in context.Makefiles.Files.Where(file => !file.IsFragment && !file.HasHiddenTargets))
        {
            var settings = file.Variables.AssignmentsOf(".DEFAULT_GOAL");
            if (settings.Count != 1 || file.DefaultGoal is not { } goal || file.Targets.ContainsKey(goal) || file.PatternCouldMake(goal) || context.Exists(file, goal))
            {
                continue;
            }

            var targets = file.Targets.Keys.Where(target => !target.StartsWith('.')).Order(StringComparer.Ordinal).Take(8).ToList();
            context.Report(Descriptor, file, settings[0].Span,
                $".DEFAULT_GOAL is '{goal}' but no rule makes it: plain `make` stops with \"make: *** No rule to make target '{goal}'.  Stop.\""
                + (targets.Count > 0 ? $"; targets: {string.Join(", ", targets)}" : ""));
        }
    }
}
