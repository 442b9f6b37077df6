namespace Drydock.Compose.Parsing;

/// <summary>One <c>KEY=VALUE</c> of a .env file, with its 1-based line.</summary>
public sealed record DotEnvEntry(string Name, string Value, int Line);

/// <summary>
/// The .env format compose reads: <c>KEY=VALUE</c> lines, optional <c>export </c>, '#' comments,
/// single quotes (literal), double quotes (with \n, \t, \" and \\ escapes, may span lines), and an
/// unquoted value's inline comment after " #". A bare <c>KEY</c> is defined with an empty value.
/// </summary>
public static class DotEnvParser
{
    public static IReadOnlyList<DotEnvEntry> Parse(string text)
    {
        var entries = new List<DotEnvEntry>();
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int index = 0; index < lines.Length; index++)
        {
            string line = lines[index].TrimStart();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            int equals = line.IndexOf('=');
            string name = (equals < 0 ? line : line[..equals]).Trim();
            if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c)))
            {
                continue;
            }

            int lineNumber = index + 1;
            if (equals < 0)
            {
                entries.Add(new DotEnvEntry(name, "", lineNumber));
                continue;
            }

            string rest = line[(equals + 1)..].TrimStart();
            string value;
            if (rest.StartsWith('\''))
            {
                int close = rest.IndexOf('\'', 1);
                value = close < 0 ? rest[1..] : rest[1..close];
            }
            else if (rest.StartsWith('"'))
            {
                value = ReadDoubleQuoted(rest, lines, ref index);
            }
            else
            {
                int comment = rest.IndexOf(" #", StringComparison.Ordinal);
                value = (comment < 0 ? rest : rest[..comment]).TrimEnd();
            }

            entries.Add(new DotEnvEntry(name, value, lineNumber));
        }

        return entries;
    }

    private static string ReadDoubleQuoted(string first, string[] lines, ref int index)
    {
        var builder = new System.Text.StringBuilder();
        string current = first[1..];
        while (true)
        {
            for (int i = 0; i < current.Length; i++)
            {
                char c = current[i];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c == '\\' && i + 1 < current.Length)
                {
                    char escaped = current[++i];
                    builder.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => escaped });
                    continue;
                }

                builder.Append(c);
            }

            if (index + 1 >= lines.Length)
            {
                return builder.ToString();
            }

            builder.Append('\n');
            current = lines[++index];
        }
    }
}
