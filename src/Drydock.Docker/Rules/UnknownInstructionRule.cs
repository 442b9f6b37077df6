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

    private static readonly string KnownList = string.Join(", ", DockerfileKeywords.All.Order(StringComparer.Ordinal));

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitInstruction(DockerfileContext context, Instruction instruction)
    {
        if (instruction.IsKnown)
        {
            return;
        }

        string? close = instruction.Keyword.Length > 2 ? DockerfileKeywords.All.FirstOrDefault(keyword => WithinOneEdit(keyword, instruction.Keyword)) : null;
        var previous = instruction.Index > 0 ? context.Document.Instructions[instruction.Index - 1] : null;
        string hint = close is not null
            ? $"did you mean {close}?"
            : previous is RunInstruction && previous.EndLine == instruction.Line - 1
                ? $"if it continues the RUN at line {previous.Line}, that line needs a trailing {instruction.EscapeCharacter}"
                : $"known instructions: {KnownList}";
        context.Report(Descriptor, instruction.KeywordSpan, $"unknown instruction '{instruction.KeywordText}': {hint}");
    }

    /// <summary>True when the edit (Levenshtein) distance between the words is at most 1; linear, no table.</summary>
    private static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        int prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        // Past the common prefix, one substitution, insertion or deletion must leave equal remainders.
        var restA = a.AsSpan(prefix);
        var restB = b.AsSpan(prefix);
        return a.Length == b.Length ? restA.Length == 0 || restA[1..].SequenceEqual(restB[1..])
            : a.Length > b.Length ? restA[1..].SequenceEqual(restB)
            : restA.SequenceEqual(restB[1..]);
    }
}
