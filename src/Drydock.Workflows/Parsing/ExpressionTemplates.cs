namespace Drydock.Workflows.Parsing;

/// <summary>One <c>${{ ... }}</c> in a string value: where it is in the value, and its inner text.</summary>
public sealed record ExpressionTemplate(int Start, int End, int InnerStart, string Inner, bool Closed);

/// <summary>Finds the <c>${{ }}</c> templates in a string, skipping '}}' that sits inside a quoted literal.</summary>
public static class ExpressionTemplates
{
    public static IReadOnlyList<ExpressionTemplate> Find(string value)
    {
        var found = new List<ExpressionTemplate>();
        int from = 0;
        while (true)
        {
            int open = value.IndexOf("${{", from, StringComparison.Ordinal);
            if (open < 0)
            {
                return found;
            }

            int innerStart = open + 3;
            int i = innerStart;
            bool inString = false;
            int close = -1;
            while (i < value.Length)
            {
                char c = value[i];
                if (c == '\'')
                {
                    inString = !inString;
                }
                else if (!inString && c == '}' && i + 1 < value.Length && value[i + 1] == '}')
                {
                    close = i;
                    break;
                }

                i++;
            }

            if (close < 0)
            {
                found.Add(new ExpressionTemplate(open, value.Length, innerStart, value[innerStart..], Closed: false));
                return found;
            }

            found.Add(new ExpressionTemplate(open, close + 2, innerStart, value[innerStart..close], Closed: true));
            from = close + 2;
        }
    }
}
