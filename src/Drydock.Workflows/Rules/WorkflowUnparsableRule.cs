using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA000: a workflow or action file that cannot be read or parsed.</summary>
public sealed class WorkflowUnparsableRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA000",
        "workflow-unparsable",
        Severity.Error,
        "A workflow or action metadata file cannot be read or parsed.",
        "GitHub rejects a workflow it cannot parse ('Invalid workflow file') and runs none of its jobs; no other check can look at it either.",
        "Fix the YAML at the reported line: indentation with spaces only, unique keys, a mapping at the top level.")
    {
        Equivalents = ["actionlint syntax-check"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var problem in workflows.Problems)
        {
            if (problem.Text is { } text && problem.Line > 0)
            {
                int offset = text.Offset(problem.Line, problem.Column);
                sink.Report(Descriptor, text, offset, offset, problem.Message);
            }
            else
            {
                sink.Report(Descriptor, new SourceLocation(problem.Path, problem.Line, problem.Column), problem.Message);
            }
        }
    }
}
