namespace Drydock.Compose.Parsing;

/// <summary>The forms of <c>${VAR...}</c> the Compose Specification defines.</summary>
public enum InterpolationOperator
{
    /// <summary><c>$VAR</c> or <c>${VAR}</c>.</summary>
    None,

    /// <summary><c>${VAR:-default}</c>: default when unset or empty.</summary>
    DefaultIfUnsetOrEmpty,

    /// <summary><c>${VAR-default}</c>: default when unset.</summary>
    DefaultIfUnset,

    /// <summary><c>${VAR:?error}</c>: fail when unset or empty.</summary>
    ErrorIfUnsetOrEmpty,

    /// <summary><c>${VAR?error}</c>: fail when unset.</summary>
    ErrorIfUnset,

    /// <summary><c>${VAR:+alternative}</c>: alternative when set and not empty.</summary>
    AlternativeIfSetNonEmpty,

    /// <summary><c>${VAR+alternative}</c>: alternative when set.</summary>
    AlternativeIfSet,
}

/// <summary>One variable used in a value. Offsets are into the scalar's value (not the file).</summary>
public sealed record VariableReference(string Name, InterpolationOperator Operator, string Argument, int Start, int Length)
{
    /// <summary>True when an unset variable still yields a value the author chose (a default or an alternative).</summary>
    public bool HasFallback => Operator is not (InterpolationOperator.None or InterpolationOperator.ErrorIfUnset or InterpolationOperator.ErrorIfUnsetOrEmpty);

    /// <summary>True for <c>:?</c> and <c>?</c>: the author made the variable required on purpose.</summary>
    public bool IsDeclaredRequired => Operator is InterpolationOperator.ErrorIfUnset or InterpolationOperator.ErrorIfUnsetOrEmpty;
}

/// <summary>The result of interpolating one value: the text, the variables it used, and the template errors compose would give.</summary>
public sealed record InterpolationResult(string Value, IReadOnlyList<VariableReference> References, IReadOnlyList<string> Errors);

/// <summary>
/// Compose variable interpolation: <c>$VAR</c>, <c>${VAR}</c>, the six operator forms, nested templates in
/// defaults (<c>${A:-${B}}</c>) and <c>$$</c> for a literal dollar. A scanner over the characters, not a regex,
/// so that nesting and unterminated templates are handled exactly.
/// </summary>
public static class Interpolation
{
    private const int MaxDepth = 16;

    public static bool MayContainVariables(string value) => value.Contains('$', StringComparison.Ordinal);

    /// <param name="value">The scalar's value.</param>
    /// <param name="lookup">Variable values (null: unset).</param>
    public static InterpolationResult Interpolate(string value, Func<string, string?> lookup)
    {
        var references = new List<VariableReference>();
        var errors = new List<string>();
        string result = Expand(value, 0, value.Length, lookup, references, errors, 0, 0);
        return new InterpolationResult(result, references, errors);
    }

    private static string Expand(string text, int start, int end, Func<string, string?> lookup, List<VariableReference> references, List<string> errors, int baseOffset, int depth)
    {
        var builder = new System.Text.StringBuilder(end - start);
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (c != '$')
            {
                builder.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= end)
            {
                builder.Append('$');
                i++;
                continue;
            }

            char next = text[i + 1];
            if (next == '$')
            {
                builder.Append('$');
                i += 2;
                continue;
            }

            if (IsNameStart(next))
            {
                int nameEnd = i + 1;
                while (nameEnd < end && IsNameChar(text[nameEnd]))
                {
                    nameEnd++;
                }

                string name = text[(i + 1)..nameEnd];
                references.Add(new VariableReference(name, InterpolationOperator.None, "", baseOffset + i, nameEnd - i));
                builder.Append(lookup(name) ?? "");
                i = nameEnd;
                continue;
            }

            if (next != '{')
            {
                // "$ " or "$1": compose keeps it literally.
                builder.Append('$');
                i++;
                continue;
            }

            int close = MatchingBrace(text, i + 2, end);
            if (close < 0)
            {
                errors.Add($"Invalid template: \"{text[i..end]}\"");
                builder.Append(text, i, end - i);
                break;
            }

            builder.Append(ExpandBraced(text, i, close, lookup, references, errors, baseOffset, depth));
            i = close + 1;
        }

        return builder.ToString();
    }

    private static string ExpandBraced(string text, int dollar, int close, Func<string, string?> lookup, List<VariableReference> references, List<string> errors, int baseOffset, int depth)
    {
        int nameStart = dollar + 2;
        int nameEnd = nameStart;
        while (nameEnd < close && IsNameChar(text[nameEnd]))
        {
            nameEnd++;
        }

        string name = text[nameStart..nameEnd];
        if (name.Length == 0 || !IsNameStart(name[0]))
        {
            errors.Add($"Invalid template: \"{text[dollar..(close + 1)]}\"");
            return "";
        }

        var (op, argumentStart) = ReadOperator(text, nameEnd, close);
        if (op is null)
        {
            errors.Add($"Invalid template: \"{text[dollar..(close + 1)]}\"");
            return "";
        }

        string rawArgument = text[argumentStart..close];
        references.Add(new VariableReference(name, op.Value, rawArgument, baseOffset + dollar, close + 1 - dollar));
        string? current = lookup(name);
        string Argument() => depth >= MaxDepth ? rawArgument : Expand(text, argumentStart, close, lookup, references, errors, baseOffset, depth + 1);

        switch (op.Value)
        {
            case InterpolationOperator.None:
                return current ?? "";
            case InterpolationOperator.DefaultIfUnsetOrEmpty:
                return string.IsNullOrEmpty(current) ? Argument() : current;
            case InterpolationOperator.DefaultIfUnset:
                return current ?? Argument();
            case InterpolationOperator.ErrorIfUnsetOrEmpty:
            case InterpolationOperator.ErrorIfUnset:
                bool missing = op.Value == InterpolationOperator.ErrorIfUnset ? current is null : string.IsNullOrEmpty(current);
                if (missing)
                {
                    errors.Add($"required variable {name} is missing a value: {Argument()}");
                }

                return current ?? "";
            case InterpolationOperator.AlternativeIfSetNonEmpty:
                return string.IsNullOrEmpty(current) ? "" : Argument();
            default:
                return current is null ? "" : Argument();
        }
    }

    private static (InterpolationOperator? Operator, int ArgumentStart) ReadOperator(string text, int at, int close)
    {
        if (at == close)
        {
            return (InterpolationOperator.None, at);
        }

        bool colon = text[at] == ':';
        int symbol = colon ? at + 1 : at;
        if (symbol >= close)
        {
            return (null, 0);
        }

        InterpolationOperator? op = text[symbol] switch
        {
            '-' => colon ? InterpolationOperator.DefaultIfUnsetOrEmpty : InterpolationOperator.DefaultIfUnset,
            '?' => colon ? InterpolationOperator.ErrorIfUnsetOrEmpty : InterpolationOperator.ErrorIfUnset,
            '+' => colon ? InterpolationOperator.AlternativeIfSetNonEmpty : InterpolationOperator.AlternativeIfSet,
            _ => null,
        };
        return (op, symbol + 1);
    }

    /// <summary>The index of the '}' closing a template whose body starts at <paramref name="from"/>, honouring nested <c>${...}</c>.</summary>
    private static int MatchingBrace(string text, int from, int end)
    {
        int depth = 0;
        for (int i = from; i < end; i++)
        {
            if (text[i] == '$' && i + 1 < end && text[i + 1] == '$')
            {
                i++;
                continue;
            }

            if (text[i] == '$' && i + 1 < end && text[i + 1] == '{')
            {
                depth++;
                i++;
                continue;
            }

            if (text[i] == '}')
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
        }

        return -1;
    }

    private static bool IsNameStart(char c) => c == '_' || char.IsAsciiLetter(c);

    private static bool IsNameChar(char c) => c == '_' || char.IsAsciiLetterOrDigit(c);
}
