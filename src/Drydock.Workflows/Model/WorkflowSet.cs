using Drydock.Analysis;
using Drydock.Discovery;
using Drydock.Text;
using Drydock.Yaml;
using YamlDotNet.RepresentationModel;

namespace Drydock.Workflows.Model;

/// <summary>A workflow file that could not be turned into a model, and why (becomes GA000).</summary>
public sealed record WorkflowProblem(string Path, string Message, int Line, int Column, SourceText? Text);

/// <summary>
/// Every workflow and local composite action of the repository, parsed once and shared through
/// <c>project.Model&lt;WorkflowSet&gt;(WorkflowSet.Build)</c>.
/// </summary>
public sealed class WorkflowSet
{
    /// <summary>Nodes a walk may visit per file: far above any real workflow, far below an alias bomb.</summary>
    public const int NodeBudget = 200_000;

    private WorkflowSet(IReadOnlyList<WorkflowFile> files, IReadOnlyList<WorkflowProblem> problems)
    {
        Files = files;
        Problems = problems;
    }

    /// <summary>Workflows and composite actions, in path order.</summary>
    public IReadOnlyList<WorkflowFile> Files { get; }

    public IEnumerable<WorkflowFile> Workflows => Files.Where(file => file.Kind == WorkflowFileKind.Workflow);

    public IEnumerable<WorkflowFile> CompositeActions => Files.Where(file => file.Kind == WorkflowFileKind.CompositeAction);

    public IReadOnlyList<WorkflowProblem> Problems { get; }

    public static WorkflowSet Build(Project project)
    {
        var sources = project.Files.OfKind(FileKind.Workflow).Select(file => (file.RelativePath, WorkflowFileKind.Workflow))
            .Concat(project.Files.OfKind(FileKind.CompositeAction).Select(file => (file.RelativePath, WorkflowFileKind.CompositeAction)))
            .ToList();

        // Files are independent: parse them in parallel, keep path order in the result.
        var results = new (WorkflowFile? File, WorkflowProblem? Problem)[sources.Count];
        Parallel.For(0, sources.Count, index =>
        {
            var (path, kind) = sources[index];
            var (text, readProblem) = project.ReadText(path);
            if (text is null)
            {
                results[index] = (null, new WorkflowProblem(path, readProblem?.Message ?? "cannot read the file", readProblem?.Line ?? 0, readProblem?.Column ?? 0, null));
                return;
            }

            project.RegisterSuppressions(path, YamlSource.Pragmas(text));
            results[index] = Parse(path, kind, text);
        });

        var files = results.Select(result => result.File).OfType<WorkflowFile>().ToList();
        var problems = results.Select(result => result.Problem).OfType<WorkflowProblem>().ToList();
        return new WorkflowSet(files, problems);
    }

    /// <summary>Parses one file's text into the model, or says why it cannot.</summary>
    public static (WorkflowFile? File, WorkflowProblem? Problem) Parse(string path, WorkflowFileKind kind, SourceText text)
    {
        string what = kind == WorkflowFileKind.Workflow ? "workflow" : "action metadata file";
        if (!YamlSource.TryParse(text, out var source, out var yamlProblem) || source is null)
        {
            int line = yamlProblem?.Line ?? 1, column = yamlProblem?.Column ?? 1;
            string message = yamlProblem?.Message ?? "invalid YAML";
            return (null, new WorkflowProblem(path, message, Math.Max(1, line), Math.Max(1, column), text));
        }

        switch (source.Root)
        {
            case null:
                return (null, new WorkflowProblem(path, $"the {what} is empty: it needs at least 'on:' and 'jobs:'", 1, 1, text));
            case YamlMappingNode root:
                var budget = new YamlWalkBudget(NodeBudget);
                var file = WorkflowBuilder.Build(path, kind, text, root, budget);
                if (budget.Exhausted)
                {
                    var (line, column) = text.Position(YamlSource.Span(root).Start);
                    return (null, new WorkflowProblem(path, $"the {what} expands to more than {NodeBudget:N0} YAML nodes through aliases (a YAML bomb?); not analysed", line, column, text));
                }

                return (file, null);
            default:
                var (rootLine, rootColumn) = text.Position(YamlSource.Span(source.Root).Start);
                string found = source.Root is YamlSequenceNode ? "a sequence" : "a scalar";
                return (null, new WorkflowProblem(path, $"the top level of a {what} must be a mapping of keys ('on:', 'jobs:'...), found {found}", rootLine, rootColumn, text));
        }
    }

    /// <summary>Every image build of every workflow, in file and step order.</summary>
    public IEnumerable<ImageBuild> ImageBuilds() =>
        Workflows.SelectMany(file => file.Jobs.SelectMany(job => job.Steps.Where(step => step.UsesAction("docker/build-push-action")).Select(step => ImageBuild.Of(file, job, step))));

    /// <summary>
    /// The platforms the workflows build a Dockerfile for (repository-relative path, '/' separators), e.g.
    /// {linux/amd64, linux/arm64}. Empty when no workflow builds it; a build with no <c>platforms</c> input
    /// counts as the runner's own platform, reported as "runner".
    /// </summary>
    public IReadOnlySet<string> PlatformsFor(string dockerfilePath)
    {
        var platforms = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var build in ImageBuilds().Where(build => build.DockerfilePath is { } path && string.Equals(path, dockerfilePath, StringComparison.Ordinal)))
        {
            if (build.Platforms.Count == 0)
            {
                platforms.Add("runner");
            }

            platforms.UnionWith(build.Platforms);
        }

        return platforms;
    }

    /// <summary>True when some workflow builds the Dockerfile for more than one platform.</summary>
    public bool IsMultiArch(string dockerfilePath) => PlatformsFor(dockerfilePath).Count(platform => platform != "runner") > 1;
}
