using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>
/// DC008: the Dockerfile a build names does not exist. <c>dockerfile:</c> is relative to the context, not
/// to the compose file: with <c>context: ..</c> in deployment/, the Dockerfile beside the compose file is
/// <c>deployment/Dockerfile</c>.
/// </summary>
public sealed class BuildDockerfileMissingRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC008",
        "build-dockerfile-missing",
        Severity.Error,
        "The Dockerfile of a build does not exist (dockerfile is relative to the context).",
        "`docker compose build` fails with \"failed to read dockerfile: open Dockerfile: no such file or directory\". `dockerfile:` is resolved inside the build context, so moving the context to `..` moves where the Dockerfile is looked for.",
        "Write the Dockerfile's path relative to the context (e.g. `dockerfile: deployment/Dockerfile` with `context: ..`).")
    {
        Fixable = true,
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var service in context.Compose.Stacks.SelectMany(stack => stack.Services))
        {
            if (service.Build is not { ContextPath: { } contextPath, DockerfilePath: { } path } build
                || build.Dockerfile is { IsInterpolated: true }
                || !ComposeEdits.DirectoryExists(context.Project, contextPath)
                || ComposeEdits.FileExists(context.Project, path))
            {
                continue;
            }

            string written = build.Dockerfile?.Value ?? "Dockerfile";
            var at = build.Dockerfile ?? build.Context ?? build.Node;
            string contextShown = contextPath.Length == 0 ? "." : contextPath;

            // The usual mistake: the path was written relative to the compose file's folder.
            string? besideCompose = Model.RepoPath.Resolve(at.File.Directory, written);
            if (build.Dockerfile is not null && besideCompose is not null && ComposeEdits.FileExists(context.Project, besideCompose))
            {
                string corrected = ComposeEdits.RelativeTo(contextPath, besideCompose);
                context.Report(
                    Descriptor,
                    build.Dockerfile,
                    $"dockerfile '{written}' of '{service.Name}' is looked up in the context '{contextShown}' as '{path}', which does not exist; the file beside the compose file is '{besideCompose}'",
                    $"Write `dockerfile: {corrected}`: dockerfile is relative to the context.",
                    ComposeEdits.ReplaceScalar($"use dockerfile: {corrected}", build.Dockerfile, corrected, isSafe: true));
                continue;
            }

            var candidates = context.Project.Files.OfKind(Discovery.FileKind.Dockerfile)
                .Where(file => contextPath.Length == 0 || file.RelativePath.StartsWith(contextPath + "/", StringComparison.Ordinal))
                .Select(file => ComposeEdits.RelativeTo(contextPath, file.RelativePath))
                .Take(3)
                .ToList();
            string hint = candidates.Count > 0 ? $"; Dockerfiles in the context: {string.Join(", ", candidates)}" : "";
            context.Report(Descriptor, at, $"dockerfile '{written}' of '{service.Name}' resolves to '{path}' in the context '{contextShown}', which does not exist{hint}");
        }
    }
}
