using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF031: a keyword the builder does not know.</summary>
public sealed class UnknownInstructionRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF031",
        "unknown-instruction",
        Severity.Error,
        "The Dockerfile has an instruction the builder does not know.",
        "The build stops at once with 'unknown instruction'. It is often a continuation line whose previous line lost its trailing backslash, or a typo.",
        "Fix the keyword, or restore the backslash at the end of the previous line.");

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitInstruction(DockerfileContext context, Instruction instruction)
    {
        if (instruction.IsKnown)
        {
            return;
        }

        string? close = DockerfileKeywords.All.FirstOrDefault(keyword => Distance(keyword, instruction.Keyword) <= 1 && instruction.Keyword.Length > 2);
        var previous = instruction.Index > 0 ? context.Document.Instructions[instruction.Index - 1] : null;
        string hint = close is not null
            ? $"did you mean {close}?"
            : previous is RunInstruction && previous.EndLine == instruction.Line - 1
                ? $"if it continues the RUN at line {previous.Line}, that line needs a trailing {instruction.EscapeCharacter}"
                : $"known instructions: {string.Join(", ", DockerfileKeywords.All.Order(StringComparer.Ordinal))}";
        context.Report(Descriptor, instruction.KeywordSpan, $"unknown instruction '{instruction.KeywordText}': {hint}");
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int previous = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }

        return row[b.Length];
    }
}
