using Drydock.Discovery;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.CrossFile.Rules.Workflows;

/// <summary>GA040: docker/build-push-action's context folder or Dockerfile does not exist in the repository.</summary>
public sealed class BuildPushPathMissingRule : IWorkflowCrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA040",
        "build-push-path-missing",
        Severity.Error,
        "docker/build-push-action names a context folder or a Dockerfile (its 'file' input, or the default <context>/Dockerfile) that the repository does not have.",
        "The build stops before its first instruction: buildx reports \"unable to prepare context: path ... not found\" for a missing context, and \"failed to read dockerfile: open ...: no such file or directory\" for a missing Dockerfile. 'file' is resolved from the repository root, not from the context, which is the usual cause.",
        "Point 'context' at an existing folder and 'file' at the Dockerfile's path from the repository root (e.g. 'file: deployment/Dockerfile' with 'context: .').")
    {
        Fixable = true,
    };

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        var inventory = context.Project.Files;
        foreach (var build in context.Workflows.ImageBuilds())
        {
            var contextInput = build.Step.Input("context");
            bool gitContext = contextInput is null;
            if (contextInput is not null && BuildPushInputs.IsLocalPath(contextInput) && build.Context is { } raw && ImageBuild.Normalize(raw) is { Length: > 0 } folder && !inventory.DirectoryExists(folder))
            {
                context.Sink.Report(Descriptor, build.File, contextInput.Span,
                    $"build context '{contextInput.Value}' of {WorkflowJobs.Label(build.Step)} does not exist in the repository: buildx fails with \"unable to prepare context: path \\\"{contextInput.Value}\\\" not found\"");
                continue;
            }

            if ((!gitContext && !BuildPushInputs.IsLocalPath(contextInput!)) || BuildPushInputs.DockerfilePath(build) is not { } dockerfile || dockerfile.StartsWith("..", StringComparison.Ordinal)
                || inventory.FileExists(dockerfile) || BuildPushInputs.WrittenByEarlierStep(build, dockerfile))
            {
                continue;
            }

            var fileInput = build.Step.Input("file");
            var candidates = inventory.OfKind(FileKind.Dockerfile).Select(file => file.RelativePath)
                .Where(path => path.EndsWith("/" + dockerfile.Split('/')[^1], StringComparison.Ordinal) || path == dockerfile.Split('/')[^1]).ToList();
            string hint = candidates.Count > 0 ? $"; the repository has {string.Join(", ", candidates.Take(3))}" : "";
            string which = (fileInput, gitContext) switch
            {
                (null, true) => $"the Git context (the repository at the commit) with its default Dockerfile '{dockerfile}'",
                (null, false) => $"the default Dockerfile of context '{contextInput!.Value}', '{dockerfile}'",
                _ => $"Dockerfile '{fileInput.Value}' (resolved from the repository root{(gitContext ? "" : ", not from the context")}: {dockerfile})",
            };
            var span = fileInput?.Span ?? contextInput?.Span ?? build.Step.Anchor;
            var fix = fileInput is { HasExpression: false } && candidates.Count == 1 && fileInput.Node is YamlDotNet.RepresentationModel.YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain }
                ? WorkflowReporting.Replace(build.File, fileInput.Span, candidates[0], $"build {candidates[0]}", safe: false)
                : null;
            context.Sink.Report(Descriptor, build.File, span,
                $"{WorkflowJobs.Label(build.Step)} builds {which}, which does not exist{hint}: the build fails with \"failed to read dockerfile: open {dockerfile.Split('/')[^1]}: no such file or directory\"",
                fix: fix);
        }
    }
}
