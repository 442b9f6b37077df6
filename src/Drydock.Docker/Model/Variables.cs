using System.Text;

namespace Drydock.Docker.Model;

/// <summary>Where a variable's value comes from.</summary>
public enum VariableOrigin
{
    /// <summary>An ARG (its default, or a --build-arg the caller gave).</summary>
    Arg,
    Env,

    /// <summary>TARGETARCH and friends: known only when the caller names a platform.</summary>
    Platform,

    /// <summary>HTTP_PROXY and the other build args Docker defines without an ARG.</summary>
    Predefined,
}

/// <summary>A variable in scope. <see cref="Value"/> is null when it cannot be known from the files (an ARG without default).</summary>
public sealed record Variable(string Name, string? Value, VariableOrigin Origin, Instruction? DeclaredBy)
{
    public bool IsKnown => Value is not null;
}

/// <summary>The result of expanding a word: the text, and whether every variable in it had a known value.</summary>
public sealed record Expansion(string Text, bool IsKnown, IReadOnlyList<string> UnknownVariables, IReadOnlyList<string> UndeclaredVariables);

/// <summary>
/// The variables visible at one point of a Dockerfile, and BuildKit's expansion of <c>$VAR</c>, <c>${VAR}</c>,
/// <c>${VAR:-default}</c>, <c>${VAR-default}</c>, <c>${VAR:+alt}</c>, <c>${VAR+alt}</c>, <c>${VAR:?msg}</c>.
/// An undeclared variable expands to nothing (as BuildKit does) and is listed in <see cref="Expansion.UndeclaredVariables"/>;
/// a variable whose value is unknown makes the whole expansion unknown, so rules can stay quiet instead of guessing.
/// </summary>
public sealed class VariableScope
{
    public static readonly VariableScope Empty = new(new Dictionary<string, Variable>(StringComparer.Ordinal));

    // A Dockerfile is walked one declaration at a time, and the scope in force at every instruction is kept.
    // Copying every variable at each ARG/ENV made that quadratic, so scopes made one after another share an
    // append-only history, and each one sees a prefix of it (its first `count` declarations).
    private readonly History history;
    private readonly int count;

    internal VariableScope(Dictionary<string, Variable> variables)
    {
        history = new History();
        foreach (var variable in variables.Values)
        {
            history.Append(variable);
        }

        count = history.Count;
    }

    private VariableScope(History history, int count)
    {
        this.history = history;
        this.count = count;
    }

    /// <summary>Every variable in scope, in the order they were first declared, each with its latest value.</summary>
    public IEnumerable<Variable> All
    {
        get
        {
            for (int index = 0; index < count; index++)
            {
                string name = history[index].Name;
                if (history.FirstIndexOf(name) == index)
                {
                    yield return history.Latest(name, count)!;
                }
            }
        }
    }

    public Variable? this[string name] => history.Latest(name, count);

    public bool IsDeclared(string name) => history.Latest(name, count) is not null;

    internal VariableScope With(Variable variable)
    {
        // The newest scope of a history extends it in place; an older one (or the shared empty scope) starts a
        // history of its own from what it sees, so no scope ever sees a declaration made after it. Scopes are
        // made while a document is built, on one thread, and only read afterwards.
        if (count > 0 && history.Count == count)
        {
            history.Append(variable);
            return new VariableScope(history, count + 1);
        }

        var copy = new Dictionary<string, Variable>(StringComparer.Ordinal);
        foreach (var visible in All)
        {
            copy[visible.Name] = visible;
        }

        copy[variable.Name] = variable;
        return new VariableScope(copy);
    }

    /// <summary>Declarations in order; each name's first and last declaration, and each declaration's previous one of the same name.</summary>
    private sealed class History
    {
        private readonly List<Variable> declarations = [];
        private readonly List<int> previousOfSameName = [];
        private readonly Dictionary<string, (int First, int Last)> names = new(StringComparer.Ordinal);

        public int Count => declarations.Count;

        public Variable this[int index] => declarations[index];

        public void Append(Variable variable)
        {
            int index = declarations.Count;
            if (names.TryGetValue(variable.Name, out var seen))
            {
                previousOfSameName.Add(seen.Last);
                names[variable.Name] = (seen.First, index);
            }
            else
            {
                previousOfSameName.Add(-1);
                names[variable.Name] = (index, index);
            }

            declarations.Add(variable);
        }

        public int FirstIndexOf(string name) => names[name].First;

        /// <summary>The last declaration of <paramref name="name"/> among the first <paramref name="visible"/>, or null.</summary>
        public Variable? Latest(string name, int visible)
        {
            if (!names.TryGetValue(name, out var seen))
            {
                return null;
            }

            int index = seen.Last;
            while (index >= visible)
            {
                index = previousOfSameName[index];
            }

            return index < 0 ? null : declarations[index];
        }
    }

    /// <summary>Expands a raw word (quotes and escapes are removed as BuildKit does).</summary>
    public Expansion Expand(string raw, char escape = '\\')
    {
        if (raw.AsSpan().IndexOfAny('$', '\'', '"') < 0 && !raw.Contains(escape))
        {
            // No variable, quote or escape: the word is its own expansion.
            return new Expansion(raw, true, [], []);
        }

        var expander = new Expander(this, escape);
        string text = expander.Run(raw);
        return new Expansion(text, expander.Unknown.Count == 0, expander.Unknown, expander.Undeclared);
    }

    public Expansion Expand(DockerWord word, char escape = '\\') => Expand(word.Raw, escape);

    private sealed class Expander(VariableScope scope, char escape)
    {
        public List<string> Unknown { get; } = [];

        public List<string> Undeclared { get; } = [];

        public string Run(string raw, int depth = 0)
        {
            var builder = new StringBuilder();
            char quote = '\0';
            for (int index = 0; index < raw.Length; index++)
            {
                char c = raw[index];
                if (quote == '\'')
                {
                    if (c == '\'') { quote = '\0'; } else { builder.Append(c); }
                    continue;
                }

                if (c == escape && index + 1 < raw.Length)
                {
                    builder.Append(raw[++index]);
                    continue;
                }

                if (quote == '\0' && c is '\'' or '"')
                {
                    quote = c;
                    continue;
                }

                if (quote == '"' && c == '"')
                {
                    quote = '\0';
                    continue;
                }

                if (c == '$' && index + 1 < raw.Length)
                {
                    index = ExpandAt(raw, index, builder, depth);
                    continue;
                }

                builder.Append(c);
            }

            return builder.ToString();
        }

        /// <summary>Expands the reference at <paramref name="dollar"/>; returns the index of its last character.</summary>
        private int ExpandAt(string raw, int dollar, StringBuilder builder, int depth)
        {
            int index = dollar + 1;
            if (raw[index] != '{')
            {
                int end = index;
                while (end < raw.Length && (char.IsAsciiLetterOrDigit(raw[end]) || raw[end] == '_'))
                {
                    end++;
                }

                if (end == index)
                {
                    builder.Append('$');
                    return dollar;
                }

                builder.Append(Lookup(raw[index..end]) ?? "");
                return end - 1;
            }

            int close = Close(raw, index);
            if (close < 0)
            {
                Unknown.Add(raw[(index + 1)..]);
                return raw.Length - 1;
            }

            string body = raw[(index + 1)..close];
            int nameEnd = 0;
            while (nameEnd < body.Length && (char.IsAsciiLetterOrDigit(body[nameEnd]) || body[nameEnd] == '_'))
            {
                nameEnd++;
            }

            string name = body[..nameEnd];
            string rest = body[nameEnd..];
            if (rest.Length == 0)
            {
                builder.Append(Lookup(name) ?? "");
                return close;
            }

            bool colon = rest.StartsWith(':');
            string op = colon && rest.Length > 1 ? rest[..2] : rest[..1];
            string word = rest[op.Length..];
            var variable = scope[name];
            if (variable is null)
            {
                Undeclared.Add(name);
            }

            bool unknown = variable is { IsKnown: false };
            bool set = variable is { Value: { } known } && (!colon || known.Length > 0);
            switch (op)
            {
                case ":-" or "-":
                    if (unknown) { Unknown.Add(name); return close; }
                    builder.Append(set ? variable!.Value : depth < 8 ? Run(word, depth + 1) : "");
                    return close;
                case ":+" or "+":
                    if (unknown) { Unknown.Add(name); return close; }
                    builder.Append(set ? depth < 8 ? Run(word, depth + 1) : "" : "");
                    return close;
                case ":?" or "?":
                    builder.Append(Lookup(name) ?? "");
                    return close;
                default:
                    // Pattern operators (#, %, /) are not evaluated: say unknown rather than guess.
                    Unknown.Add(name);
                    return close;
            }
        }

        private string? Lookup(string name)
        {
            var variable = scope[name];
            if (variable is null)
            {
                Undeclared.Add(name);
                return "";
            }

            if (!variable.IsKnown)
            {
                Unknown.Add(name);
                return null;
            }

            return variable.Value;
        }

        private static int Close(string raw, int open)
        {
            int level = 0;
            for (int index = open; index < raw.Length; index++)
            {
                if (raw[index] == '{') { level++; }
                else if (raw[index] == '}' && --level == 0) { return index; }
            }

            return -1;
        }
    }
}
