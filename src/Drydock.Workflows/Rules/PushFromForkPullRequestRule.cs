using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA020: push: true in a workflow that pull requests (from forks too) trigger, with no guard.</summary>
public sealed class PushFromForkPullRequestRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA020",
        "push-from-fork-pull-request",
        Severity.Warning,
        "docker/build-push-action has 'push: true' in a workflow that pull_request triggers, with no condition that skips the push for pull requests.",
        "On a pull request from a fork the GITHUB_TOKEN is read-only and secrets are empty: the registry login or the push fails, and every outside contribution shows a red CI.",
        "Push only outside pull requests: 'push: ${{ github.event_name != 'pull_request' }}' (and skip the login the same way).")
    {
        Fixable = true,
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var build in workflows.ImageBuilds())
        {
            if (!build.File.IsTriggeredBy("pull_request") || build.Step.Input("push") is not { HasExpression: false } push || !build.Pushes)
            {
                continue;
            }

            if (Guards(build.Step.If) || Guards(build.Job.If))
            {
                continue;
            }

            // Only a plain scalar can take the expression as is; quoting would need escaping.
            var fix = push.Node is YamlDotNet.RepresentationModel.YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain }
                ? WorkflowReporting.Replace(build.File, push.Span, "${{ github.event_name != 'pull_request' }}", "push only outside pull requests", safe: false)
                : null;
            sink.Report(Descriptor, build.File, push.Span,
                $"job '{build.Job.Id.Value}' pushes on every pull_request too; from forks the token is read-only and the push fails",
                fix: fix);
        }
    }

    private static bool Guards(PositionedString? condition) =>
        condition is not null
        && (condition.Value.Contains("event_name", StringComparison.Ordinal)
            || condition.Value.Contains("pull_request", StringComparison.Ordinal)
            || condition.Value.Contains("github.ref", StringComparison.Ordinal));
}
