using Drydock.Workflows.Model;
using YamlDotNet.RepresentationModel;

namespace Drydock.CrossFile.Rules.Workflows;

/// <summary>
/// A cross-file rule that reads workflows. It runs even in a repository without a Dockerfile (the analyzer skips the
/// Dockerfile-based rules there).
/// </summary>
public interface IWorkflowCrossFileRule : ICrossFileRule;

/// <summary>What a job's steps see on the runner: the folder a run step starts in, whether the repository is checked out.</summary>
internal static class WorkflowJobs
{
    /// <summary>
    /// The repository-relative folder a run step starts in: the step's <c>working-directory</c>, else the job's, else the
    /// workflow's <c>defaults.run.working-directory</c>, else the workspace root (""). Null when an expression decides it,
    /// or when it leaves the repository.
    /// </summary>
    public static string? WorkingDirectory(WorkflowFile file, Job job, Step step)
    {
        var value = step.WorkingDirectory ?? DefaultWorkingDirectory(job.Node) ?? DefaultWorkingDirectory(file.Root);
        if (value is null)
        {
            return "";
        }

        if (value.HasExpression || value.Value.StartsWith('/') || value.Value.StartsWith('~') || value.Value.Contains('$'))
        {
            return null;
        }

        string normalized = ImageBuild.Normalize(value.Value);
        return normalized.StartsWith("..", StringComparison.Ordinal) ? null : normalized;
    }

    /// <summary>
    /// True when the job checks out this repository into the workspace root before <paramref name="before"/> (an
    /// actions/checkout step with no other <c>repository</c> and no <c>path</c>), so that repository paths are workspace paths.
    /// </summary>
    public static bool ChecksOutRepository(Job job, Step? before = null) =>
        job.Steps.Any(step => (before is null || step.Index < before.Index) && IsCheckoutOfThisRepository(step) && step.Input("path") is null);

    /// <summary>An actions/checkout step that fetches this repository (no <c>repository:</c>, or <c>${{ github.repository }}</c>).</summary>
    public static bool IsCheckoutOfThisRepository(Step step)
    {
        if (!step.UsesAction("actions/checkout"))
        {
            return false;
        }

        var repository = step.Input("repository");
        return repository is null || repository.Value.Replace(" ", "", StringComparison.Ordinal) == "${{github.repository}}";
    }

    /// <summary>How to name a step in a message: its name, else its position in the job.</summary>
    public static string Label(Step step) => step.Name is { } name ? $"step '{name.Value}'" : $"step {step.Index + 1}";

    /// <summary>The repository-relative folder of a file ("" at the root).</summary>
    public static string FolderOf(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : "";

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies below it.</summary>
    public static bool IsWithin(string path, string folder) =>
        folder.Length == 0 || path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal);

    private static PositionedString? DefaultWorkingDirectory(YamlMappingNode node) =>
        Child(node, "defaults") is YamlMappingNode defaults && Child(defaults, "run") is YamlMappingNode run
            ? PositionedString.From(Child(run, "working-directory"))
            : null;

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode scalar && scalar.Value == key).Value;
}
