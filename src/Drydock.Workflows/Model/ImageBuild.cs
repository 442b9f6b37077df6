namespace Drydock.Workflows.Model;

/// <summary>
/// A <c>docker/build-push-action</c> step read as a build: which context and Dockerfile, which target,
/// build-args and platforms. Paths are repository-relative with '/' separators; null when an expression
/// makes them unknown.
/// </summary>
public sealed record ImageBuild(
    WorkflowFile File,
    Job Job,
    Step Step,
    string? Context,
    string? DockerfilePath,
    PositionedString? Target,
    IReadOnlyList<(string Name, PositionedString Source)> BuildArgs,
    IReadOnlyList<string> Platforms,
    bool Pushes)
{
    public static ImageBuild Of(WorkflowFile file, Job job, Step step)
    {
        var contextInput = step.Input("context");
        var fileInput = step.Input("file");
        string? context = contextInput is null ? "." : contextInput.HasExpression ? null : Normalize(contextInput.Value);

        // build-push-action resolves 'file' against the workspace (repository root), and defaults it to
        // '{context}/Dockerfile'; a Git context (no 'context' input) builds the repository root.
        string? dockerfile = fileInput switch
        {
            null => context is null ? null : Join(context, "Dockerfile"),
            { HasExpression: true } => null,
            _ => Normalize(fileInput.Value),
        };

        var platforms = step.Input("platforms") is { HasExpression: false } list
            ? list.Value.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : [];
        var args = new List<(string, PositionedString)>();
        if (step.Input("build-args") is { } buildArgs)
        {
            foreach (string line in buildArgs.Value.Split('\n'))
            {
                string trimmed = line.Trim();
                int equals = trimmed.IndexOf('=');
                if (equals > 0)
                {
                    args.Add((trimmed[..equals].Trim(), buildArgs));
                }
            }
        }

        bool pushes = step.Input("push")?.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) ?? false;
        return new ImageBuild(file, job, step, context, dockerfile, step.Input("target"), args, platforms, pushes);
    }

    /// <summary>'./a/../b/' to 'b'; '.' and '' to ''.</summary>
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (string part in path.Trim().Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static string Join(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;
}
