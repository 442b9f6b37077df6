using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA007: jobs whose needs form a cycle.</summary>
public sealed class NeedsCycleRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA007",
        "needs-cycle",
        Severity.Error,
        "Jobs whose needs: form a cycle (a needs b, b needs a).",
        "GitHub rejects a workflow whose job graph has a cycle: none of its jobs can ever start.",
        "Break the cycle: decide which job really runs first and remove the other dependency.")
    {
        Equivalents = ["actionlint job-needs"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var file in workflows.Workflows)
        {
            var jobs = file.Jobs.ToDictionary(job => job.Id.Value, StringComparer.Ordinal);
            var state = new Dictionary<string, int>(StringComparer.Ordinal);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var job in file.Jobs)
            {
                var path = new List<string>();
                if (FindCycle(job.Id.Value, jobs, state, path) is { } cycle && reported.Add(string.Join(',', cycle.Order(StringComparer.Ordinal))))
                {
                    var first = jobs[cycle[0]];
                    var need = first.Needs.First(item => item.Value == cycle[1 % cycle.Count]);
                    sink.Report(Descriptor, file, need.Span, $"jobs depend on each other in a cycle: {string.Join(" -> ", cycle.Append(cycle[0]))}");
                }
            }
        }
    }

    // Depth-first search with colours: 1 on the current path, 2 finished.
    private static List<string>? FindCycle(string id, Dictionary<string, Job> jobs, Dictionary<string, int> state, List<string> path)
    {
        if (state.TryGetValue(id, out int colour))
        {
            int onPath = path.IndexOf(id);
            return colour == 1 && onPath >= 0 ? path[onPath..] : null;
        }

        state[id] = 1;
        path.Add(id);
        foreach (var need in jobs[id].Needs)
        {
            if (need.Value != id && jobs.ContainsKey(need.Value) && FindCycle(need.Value, jobs, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        state[id] = 2;
        return null;
    }
}
