namespace Drydock.Workflows.Parsing;

/// <summary>
/// Validates the glob patterns of workflow filters (branches, tags, paths), following GitHub's filter
/// pattern cheat sheet: '*', '**', '?', '+', '[...]' character classes, and a leading '!' for negation.
/// Git ref names cannot contain spaces, '~', '^', ':', '\\' or '..', so branch and tag patterns that do
/// can never match.
/// </summary>
public static class FilterGlob
{
    public static string? Validate(string pattern, bool isRefFilter)
    {
        if (pattern.Length == 0)
        {
            return "the pattern is empty and matches nothing";
        }

        string body = pattern.StartsWith('!') ? pattern[1..] : pattern;
        if (body.Length == 0)
        {
            return "'!' alone negates nothing";
        }

        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            switch (c)
            {
                case '[':
                    int close = body.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        return $"'[' at offset {i + 1} opens a character class that is never closed with ']'";
                    }

                    if (close == i + 1)
                    {
                        return "'[]' is an empty character class";
                    }

                    string inner = body[(i + 1)..close];
                    for (int k = 1; k + 1 < inner.Length; k++)
                    {
                        if (inner[k] == '-' && inner[k - 1] > inner[k + 1])
                        {
                            return $"character range '{inner[k - 1]}-{inner[k + 1]}' goes backwards";
                        }
                    }

                    i = close;
                    break;
                case ']':
                    return "']' closes a character class that was never opened";
                case '\\' when i + 1 >= body.Length:
                    return "the pattern ends with an escape character '\\'";
                case '\\':
                    i++;
                    break;
                case '+' when i == 0:
                case '?' when i == 0 && isRefFilter:
                    return $"'{c}' at the start of the pattern has nothing to repeat";
            }
        }

        if (isRefFilter)
        {
            if (body.Contains("..", StringComparison.Ordinal))
            {
                return "git ref names cannot contain '..', so this pattern never matches";
            }

            foreach (char bad in " ~^:")
            {
                if (body.Contains(bad))
                {
                    return $"git ref names cannot contain '{(bad == ' ' ? "a space" : bad.ToString())}', so this pattern never matches";
                }
            }
        }

        return null;
    }
}
