using System.Text;
using Drydock.Make.Parsing;

namespace Drydock.Make.Model;

/// <summary>
/// The file's global variables and a simple expander for literal ones. A variable is literal when it is set exactly
/// once, outside conditionals, with <c>=</c> or <c>:=</c>, and its value expands to literal text. Anything else (an
/// append, <c>?=</c> the environment can pre-empt, a function, an automatic variable) is unknown: the expander gives
/// null, and rules stay quiet rather than guess.
/// </summary>
public sealed class MakeVariables
{
    private const int MaxDepth = 16;
    private readonly Dictionary<string, List<MakeAssignment>> byName = new(StringComparer.Ordinal);

    internal MakeVariables(IEnumerable<MakeAssignment> assignments)
    {
        foreach (var assignment in assignments.Where(assignment => assignment.ForTargets.Count == 0))
        {
            (byName.TryGetValue(assignment.Name.Text, out var list) ? list : byName[assignment.Name.Text] = []).Add(assignment);
        }
    }

    public IEnumerable<string> Names => byName.Keys;

    public bool IsDefined(string name) => byName.ContainsKey(name);

    public IReadOnlyList<MakeAssignment> AssignmentsOf(string name) => byName.TryGetValue(name, out var list) ? list : [];

    /// <summary>The text with every reference replaced by its literal value (<c>$$</c> by <c>$</c>); null when one is unknown.</summary>
    public string? Expand(string text) => Expand(text, 0);

    private string? Expand(string text, int depth)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return text;
        }

        if (depth > MaxDepth)
        {
            return null;
        }

        var builder = new StringBuilder();
        int last = 0;
        foreach (var reference in MakeText.References(text, 0, text.Length))
        {
            builder.Append(text, last, reference.Span.Start - last);
            last = reference.Span.End;
            if (reference.Kind == MakeReferenceKind.Escape)
            {
                builder.Append('$');
                continue;
            }

            if (reference.Kind == MakeReferenceKind.Function || reference.Body != reference.Name || LiteralValue(reference.Name, depth) is not { } value)
            {
                return null;
            }

            builder.Append(value);
        }

        builder.Append(text, last, text.Length - last);
        return builder.ToString();
    }

    private string? LiteralValue(string name, int depth)
    {
        if (!byName.TryGetValue(name, out var list) || list.Count != 1)
        {
            return null;
        }

        var only = list[0];
        if (only.Condition.IsConditional || only.IsDefine || only.Operator is not (AssignmentOperator.Recursive or AssignmentOperator.Simple))
        {
            return null;
        }

        return Expand(only.Value.Trim(), depth + 1);
    }
}
