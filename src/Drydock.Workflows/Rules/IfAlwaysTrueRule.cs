using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;
using Drydock.Workflows.Parsing;

namespace Drydock.Workflows.Rules;

/// <summary>GA032: an if: with text outside its ${{ }}, which makes it a non-empty string: always true.</summary>
public sealed class IfAlwaysTrueRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA032",
        "if-always-true",
        Severity.Error,
        "An if: condition has text outside its ${{ }} (or several ${{ }}), so it is a non-empty string and always true.",
        "The step or job runs every time: a deploy meant for main runs on every branch, a push meant for tags runs on pull requests.",
        "Put the whole condition inside one ${{ }}, or drop the ${{ }} altogether.")
    {
        Equivalents = ["actionlint if-cond"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var file in workflows.Files)
        {
            var conditions = file.Jobs.Select(job => job.If).Concat(file.AllSteps().Select(item => item.Step.If)).OfType<PositionedString>();
            foreach (var condition in conditions.Where(condition => condition.HasExpression))
            {
                string value = condition.Value.Trim();
                var templates = ExpressionTemplates.Find(value);
                if (templates.Count == 1 && templates[0].Start == 0 && templates[0].End == value.Length)
                {
                    continue;
                }

                sink.Report(Descriptor, file, condition.Span, $"if: '{value}' has text outside ${{{{ }}}}, so it is a non-empty string and always true");
            }
        }
    }
}
