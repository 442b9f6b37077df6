using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF035: arguments that start with '[' but are not a JSON array: the builder runs them as a shell command.</summary>
public sealed class ExecFormInvalidJsonRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF035",
        "exec-form-invalid-json",
        Severity.Error,
        "An exec form is not valid JSON, so it runs as a shell command.",
        "When the arguments are not a JSON array of double-quoted strings, the builder silently falls back to the shell form: CMD [python, app.py] runs '/bin/sh -c \"[python, app.py]\"', and the container exits with '[python,: not found'.",
        "Write valid JSON with double quotes: CMD [\"python\", \"app.py\"].")
    {
        Fixable = true,
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitInstruction(DockerfileContext context, Instruction instruction)
    {
        var problem = instruction.JsonProblem ?? (instruction as HealthcheckInstruction)?.CommandProblem;
        if (problem is null)
        {
            return;
        }

        context.Report(Descriptor, problem.Span, $"{instruction.Keyword} {problem.Message}; the builder will run '{instruction.ArgumentsText}' with /bin/sh -c instead", Repair(context, instruction));
    }

    /// <summary>['a', 'b'] → ["a", "b"] when single quotes are the only defect.</summary>
    private static Fix? Repair(DockerfileContext context, Instruction instruction)
    {
        string text = instruction.ArgumentsText;
        if (instruction.EndLine != instruction.Line || text.Contains('"') || !text.StartsWith('[') || !text.EndsWith(']'))
        {
            return null;
        }

        string repaired = text.Replace('\'', '"');
        var document = DockerfileDocument.Parse("x", $"FROM scratch\n{instruction.Keyword} {repaired}\n");
        return document.Instructions[^1].IsJsonForm ? context.Replace("use double quotes", instruction.ArgumentsSpan, repaired) : null;
    }
}
