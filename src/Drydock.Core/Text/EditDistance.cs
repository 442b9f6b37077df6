namespace Drydock.Text;

/// <summary>Edit distance for "did you mean" suggestions (stage names, inputs, package names).</summary>
public static class EditDistance
{
    /// <summary>
    /// Levenshtein distance between <paramref name="a"/> and <paramref name="b"/>; with <paramref name="ignoreCase"/> the
    /// characters are compared by <see cref="char.ToLowerInvariant"/>. Gives up, returning <paramref name="limit"/> + 1,
    /// as soon as every alignment costs more than <paramref name="limit"/>.
    /// </summary>
    public static int Levenshtein(string a, string b, bool ignoreCase = false, int limit = int.MaxValue)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int best = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                bool same = ignoreCase ? char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) : a[i - 1] == b[j - 1];
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (same ? 0 : 1));
                best = Math.Min(best, current[j]);
            }

            if (best > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
