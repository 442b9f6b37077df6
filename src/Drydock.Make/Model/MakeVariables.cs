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
    private readonly HashSet<string> targetSpecific = new(StringComparer.Ordinal);

    internal MakeVariables(IEnumerable<MakeAssignment> assignments)
    {
        foreach (var assignment in assignments)
        {
            if (assignment.ForTargets.Count > 0)
            {
                targetSpecific.Add(assignment.Name.Text);
                continue;
            }

            (byName.TryGetValue(assignment.Name.Text, out var list) ? list : byName[assignment.Name.Text] = []).Add(assignment);
        }
    }

    public IEnumerable<string> Names => byName.Keys;

    public bool IsDefined(string name) => byName.ContainsKey(name);

    public IReadOnlyList<MakeAssignment> AssignmentsOf(string name) => byName.TryGetValue(name, out var list) ? list : [];

    /// <summary>The text with every reference replaced by its literal value (<c>$$</c> by <c>$</c>); null when one is unknown.</summary>
    public string? Expand(string text) => Expand(text, 0, inRecipe: false);

    /// <summary>
    /// A recipe's text with what make expands before running it: each reference to a literal variable replaced by its
    /// value and <c>$$</c> by <c>$</c>; every other reference (a function, an automatic variable like <c>$@</c>, a variable
    /// that is not literal or that some target sets for itself) replaced by <paramref name="unknown"/>'s answer, the
    /// reference as written when it is null.
    /// </summary>
    public ExpandedRecipe ExpandRecipe(string text, Func<MakeReference, string>? unknown = null)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return new ExpandedRecipe(text, true);
        }

        var builder = new StringBuilder(text.Length);
        bool complete = true;
        int last = 0;
        foreach (var reference in MakeText.References(text, 0, text.Length))
        {
            builder.Append(text, last, reference.Span.Start - last);
            last = reference.Span.End;
            string written = text[reference.Span.Start..reference.Span.End];
            string? value = reference.Kind switch
            {
                MakeReferenceKind.Escape => "$",
                MakeReferenceKind.Function => null,
                _ => Expand(written, 0, inRecipe: true),
            };

            complete &= value is not null;
            builder.Append(value ?? unknown?.Invoke(reference) ?? written);
        }

        builder.Append(text, last, text.Length - last);
        return new ExpandedRecipe(builder.ToString(), complete);
    }

    private string? Expand(string text, int depth, bool inRecipe)
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

            if (reference.Kind == MakeReferenceKind.Function || reference.Body != reference.Name || LiteralValue(reference.Name, depth, inRecipe) is not { } value)
            {
                return null;
            }

            builder.Append(value);
        }

        builder.Append(text, last, text.Length - last);
        return builder.ToString();
    }

    private string? LiteralValue(string name, int depth, bool inRecipe)
    {
        // In a recipe a target-specific value may replace the global one for the target being made.
        if ((inRecipe && targetSpecific.Contains(name)) || !byName.TryGetValue(name, out var list) || list.Count != 1)
        {
            return null;
        }

        var only = list[0];
        if (only.Condition.IsConditional || only.IsDefine || only.Operator is not (AssignmentOperator.Recursive or AssignmentOperator.Simple))
        {
            return null;
        }

        return Expand(only.Value.Trim(), depth + 1, inRecipe);
    }
}
