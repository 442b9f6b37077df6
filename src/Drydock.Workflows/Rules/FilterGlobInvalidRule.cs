using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;
using Drydock.Workflows.Parsing;

namespace Drydock.Workflows.Rules;

/// <summary>GA009: a branches/tags/paths filter pattern that is invalid or can never match.</summary>
public sealed class FilterGlobInvalidRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA009",
        "filter-glob-invalid",
        Severity.Error,
        "A branches, tags or paths filter whose glob pattern is invalid or can never match, or that mixes a filter with its -ignore form.",
        "A filter that never matches silently stops the workflow from running on the pushes it was written for; mixing branches and branches-ignore is rejected.",
        "Fix the pattern (close '[', no spaces or '..' in ref names), or use one of the filter and its -ignore form with '!' patterns.")
    {
        Equivalents = ["actionlint glob", "actionlint events"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var file in workflows.Workflows)
        {
            foreach (var trigger in file.Events)
            {
                foreach (var (filter, patterns) in trigger.Filters)
                {
                    bool isRef = !filter.StartsWith("paths", StringComparison.Ordinal);
                    foreach (var pattern in patterns.Where(pattern => !pattern.HasExpression))
                    {
                        if (FilterGlob.Validate(pattern.Value, isRef) is { } problem)
                        {
                            sink.Report(Descriptor, file, pattern.Span, $"{trigger.Name.Value} {filter} pattern '{pattern.Value}': {problem}");
                        }
                    }

                    if (!filter.EndsWith("-ignore", StringComparison.Ordinal) && trigger.Filters.ContainsKey(filter + "-ignore") && patterns.Count > 0)
                    {
                        sink.Report(Descriptor, file, patterns[0].Span, $"{trigger.Name.Value} has both '{filter}' and '{filter}-ignore'; GitHub rejects that: use '{filter}' with '!' patterns");
                    }
                }
            }
        }
    }
}
