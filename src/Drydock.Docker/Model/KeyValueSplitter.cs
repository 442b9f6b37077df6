using Drydock.Docker.Parsing;

namespace Drydock.Docker.Model;

/// <summary>Shared reading of <c>key=value</c> words for ARG, ENV and LABEL.</summary>
internal static class KeyValueSplitter
{
    public static bool Split(DockerWord word, out string key, out TextSpan keySpan, out DockerWord? value, char escape = '\\')
    {
        int equals = FirstUnquotedEquals(word.Raw);
        if (equals <= 0)
        {
            key = word.Value;
            keySpan = word.Span;
            value = null;
            return false;
        }

        key = DockerWords.Unquote(word.Raw[..equals], escape, out _, out _);
        keySpan = new TextSpan(word.Span.Start, Math.Min(word.Span.End, word.Span.Start + equals));
        string raw = word.Raw[(equals + 1)..];
        value = DockerWords.Make(raw, new TextSpan(Math.Min(word.Span.End, word.Span.Start + equals + 1), word.Span.End), escape);
        return true;
    }

    public static IReadOnlyList<KeyValue> Pairs(Instruction instruction, out bool legacy)
    {
        var words = instruction.Words;
        legacy = false;
        if (words.Count == 0)
        {
            return [];
        }

        if (FirstUnquotedEquals(words[0].Raw) <= 0)
        {
            legacy = true;
            if (words.Count == 1)
            {
                return [new KeyValue(words[0].Value, words[0].Span, EmptyWord(instruction.EscapeCharacter, words[0].Span.End), words[0].Span)];
            }

            var first = words[1];
            var last = words[^1];
            var map = instruction.ArgumentsMap;
            int rawStart = map.Text.IndexOf(first.Raw, StringComparison.Ordinal);
            string raw = rawStart >= 0 ? map.Text[rawStart..].TrimEnd() : string.Join(' ', words.Skip(1).Select(word => word.Raw));
            var value = DockerWords.Make(raw, new TextSpan(first.Span.Start, last.Span.End), instruction.EscapeCharacter);
            return [new KeyValue(words[0].Value, words[0].Span, value, new TextSpan(words[0].Span.Start, last.Span.End))];
        }

        var pairs = new List<KeyValue>();
        foreach (var word in words)
        {
            Split(word, out string key, out var keySpan, out var value, instruction.EscapeCharacter);
            pairs.Add(new KeyValue(key, keySpan, value ?? EmptyWord(instruction.EscapeCharacter, word.Span.End), word.Span));
        }

        return pairs;
    }

    public static DockerWord? Whole(Instruction instruction)
    {
        string raw = instruction.ArgumentsText.Trim();
        return raw.Length == 0 ? null : DockerWords.Make(raw, instruction.ArgumentsSpan, instruction.EscapeCharacter);
    }

    public static DockerWord FromJson(JsonArgument argument) => new()
    {
        Raw = argument.Raw,
        Value = argument.Value,
        Span = argument.Span,
        IsQuoted = true,
        HasVariables = argument.Value.Contains('$'),
    };

    private static DockerWord EmptyWord(char escape, int at) => DockerWords.Make("", TextSpan.Empty(at), escape);

    private static int FirstUnquotedEquals(string raw)
    {
        char quote = '\0';
        for (int index = 0; index < raw.Length; index++)
        {
            char c = raw[index];
            if (quote == '\0' && c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == quote)
            {
                quote = '\0';
            }
            else if (quote == '\0' && c == '=')
            {
                return index;
            }
        }

        return -1;
    }
}
