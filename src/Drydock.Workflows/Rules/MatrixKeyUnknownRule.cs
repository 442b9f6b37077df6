using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;
using Drydock.Workflows.Parsing;

namespace Drydock.Workflows.Rules;

/// <summary>GA011: matrix.x where the job's matrix defines no key x (or the job has no matrix).</summary>
public sealed class MatrixKeyUnknownRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA011",
        "matrix-key-unknown",
        Severity.Error,
        "An expression reads matrix.<key> but the job's strategy.matrix defines no such key.",
        "matrix.<key> evaluates to an empty string: setup-python installs the default Python, a tag comes out empty, and the job tests the wrong thing without failing.",
        "Use a key the matrix defines (rows or include), spelled exactly the same.")
    {
        Equivalents = ["actionlint expression"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var site in workflows.Workflows.SelectMany(file => file.Expressions))
        {
            if (site.Tree is null || site.Job is not { } job || job.Matrix is { IsDynamic: true })
            {
                continue;
            }

            var keys = job.Matrix?.Keys.ToList() ?? [];
            foreach (var (node, path) in ExprNodes.AccessChains(site.Tree))
            {
                if (path.Count < 2 || path[0] != "matrix" || path[1] == "*" || keys.Contains(path[1]))
                {
                    continue;
                }

                string message = job.Matrix is null
                    ? $"job '{job.Id.Value}' reads matrix.{path[1]} but has no strategy.matrix"
                    : $"matrix.{path[1]} is not defined by the matrix of job '{job.Id.Value}' ({string.Join(", ", keys)}){WorkflowReporting.Suggest(path[1], keys)}";
                sink.Report(Descriptor, site.File, site.SpanOf(node.Start, node.End), message);
            }
        }
    }
}
