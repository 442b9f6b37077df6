using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;
using Drydock.Yaml;

namespace Drydock.Workflows.Rules;

/// <summary>GA010: a matrix exclude entry that matches no combination of the matrix.</summary>
public sealed class MatrixFilterMatchesNothingRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA010",
        "matrix-filter-matches-nothing",
        Severity.Warning,
        "A strategy.matrix exclude entry names a key or value that no combination of the matrix has, so it excludes nothing.",
        "The combination the author meant to drop still runs (and usually fails, e.g. Python 3.8 on an arm64 image), or a typo hides the intent.",
        "Use a key and value that the matrix rows define, spelled exactly as in the rows ('3.10' as a string, not 3.1).")
    {
        Equivalents = ["actionlint matrix"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var file in workflows.Workflows)
        {
            foreach (var job in file.Jobs)
            {
                if (job.Matrix is not { IsDynamic: false } matrix)
                {
                    continue;
                }

                foreach (var combination in matrix.Exclude)
                {
                    foreach (var entry in combination.Entries)
                    {
                        var row = matrix.Row(entry.Key.Value);
                        if (row is null)
                        {
                            sink.Report(Descriptor, file, entry.Key.Span,
                                $"exclude key '{entry.Key.Value}' of job '{job.Id.Value}' is not a matrix row{WorkflowReporting.Suggest(entry.Key.Value, matrix.Rows.Select(item => item.Name.Value))}, so this exclude removes nothing");
                            continue;
                        }

                        if (row.IsDynamic || entry.Scalar is not { HasExpression: false } value)
                        {
                            continue;
                        }

                        var values = row.Values.Select(item => item.ScalarValue()).OfType<string>().ToList();
                        if (row.Values.All(item => item.ScalarValue() is not null) && !values.Contains(value.Value))
                        {
                            sink.Report(Descriptor, file, value.Span,
                                $"exclude value '{value.Value}' matches no value of row '{row.Name.Value}' ({string.Join(", ", values)}), so this exclude removes nothing");
                        }
                    }
                }
            }
        }
    }
}
