using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA003: a <c>${{ }}</c> expression (or an <c>if:</c> condition) that does not parse.</summary>
public sealed class ExpressionSyntaxRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA003",
        "expression-syntax-invalid",
        Severity.Error,
        "A ${{ }} expression or if: condition with a syntax error.",
        "GitHub fails the workflow ('Unrecognized named-value', 'Unexpected symbol') when it evaluates a broken expression; a broken if: fails the job.",
        "Fix the expression: single-quoted strings, '==' for comparison, balanced parentheses and '}}'.")
    {
        Equivalents = ["actionlint expression"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var site in workflows.Files.SelectMany(file => file.Expressions))
        {
            if (site.Error is { } error)
            {
                var span = site.Template is { Closed: false } ? site.Span : site.SpanOf(error.Offset, error.Offset + 1);
                sink.Report(Descriptor, site.File, span, $"invalid expression in {site.Field}: {error.Message} (in '{site.Text.Trim()}')");
            }
        }
    }
}
