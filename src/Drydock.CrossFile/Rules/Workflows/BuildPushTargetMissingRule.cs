using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.CrossFile.Rules.Workflows;

/// <summary>GA041: docker/build-push-action's 'target' names no stage of the Dockerfile it builds.</summary>
public sealed class BuildPushTargetMissingRule : IWorkflowCrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA041",
        "build-push-target-missing",
        Severity.Error,
        "docker/build-push-action's 'target' input names no stage (FROM ... AS <name>) of the Dockerfile it builds.",
        "BuildKit looks the target up among the stage names (case-insensitive) and stops before building anything: \"failed to solve: target stage \\\"<name>\\\" could not be found\".",
        "Set 'target' to one of the Dockerfile's stage names, or name the stage with 'FROM <image> AS <target>'.")
    {
        Fixable = true,
    };

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        foreach (var build in context.Workflows.ImageBuilds())
        {
            if (build.Target is not { HasExpression: false } target || target.Value.Trim().Length == 0 || BuildPushInputs.Document(context, build) is not { } document)
            {
                continue;
            }

            string name = target.Value.Trim();
            var names = document.Stages.Select(stage => stage.Name).OfType<string>().ToList();
            if (names.Any(stage => stage.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            string suggestion = WorkflowReporting.Suggest(name, names);
            string closest = suggestion.Length == 0 ? "" : suggestion.Split('\'')[1];
            var fix = closest.Length > 0 && target.Node is YamlDotNet.RepresentationModel.YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain }
                ? WorkflowReporting.Replace(build.File, target.Span, closest, $"build stage '{closest}'", safe: false)
                : null;
            string stages = names.Count == 0 ? "it has no named stage" : $"its stages are {string.Join(", ", names)}";
            context.Sink.Report(Descriptor, build.File, target.Span,
                $"target '{name}' of {WorkflowJobs.Label(build.Step)} is not a stage of {document.Path} ({stages}){suggestion}: the build fails with \"target stage \\\"{name}\\\" could not be found\"",
                fix: fix);
        }
    }
}
