using System.Globalization;
using System.Text;
using Drydock.Docker.Model;

namespace Drydock.Docker.Parsing;

/// <summary>
/// Reads the exec form <c>["a", "b"]</c> with the span of each element. Only what BuildKit accepts:
/// a JSON array of strings and nothing after it. Anything else is a problem with its position.
/// </summary>
internal static class JsonArrayParser
{
    public static bool LooksLikeJson(SourceMap map, int start)
    {
        string text = map.Text;
        int index = SkipSpace(text, start);
        return index < text.Length && text[index] == '[';
    }

    public static IReadOnlyList<JsonArgument>? TryParse(SourceMap map, int start, out DockerfileProblem? problem)
    {
        problem = null;
        string text = map.Text;
        int index = SkipSpace(text, start);
        if (index >= text.Length || text[index] != '[')
        {
            return null;
        }

        int open = index++;
        var items = new List<JsonArgument>();
        index = SkipSpace(text, index);
        if (index < text.Length && text[index] == ']')
        {
            return TrailingCheck(map, index + 1, items, ref problem);
        }

        while (true)
        {
            index = SkipSpace(text, index);
            if (index >= text.Length)
            {
                problem = new DockerfileProblem("JSON array is not closed with ']'", map.ToFile(open, text.Length));
                return null;
            }

            if (text[index] != '"')
            {
                int stop = index;
                while (stop < text.Length && text[stop] is not (',' or ']' or ' ' or '\t'))
                {
                    stop++;
                }

                string what = text[index] == '\'' ? "single quotes are not JSON: use double quotes" : "every element must be a string in double quotes";
                problem = new DockerfileProblem($"not a JSON array: {what} ('{text[index..Math.Max(stop, index + 1)]}')", map.ToFile(index, Math.Max(stop, index + 1)));
                return null;
            }

            int stringStart = index;
            if (!TryReadString(text, ref index, out string value, out string? error))
            {
                problem = new DockerfileProblem($"not a JSON array: {error}", map.ToFile(stringStart, Math.Max(index, stringStart + 1)));
                return null;
            }

            items.Add(new JsonArgument(value, map.ToFile(stringStart, index), text[stringStart..index]));
            index = SkipSpace(text, index);
            if (index < text.Length && text[index] == ',')
            {
                index++;
                continue;
            }

            if (index < text.Length && text[index] == ']')
            {
                return TrailingCheck(map, index + 1, items, ref problem);
            }

            problem = new DockerfileProblem("not a JSON array: expected ',' or ']' after an element", map.ToFile(Math.Min(index, text.Length), Math.Min(index + 1, text.Length)));
            return null;
        }
    }

    private static IReadOnlyList<JsonArgument>? TrailingCheck(SourceMap map, int after, List<JsonArgument> items, ref DockerfileProblem? problem)
    {
        int rest = SkipSpace(map.Text, after);
        if (rest < map.Text.Length)
        {
            problem = new DockerfileProblem("not a JSON array: text after the closing ']'", map.ToFile(rest, map.Text.Length));
            return null;
        }

        return items;
    }

    private static int SkipSpace(string text, int index)
    {
        while (index < text.Length && text[index] is ' ' or '\t' or '\r' or '\n')
        {
            index++;
        }

        return index;
    }

    private static bool TryReadString(string text, ref int index, out string value, out string? error)
    {
        var builder = new StringBuilder();
        index++;
        while (index < text.Length)
        {
            char c = text[index];
            if (c == '"')
            {
                index++;
                value = builder.ToString();
                error = null;
                return true;
            }

            if (c == '\\')
            {
                if (index + 1 >= text.Length)
                {
                    break;
                }

                char next = text[index + 1];
                switch (next)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u' when index + 5 < text.Length && ushort.TryParse(text.AsSpan(index + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ushort code):
                        builder.Append((char)code);
                        index += 4;
                        break;
                    default:
                        value = "";
                        error = $"invalid escape '\\{next}' in a JSON string";
                        index += 2;
                        return false;
                }

                index += 2;
                continue;
            }

            builder.Append(c);
            index++;
        }

        value = "";
        error = "unterminated string";
        return false;
    }
}
