using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Drydock.Python.Model;
using Drydock.Workflows.Model;
using Drydock.Workflows.Parsing;

namespace Drydock.CrossFile.Rules.Workflows;

/// <summary>A pytest run of a workflow step: the step, the run as the Python model reads it, and where it is written.</summary>
internal sealed record PytestStep(WorkflowFile File, Job Job, Step Step, PytestRun Run, TextSpan Span, string Command);

/// <summary>
/// Finds pytest runs (<c>pytest ...</c>, <c>python -m pytest ...</c>, behind <c>uv run</c>, <c>poetry run</c>, after
/// <c>cd dir &amp;&amp;</c>) in the run steps of jobs that check out the repository, with the step's working directory.
/// </summary>
internal static class PytestSteps
{
    /// <summary>Stands for a <c>${{ }}</c> while the command is read: a shell variable, so that its value stays unknown.</summary>
    private const string Placeholder = "${GHA_EXPRESSION}";

    /// <summary>Collections already predicted, per project: CI repeats the same pytest command across jobs and workflows.</summary>
    private static readonly ConditionalWeakTable<PythonProject, ConcurrentDictionary<string, PytestCollection>> Collections = [];

    /// <summary>What pytest collects for the run (the Python model's prediction), computed once per folder and arguments.</summary>
    public static PytestCollection Collect(PythonProject python, PytestRun run) =>
        Collections.GetOrCreateValue(python).GetOrAdd(run.WorkingDirectory + "\0" + string.Join("\0", run.Arguments), _ => python.CollectTests(run.WorkingDirectory, run.Arguments));

    public static IEnumerable<PytestStep> In(WorkflowFile file)
    {
        foreach (var job in file.Jobs)
        {
            foreach (var step in job.Steps)
            {
                if (step.Run is not { } run || !RunScript.RunsInPosixShell(step) || !run.Value.Contains("py", StringComparison.Ordinal) || !WorkflowJobs.ChecksOutRepository(job, step)
                    || WorkflowJobs.WorkingDirectory(file, job, step) is not { } directory)
                {
                    continue;
                }

                foreach (var found in Runs(file, job, step, run, directory))
                {
                    yield return found;
                }
            }
        }
    }

    private static List<PytestStep> Runs(WorkflowFile file, Job job, Step step, PositionedString run, string directory)
    {
        string value = run.Value.Replace("\\\n", "  ", StringComparison.Ordinal);
        var all = PytestCommandLine.FindRuns(Replace(value), directory);
        var found = new List<PytestStep>();
        if (all.Count == 0)
        {
            return found;
        }

        // Place each run on its own line: count the runs line by line, in the same order as in the whole script.
        var placed = new List<(TextSpan Span, string Command)>();
        int offset = 0;
        foreach (string line in value.Split('\n'))
        {
            int count = PytestCommandLine.FindRuns(Replace(line)).Count;
            string command = line.Trim();
            int at = offset + line.IndexOf(command, StringComparison.Ordinal);
            string written = run.Value.Substring(at, command.Length).Split('\n')[0].TrimEnd(' ', '\\');
            for (int k = 0; k < count; k++)
            {
                placed.Add((file.Locate(run, at, written.Length), command));
            }

            offset += line.Length + 1;
        }

        for (int k = 0; k < all.Count; k++)
        {
            var (span, command) = placed.Count == all.Count ? placed[k] : (run.Span, run.Value.Trim());
            found.Add(new PytestStep(file, job, step, Unmask(all[k]), span, command));
        }

        return found;
    }

    private static string Replace(string text)
    {
        var templates = ExpressionTemplates.Find(text);
        for (int k = templates.Count - 1; k >= 0; k--)
        {
            text = string.Concat(text.AsSpan(0, templates[k].Start), Placeholder, text.AsSpan(templates[k].End));
        }

        return text;
    }

    /// <summary>
    /// An expression inside an option (<c>--junitxml=report-${{ matrix.python-version }}.xml</c>) does not change what
    /// pytest collects; one in a path does, and stays a variable so that the collection is not predicted.
    /// </summary>
    private static PytestRun Unmask(PytestRun run) =>
        run with { Arguments = [.. run.Arguments.Select(argument => argument.StartsWith('-') ? argument.Replace(Placeholder, "expression", StringComparison.Ordinal) : argument)] };
}
