using Drydock.Findings;
using Drydock.Python.Model;
using Drydock.Python.Packaging;
using Drydock.Workflows.Model;
using Drydock.Workflows.Parsing;
using YamlDotNet.RepresentationModel;

namespace Drydock.CrossFile.Rules.Workflows;

/// <summary>A Python version a job runs on: the text as written, the YAML node it comes from, and the matrix row if any.</summary>
internal sealed record JobPythonVersion(string Text, YamlNode Node, PositionedString Input, MatrixRow? Row, string? MatrixKey, bool FromInclude);

/// <summary>The Python versions of a job (actions/setup-python) and the pyproject that governs it.</summary>
internal static class JobPython
{
    /// <summary>
    /// The versions the job's setup-python steps install: literal <c>python-version</c> lines, or the values of the matrix
    /// key that <c>${{ matrix.key }}</c> names (rows and include entries; values removed by a one-key exclude are left out).
    /// </summary>
    public static IEnumerable<JobPythonVersion> Versions(Job job)
    {
        foreach (var step in job.Steps.Where(step => step.UsesAction("actions/setup-python")))
        {
            if (step.Input("python-version") is not { } input)
            {
                continue;
            }

            if (!input.HasExpression)
            {
                foreach (string line in input.Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    yield return new JobPythonVersion(line, input.Node, input, null, null, false);
                }

                continue;
            }

            var templates = ExpressionTemplates.Find(input.Value.Trim());
            string inner = templates.Count == 1 && templates[0].Closed && templates[0].Start == 0 && templates[0].End == input.Value.Trim().Length ? templates[0].Inner.Trim() : "";
            if (!inner.StartsWith("matrix.", StringComparison.Ordinal) || job.Matrix is not { IsDynamic: false } matrix)
            {
                continue;
            }

            string key = inner["matrix.".Length..];
            var excluded = matrix.Exclude.Where(item => item.Entries.Count == 1 && item.Entries[0].Key.Value == key)
                .Select(item => item.Entries[0].Scalar?.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);
            if (matrix.Row(key) is { IsDynamic: false } row)
            {
                foreach (var value in row.Values.OfType<YamlScalarNode>().Where(value => value.Value is { } text && !excluded.Contains(text)))
                {
                    yield return new JobPythonVersion(value.Value!, value, input, row, key, false);
                }
            }

            foreach (var entry in matrix.Include.SelectMany(item => item.Entries).Where(entry => entry.Key.Value == key))
            {
                if (entry.Scalar is { HasExpression: false } scalar)
                {
                    yield return new JobPythonVersion(scalar.Value, scalar.Node, input, null, key, true);
                }
            }
        }
    }

    /// <summary>
    /// "3.10" to (3, 10, null); "3.11.4" to (3, 11, "3.11.4"); "pypy3.10" to (3, 10, null). Null for what names no single
    /// series: "3", "3.x", ranges, "3.13t".
    /// </summary>
    public static (int Major, int Minor, string? Exact)? Parse(string text)
    {
        text = text.Trim();
        if (text.StartsWith("pypy", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..].TrimStart('-');
        }

        int dash = text.IndexOf('-');
        text = dash >= 0 ? text[..dash] : text;
        string[] parts = text.Split('.');
        if (parts.Length is < 2 or > 3 || !int.TryParse(parts[0], out int major) || !int.TryParse(parts[1], out int minor))
        {
            return null;
        }

        return parts.Length == 3 ? int.TryParse(parts[2], out _) ? (major, minor, text) : null : (major, minor, null);
    }

    /// <summary>
    /// The pyproject.toml the job's run steps work in: the deepest one at or above their working directories. Null when
    /// the steps work under different projects.
    /// </summary>
    public static PyProjectFile? ProjectFor(PythonProject python, WorkflowFile file, Job job)
    {
        var directories = job.Steps.Where(step => step.Run is not null).Select(step => WorkflowJobs.WorkingDirectory(file, job, step)).OfType<string>().DefaultIfEmpty("").Distinct();
        var projects = directories.Select(directory => python.PyProjects
                .Where(project => WorkflowJobs.IsWithin(directory, WorkflowJobs.FolderOf(project.Path)))
                .MaxBy(project => WorkflowJobs.FolderOf(project.Path).Length))
            .Distinct().ToList();
        return projects is [{ } single] ? single : null;
    }

    /// <summary>The command that pip-installs the project folder itself (<c>pip install .</c>, <c>-e ".[test]"</c>), or null.</summary>
    public static string? ProjectInstallCommand(WorkflowFile file, Job job, PyProjectFile project)
    {
        string folder = WorkflowJobs.FolderOf(project.Path);
        var install = PythonInstalls.Before(file, job, int.MaxValue)?.FirstOrDefault(item => item.Targets.Any(target => target.Path == folder));
        return install?.Line.ToString();
    }

    /// <summary>
    /// Removes one value of a matrix row (flow <c>["3.8", "3.9"]</c> or block <c>- "3.8"</c> lines), keeping every other
    /// byte. Null when the row would become empty or the edit cannot be made cleanly.
    /// </summary>
    public static Fix? DropRowValue(WorkflowFile file, JobPythonVersion version)
    {
        if (version.Row is not { Node: YamlSequenceNode sequence } row || row.Values.Count < 2)
        {
            return null;
        }

        int index = row.Values.ToList().IndexOf(version.Node);
        if (index < 0)
        {
            return null;
        }

        var span = TextSpan.Of(version.Node);
        TextSpan removed;
        if (sequence.Style == YamlDotNet.Core.Events.SequenceStyle.Flow)
        {
            removed = index < row.Values.Count - 1
                ? new TextSpan(span.Start, TextSpan.Of(row.Values[index + 1]).Start)
                : new TextSpan(TextSpan.Of(row.Values[index - 1]).End, span.End);
        }
        else
        {
            var (line, _) = file.Text.Position(span.Start);
            int start = file.Text.LineStart(line);
            string before = file.Text.Text[start..span.Start];
            if (before.Trim() != "-")
            {
                return null;
            }

            int end = line < file.Text.LineCount ? file.Text.LineStart(line + 1) : file.Text.Text.Length;
            removed = new TextSpan(start, end);
        }

        return WorkflowReporting.Replace(file, removed, "", $"drop Python {version.Text} from the matrix", safe: false);
    }
}
