using Drydock.Findings;
using Drydock.Text;
using Drydock.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Drydock.Logs.Analysis;

/// <summary>
/// The steps of a repository's GitHub Actions workflows, read with Core's YAML loader, as diagnose needs them: the
/// titles a log shows for a step ("Lint", "Run make lint", "Run docker/build-push-action@v6"), where the step is,
/// its run script with the line of its first command, and its working directory (the step's, else the job's or
/// the workflow's <c>defaults.run.working-directory</c>).
/// </summary>
internal sealed class WorkflowStepIndex
{
    private const long MaxWorkflowBytes = 1 << 20;
    private readonly List<WorkflowStep> steps = [];

    private WorkflowStepIndex()
    {
    }

    public IReadOnlyList<WorkflowStep> Steps => steps;

    /// <param name="workflows">Workflow files relative to <paramref name="root"/>.</param>
    public static WorkflowStepIndex Load(string root, IEnumerable<string> workflows)
    {
        var index = new WorkflowStepIndex();
        foreach (string path in workflows)
        {
            if (SourceReader.TryRead(Path.Combine(root, path), path, out var text, out _, MaxWorkflowBytes)
                && YamlSource.TryParse(text!, out var source, out _) && source?.Root is YamlMappingNode top)
            {
                index.Add(path, text!.Text.Split('\n'), top);
            }
        }

        return index;
    }

    /// <summary>The step a log's step title names: from the line of the key that gave the title (name, uses or run) to the step's end.</summary>
    public SourceLocation? Find(string title)
    {
        string command = title.StartsWith("Run ", StringComparison.Ordinal) ? title[4..].Trim() : "";
        foreach (var step in steps)
        {
            // The location spans the whole step, so check findings anywhere in it (a `with:` input) are cited.
            if (step.Name == title)
            {
                return new SourceLocation(step.Path, step.NameLine, 0, step.EndLine);
            }

            if (command.Length > 0 && (step.Uses == command || step.FirstCommand == command))
            {
                return new SourceLocation(step.Path, step.Uses == command ? step.UsesLine : step.RunKeyLine, 0, step.EndLine);
            }
        }

        return null;
    }

    /// <summary>The step whose lines hold <paramref name="location"/>.</summary>
    public WorkflowStep? At(SourceLocation location) =>
        steps.FirstOrDefault(step => step.Path == location.Path && step.Line <= location.Line && location.Line <= step.EndLine);

    private void Add(string path, string[] lines, YamlMappingNode top)
    {
        SetsDefaultFolder(top, out string? workflowFolder);
        if (top.Get("jobs") is not YamlMappingNode jobs)
        {
            return;
        }

        foreach (var (_, jobNode) in jobs.Children)
        {
            if (jobNode is not YamlMappingNode job || job.Get("steps") is not YamlSequenceNode list)
            {
                continue;
            }

            string? jobFolder = SetsDefaultFolder(job, out string? ownFolder) ? ownFolder : workflowFolder;
            foreach (var item in list.Children.OfType<YamlMappingNode>())
            {
                var run = item.Get("run") as YamlScalarNode;
                var (script, scriptLine) = run is null ? ("", 0) : Script(lines, run);
                string? folder = item.Get("working-directory") is YamlScalarNode directory ? Folder(directory.Value) : jobFolder;
                steps.Add(new WorkflowStep(
                    path,
                    (int)item.Start.Line,
                    item.LastLine(),
                    item.Get("name").ScalarValue(),
                    LineOf(item, "name"),
                    item.Get("uses").ScalarValue()?.Trim(),
                    LineOf(item, "uses"),
                    script,
                    scriptLine,
                    LineOf(item, "run"),
                    folder));
            }
        }
    }

    /// <summary>
    /// The script as written (a block scalar's lines keep their indentation, so positions match the file) and the
    /// 1-based line of its first line.
    /// </summary>
    private static (string Script, int Line) Script(string[] lines, YamlScalarNode run)
    {
        if (run.Style is not (ScalarStyle.Literal or ScalarStyle.Folded))
        {
            return (run.Value ?? "", (int)run.Start.Line);
        }

        int first = (int)run.Start.Line;
        int end = Math.Min(lines.Length, run.End.Column <= 1 ? (int)run.End.Line - 1 : (int)run.End.Line);
        return first >= end ? ("", 0) : (string.Join('\n', lines[first..end]).TrimEnd(), first + 1);
    }

    /// <summary>"" for the workspace root, a repository-relative folder, or null when an expression or a path outside decides it.</summary>
    private static string? Folder(string? value)
    {
        string text = (value ?? "").Trim().Replace('\\', '/');
        if (text.Contains('$', StringComparison.Ordinal) || text.StartsWith('/') || text.StartsWith('~'))
        {
            return null;
        }

        var parts = text.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(part => part != ".").ToList();
        return parts.Contains("..") ? null : string.Join('/', parts);
    }

    /// <summary>Whether <paramref name="node"/> (a job or the workflow) sets <c>defaults.run.working-directory</c>, and to what.</summary>
    private static bool SetsDefaultFolder(YamlMappingNode node, out string? folder)
    {
        folder = "";
        if (node.Get("defaults") is YamlMappingNode defaults && defaults.Get("run") is YamlMappingNode run && run.Get("working-directory") is YamlScalarNode directory)
        {
            folder = Folder(directory.Value);
            return true;
        }

        return false;
    }

    private static int LineOf(YamlMappingNode item, string key) => item.KeyNode(key) is { } node ? (int)node.Start.Line : 0;
}

/// <summary>One workflow step: where it is (1-based lines), its keys' lines (0 when absent), its script and working directory.</summary>
internal sealed record WorkflowStep(
    string Path,
    int Line,
    int EndLine,
    string? Name,
    int NameLine,
    string? Uses,
    int UsesLine,
    string Script,
    int ScriptLine,
    int RunKeyLine,
    string? Folder)
{
    /// <summary>What GitHub shows as the title of a run step without a name: "Run " and this.</summary>
    public string? FirstCommand => Script.Length == 0 ? null : Script.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0);
}
