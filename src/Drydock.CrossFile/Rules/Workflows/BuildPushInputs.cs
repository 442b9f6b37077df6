using Drydock.Docker.Model;
using Drydock.Workflows.Model;

namespace Drydock.CrossFile.Rules.Workflows;

/// <summary>How docker/build-push-action's inputs meet the repository: local paths, generated files, the Dockerfile built.</summary>
internal static class BuildPushInputs
{
    /// <summary>
    /// Build args BuildKit's Dockerfile frontend reads without an ARG instruction: its own options (BUILDKIT_INLINE_CACHE,
    /// BUILDKIT_SYNTAX, BUILDKIT_CONTEXT_KEEP_GIT_DIR...) and SOURCE_DATE_EPOCH (reproducible builds). The proxy variables
    /// come from the Dockerfile model's predefined scope.
    /// </summary>
    private const string FrontendOptionPrefix = "BUILDKIT_";

    private const string SourceDateEpoch = "SOURCE_DATE_EPOCH";

    /// <summary>
    /// True for a folder of the checkout: not an expression, not a remote (URL, git@...), not the
    /// <c>{{defaultContext}}</c> Git context with a subdirectory.
    /// </summary>
    public static bool IsLocalPath(PositionedString input) =>
        !input.HasExpression && !input.Value.Contains("://", StringComparison.Ordinal) && !input.Value.StartsWith("git@", StringComparison.Ordinal)
        && !input.Value.Contains("{{", StringComparison.Ordinal) && input.Value.Trim() != "-";

    /// <summary>True when an earlier run step of the job names the file, so that it may be generated on the runner.</summary>
    public static bool WrittenByEarlierStep(ImageBuild build, string path)
    {
        string name = path.Split('/')[^1];
        return build.Job.Steps.Any(step => step.Index < build.Step.Index && step.Run is { } run && run.Value.Contains(name, StringComparison.Ordinal));
    }

    /// <summary>The Dockerfile a build reads, parsed, when the path is known, local and present.</summary>
    public static DockerfileDocument? Document(CrossFileContext context, ImageBuild build)
    {
        var contextInput = build.Step.Input("context");
        return DockerfilePath(build) is { } path && (contextInput is null || IsLocalPath(contextInput)) ? context.Dockerfiles[path] : null;
    }

    /// <summary>
    /// The Dockerfile's repository path, normalised: the model joins the Git context's "." with "Dockerfile" into
    /// "./Dockerfile", which names no inventory entry.
    /// </summary>
    public static string? DockerfilePath(ImageBuild build) => build.DockerfilePath is { } path ? ImageBuild.Normalize(path) : null;

    /// <summary>True when the Dockerfile consumes the build arg: an ARG declares it, or Docker or BuildKit define it.</summary>
    public static bool Consumes(DockerfileDocument document, string name) =>
        document.Instructions.OfType<ArgInstruction>().Any(arg => arg.Declarations.Any(declaration => declaration.Name == name))
        || document.GlobalScope[name] is { Origin: VariableOrigin.Predefined or VariableOrigin.Platform }
        || name.StartsWith(FrontendOptionPrefix, StringComparison.Ordinal) || name == SourceDateEpoch;
}
