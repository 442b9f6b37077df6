using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Knowledge;
using Drydock.Workflows.Model;
using Drydock.Workflows.Parsing;

namespace Drydock.Workflows.Rules;

/// <summary>GA004: an expression that names a context or function that does not exist, or calls one with the wrong arity.</summary>
public sealed class ExpressionContextUnknownRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA004",
        "expression-context-unknown",
        Severity.Error,
        "An expression uses an unknown context (e.g. 'secret.TOKEN') or an unknown function, or calls a function with the wrong number of arguments.",
        "GitHub fails the run with 'Unrecognized named-value' or 'Unrecognized function' when it evaluates such an expression.",
        "Use one of the contexts github, env, vars, job, jobs, steps, runner, secrets, strategy, matrix, needs, inputs, and the documented functions.")
    {
        Equivalents = ["actionlint expression"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        var contexts = WorkflowKnowledge.Contexts;
        foreach (var site in workflows.Files.SelectMany(file => file.Expressions))
        {
            if (site.Tree is null)
            {
                continue;
            }

            foreach (var node in ExprNodes.Descendants(site.Tree))
            {
                switch (node)
                {
                    case IdentifierNode identifier when !contexts.Contains(identifier.Name):
                        sink.Report(Descriptor, site.File, site.SpanOf(identifier.Start, identifier.End),
                            $"unknown context '{identifier.Name}' in {site.Field}{WorkflowReporting.Suggest(identifier.Name, contexts)}");
                        break;
                    case CallNode call:
                        var function = WorkflowKnowledge.Functions.FirstOrDefault(item => item.Name.Equals(call.Name, StringComparison.OrdinalIgnoreCase));
                        if (function is null)
                        {
                            sink.Report(Descriptor, site.File, site.SpanOf(call.Start, call.NameEnd),
                                $"unknown function '{call.Name}' in {site.Field}{WorkflowReporting.Suggest(call.Name, WorkflowKnowledge.Functions.Select(item => item.Name))}");
                        }
                        else if (call.Arguments.Count < function.Min || call.Arguments.Count > function.Max)
                        {
                            string expected = function.Min == function.Max ? $"{function.Min}" : $"{function.Min} to {function.Max}";
                            sink.Report(Descriptor, site.File, site.SpanOf(call.Start, call.End),
                                $"{function.Name}() takes {expected} argument(s), this call passes {call.Arguments.Count}");
                        }

                        break;
                }
            }
        }
    }
}
