using Drydock.Text;

namespace Drydock.Configuration;

/// <summary>
/// Inline suppressions, the same in every file kind that has '#' comments:
/// <c># drydock ignore=DF001,DF002</c> silences those rules on the next statement;
/// <c># drydock global ignore=DF001</c> silences them in the whole file.
/// What "the next statement" spans is the parser's business (a Dockerfile instruction with its
/// continuation lines, a YAML block, a Python statement), so it is passed in.
/// </summary>
public sealed class SuppressionMap
{
    public static readonly SuppressionMap None = new([], []);

    private readonly HashSet<string> global;
    private readonly List<(int FirstLine, int LastLine, HashSet<string> Rules)> ranges;

    public SuppressionMap(HashSet<string> global, List<(int FirstLine, int LastLine, HashSet<string> Rules)> ranges)
    {
        this.global = global;
        this.ranges = ranges;
    }

    public bool IsSuppressed(string ruleId, string ruleName, int line)
    {
        if (global.Contains(ruleId) || global.Contains(ruleName))
        {
            return true;
        }

        foreach (var (first, last, rules) in ranges)
        {
            if (line >= first && line <= last && (rules.Contains(ruleId) || rules.Contains(ruleName)))
            {
                return true;
            }
        }

        return false;
    }
}

public static class PragmaScanner
{
    private const string Marker = "drydock";

    /// <param name="text">The file.</param>
    /// <param name="statementExtent">
    /// Given the first line of the statement after a pragma, returns the last line of that statement.
    /// Null means a statement is one line.
    /// </param>
    public static SuppressionMap Scan(SourceText text, Func<int, int>? statementExtent = null)
    {
        if (!text.Text.Contains(Marker, StringComparison.OrdinalIgnoreCase))
        {
            // Most files have no pragma at all: one search instead of a look at every line.
            return SuppressionMap.None;
        }

        var global = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ranges = new List<(int, int, HashSet<string>)>();
        HashSet<string>? pending = null;

        for (int line = 1; line <= text.LineCount; line++)
        {
            string content = text.Line(line).Trim();
            if (content.Length == 0)
            {
                continue;
            }

            if (content.StartsWith('#'))
            {
                if (TryParse(content, out bool isGlobal, out var rules))
                {
                    if (isGlobal)
                    {
                        global.UnionWith(rules);
                    }
                    else
                    {
                        pending ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                        pending.UnionWith(rules);
                    }
                }

                continue;
            }

            if (pending is not null)
            {
                int last = statementExtent?.Invoke(line) ?? line;
                ranges.Add((line, Math.Max(line, last), pending));
                pending = null;
            }
        }

        return global.Count == 0 && ranges.Count == 0 ? SuppressionMap.None : new SuppressionMap(global, ranges);
    }

    /// <summary>Parses one comment line: <c># drydock [global] ignore=ID[,ID...]</c>.</summary>
    public static bool TryParse(string comment, out bool isGlobal, out IReadOnlyList<string> rules)
    {
        isGlobal = false;
        rules = [];
        var words = comment.TrimStart('#').Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !words[0].Equals(Marker, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        int next = 1;
        if (words[next].Equals("global", StringComparison.OrdinalIgnoreCase))
        {
            isGlobal = true;
            next++;
        }

        if (next >= words.Length || !words[next].StartsWith("ignore=", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Allow "ignore=DF001, DF002" as well as "ignore=DF001,DF002".
        string list = string.Join("", words[next..])["ignore=".Length..];
        rules = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return rules.Count > 0;
    }
}
