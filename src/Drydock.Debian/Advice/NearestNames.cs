using Drydock.Debian.Index;
using Drydock.Text;

namespace Drydock.Debian.Advice;

/// <summary>
/// Guesses what a missing package is called in a release: the same stem with another soname or version
/// (libavcodec58 -> libavcodec61, libicu67 -> libicu72, libfoo1 -> libfoo1t64), else a name one or two
/// edits away (a typo). Only names installable on every target architecture are offered.
/// </summary>
public static class NearestNames
{
    public static IReadOnlyList<string> Find(PackageIndex index, DebianRelease release, string name, ArchSet targets, int max = 3)
    {
        if (Installable(index, release, name + "t64", targets))
        {
            return [name + "t64"];
        }

        if (name.EndsWith("t64", StringComparison.Ordinal) && Installable(index, release, name[..^3], targets))
        {
            return [name[..^3]];
        }

        var bySoname = SameStem(index, release, name, targets, max);
        return bySoname.Count > 0 ? bySoname : FewEditsAway(index, release, name, targets, max);
    }

    private static bool Installable(PackageIndex index, DebianRelease release, string name, ArchSet targets) =>
        index.Find(release, name) is { } record && targets.IsSubsetOf(record.InstallableArchitectures);

    private static List<string> SameStem(PackageIndex index, DebianRelease release, string name, ArchSet targets, int max)
    {
        if (SplitVersion(name) is not { } split || split.Stem.Length < 3)
        {
            return [];
        }

        var candidates = new List<(string Name, string Version)>();
        foreach (var record in index.WithPrefix(release, split.Stem))
        {
            if (record.Name != name
                && SplitVersion(record.Name) is { } other
                && other.Stem == split.Stem
                && other.Suffix == split.Suffix
                && targets.IsSubsetOf(record.InstallableArchitectures))
            {
                candidates.Add((record.Name, other.Version));
            }
        }

        candidates.Sort((a, b) => CompareVersions(b.Version, a.Version));
        return [.. candidates.Take(max).Select(candidate => candidate.Name)];
    }

    private static List<string> FewEditsAway(PackageIndex index, DebianRelease release, string name, ArchSet targets, int max)
    {
        if (name.Length < 4)
        {
            return [];
        }

        int limit = name.Length <= 6 ? 1 : 2;
        var found = new List<(string Name, int Distance)>();
        foreach (var record in index.WithPrefix(release, name[..3], name.Length - limit, name.Length + limit))
        {
            if (Math.Abs(record.Name.Length - name.Length) <= limit
                && EditDistance.Levenshtein(name, record.Name, limit: limit) is int distance and > 0
                && distance <= limit
                && targets.IsSubsetOf(record.InstallableArchitectures))
            {
                found.Add((record.Name, distance));
            }
        }

        return [.. found.OrderBy(item => item.Distance).ThenBy(item => item.Name, StringComparer.Ordinal).Take(max).Select(item => item.Name)];
    }

    /// <summary>Splits "libavcodec58" into ("libavcodec", "58", ""), "libboost-python1.74-dev" into ("libboost-python", "1.74", "-dev").</summary>
    internal static (string Stem, string Version, string Suffix)? SplitVersion(string name)
    {
        // The t64 mark (trixie's 64-bit time_t rename) is not part of the version: libglib2.0-0t64 is soname 0.
        if (name.EndsWith("t64", StringComparison.Ordinal))
        {
            name = name[..^3];
        }

        for (int start = name.Length - 1; start > 0; start--)
        {
            if (!char.IsAsciiDigit(name[start]) || char.IsAsciiDigit(name[start - 1]) || name[start - 1] == '.')
            {
                continue;
            }

            int end = start;
            while (end < name.Length && (char.IsAsciiDigit(name[end]) || name[end] == '.'))
            {
                end++;
            }

            string rest = name[end..];
            if (rest.StartsWith("t64", StringComparison.Ordinal))
            {
                rest = rest[3..];
            }

            if (rest.Length == 0 || rest[0] == '-')
            {
                return (name[..start], name[start..end].TrimEnd('.'), rest);
            }
        }

        return null;
    }

    /// <summary>Compares dotted numeric versions ("1.83" > "1.74", "61" > "59").</summary>
    internal static int CompareVersions(string a, string b)
    {
        string[] left = a.Split('.');
        string[] right = b.Split('.');
        for (int i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            long x = i < left.Length && long.TryParse(left[i], out long l) ? l : -1;
            long y = i < right.Length && long.TryParse(right[i], out long r) ? r : -1;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return 0;
    }
}
