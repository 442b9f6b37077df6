namespace Drydock.Logs.Analysis;

/// <summary>
/// Just enough of a Dockerfile to name the base image of the stage a line belongs to: FROM lines, stage
/// aliases (FROM builder follows builder's own FROM), and ARG defaults declared before the first FROM.
/// A reference whose variables stay unknown is returned as written ("$" in it): the resolver says so.
/// </summary>
internal static class DockerfileStages
{
    private const int MaxAliasHops = 16;

    /// <summary>The image of the stage holding 0-based <paramref name="index"/>, with the 0-based line of its FROM.</summary>
    public static (string Image, int Line)? BaseImageAt(IReadOnlyList<string> lines, int index)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        var stages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        (string Image, int Line)? current = null;
        for (int i = 0; i < lines.Count && i <= index; i++)
        {
            var words = lines[i].Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2)
            {
                continue;
            }

            if (current is null && words[0].Equals("ARG", StringComparison.OrdinalIgnoreCase))
            {
                int equals = words[1].IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    args[words[1][..equals]] = words[1][(equals + 1)..].Trim('"', '\'');
                }

                continue;
            }

            if (!words[0].Equals("FROM", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            int at = 1;
            while (at < words.Length && words[at].StartsWith("--", StringComparison.Ordinal))
            {
                at++;
            }

            if (at >= words.Length)
            {
                continue;
            }

            string image = Expand(words[at], args);
            for (int hop = 0; hop < MaxAliasHops && stages.TryGetValue(image, out var parent); hop++)
            {
                image = parent;
            }

            if (at + 2 < words.Length && words[at + 1].Equals("AS", StringComparison.OrdinalIgnoreCase))
            {
                stages[words[at + 2]] = image;
            }

            current = (image, i);
        }

        return current;
    }

    private static string Expand(string reference, Dictionary<string, string> args)
    {
        foreach (var (name, value) in args)
        {
            reference = reference.Replace("${" + name + "}", value, StringComparison.Ordinal).Replace("$" + name, value, StringComparison.Ordinal);
        }

        int at = reference.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? reference[..at] : reference;
    }
}
