using System.Globalization;

namespace Drydock.Python.Packaging;

/// <summary>A PEP 440 version, reduced to what comparisons need: release numbers and a pre/dev/post marker.</summary>
public sealed record PyVersion(IReadOnlyList<int> Release, int Phase, int PhaseNumber) : IComparable<PyVersion>
{
    // Phase orders dev < a < b < rc < final < post.
    private const int Final = 4;

    public static PyVersion Of(int major, int minor, int micro = 0) => new([major, minor, micro], Final, 0);

    public static bool TryParse(string? text, out PyVersion version)
    {
        version = Of(0, 0);
        if (string.IsNullOrWhiteSpace(text)) { return false; }
        var span = text.Trim().TrimStart('v', 'V');
        int plus = span.IndexOf('+');
        if (plus >= 0) { span = span[..plus]; }
        var release = new List<int>();
        int index = 0;
        while (index < span.Length)
        {
            int start = index;
            while (index < span.Length && char.IsAsciiDigit(span[index])) { index++; }
            if (index == start || !int.TryParse(span[start..index], NumberStyles.None, CultureInfo.InvariantCulture, out int number)) { break; }
            release.Add(number);
            if (index < span.Length && span[index] == '.' && index + 1 < span.Length && char.IsAsciiDigit(span[index + 1])) { index++; continue; }
            break;
        }

        if (release.Count == 0) { return false; }
        string rest = span[index..].TrimStart('.', '-', '_').ToLowerInvariant();
        int phase = Final, phaseNumber = 0;
        if (rest.Length > 0)
        {
            (phase, string digits) = rest switch
            {
                _ when rest.StartsWith("dev", StringComparison.Ordinal) => (0, rest[3..]),
                _ when rest.StartsWith("rc", StringComparison.Ordinal) => (3, rest[2..]),
                _ when rest.StartsWith("post", StringComparison.Ordinal) => (5, rest[4..]),
                _ when rest.StartsWith('a') => (1, rest[1..].TrimStart('l', 'p', 'h')),
                _ when rest.StartsWith('b') => (2, rest[1..].TrimStart('e', 't')),
                _ when rest.StartsWith('c') => (3, rest[1..]),
                _ when rest == "*" => (Final, ""),
                _ => (-1, ""),
            };
            if (phase < 0) { return false; }
            string number = new([.. digits.TrimStart('.', '-', '_', 'a').TakeWhile(char.IsAsciiDigit)]);
            phaseNumber = number.Length > 0 && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0;
        }

        version = new PyVersion(release, phase, phaseNumber);
        return true;
    }

    public int Major => Release[0];

    public int Minor => Release.Count > 1 ? Release[1] : 0;

    public bool IsPreRelease => Phase < Final;

    public int CompareTo(PyVersion? other)
    {
        if (other is null) { return 1; }
        int length = Math.Max(Release.Count, other.Release.Count);
        for (int k = 0; k < length; k++)
        {
            int a = k < Release.Count ? Release[k] : 0, b = k < other.Release.Count ? other.Release[k] : 0;
            if (a != b) { return a.CompareTo(b); }
        }

        int phase = Phase.CompareTo(other.Phase);
        return phase != 0 ? phase : PhaseNumber.CompareTo(other.PhaseNumber);
    }

    public bool Equals(PyVersion? other) => other is not null && CompareTo(other) == 0;

    public override int GetHashCode() => HashCode.Combine(Major, Minor);

    public override string ToString() => string.Join('.', Release);
}

/// <summary>One clause: an operator and a version (<c>&gt;=3.11</c>, <c>==3.*</c>, <c>~=2.2</c>).</summary>
public sealed record VersionClause(string Operator, string VersionText, PyVersion Version, bool Wildcard)
{
    public bool Allows(PyVersion candidate)
    {
        int order = candidate.CompareTo(Version);
        return Operator switch
        {
            "==" or "===" when Wildcard => PrefixMatches(candidate),
            "!=" when Wildcard => !PrefixMatches(candidate),
            "==" => ReleaseEquals(candidate),
            "===" => order == 0,
            "!=" => !ReleaseEquals(candidate),
            ">=" => order >= 0,
            "<=" => order <= 0,
            ">" => order > 0 && !(candidate.Phase > 4 && PrefixMatches(candidate)),
            "<" => order < 0,
            "~=" => order >= 0 && CompatiblePrefix(candidate),
            _ => true,
        };
    }

    // "==3.9" allows 3.9.0 and, as pip compares padded releases, not 3.9.1.
    private bool ReleaseEquals(PyVersion candidate) => candidate.CompareTo(Version) == 0;

    private bool PrefixMatches(PyVersion candidate)
    {
        for (int k = 0; k < Version.Release.Count; k++)
        {
            int value = k < candidate.Release.Count ? candidate.Release[k] : 0;
            if (value != Version.Release[k]) { return false; }
        }

        return true;
    }

    private bool CompatiblePrefix(PyVersion candidate)
    {
        int length = Math.Max(1, Version.Release.Count - 1);
        for (int k = 0; k < length; k++)
        {
            int value = k < candidate.Release.Count ? candidate.Release[k] : 0;
            if (value != Version.Release[k]) { return false; }
        }

        return true;
    }

    public override string ToString() => Operator + VersionText;
}

/// <summary>
/// A version constraint: PEP 440 specifiers (<c>&gt;=3.11,&lt;4.0</c>) or Poetry's (<c>^3.11</c>, <c>~3.11</c>,
/// <c>3.11.*</c>, <c>&gt;=3.9 &lt;3.13</c>, <c>a || b</c>). Alternatives (||) hold sets of clauses that must all hold.
/// </summary>
public sealed class VersionSpecifier
{
    private VersionSpecifier(string text, IReadOnlyList<IReadOnlyList<VersionClause>> alternatives)
    {
        Text = text;
        Alternatives = alternatives;
    }

    public string Text { get; }

    public IReadOnlyList<IReadOnlyList<VersionClause>> Alternatives { get; }

    public bool IsAny => Alternatives.Count == 0 || Alternatives.Any(set => set.Count == 0);

    public static readonly VersionSpecifier Any = new("", []);

    /// <summary>Parses PEP 440 and Poetry forms; false (and <paramref name="error"/>) for text neither accepts.</summary>
    public static bool TryParse(string? text, out VersionSpecifier specifier, out string? error)
    {
        specifier = Any;
        error = null;
        text = text?.Trim() ?? "";
        if (text.Length == 0 || text == "*") { specifier = new VersionSpecifier(text, []); return true; }
        var alternatives = new List<IReadOnlyList<VersionClause>>();
        foreach (string alternative in text.Split("||"))
        {
            var clauses = new List<VersionClause>();
            foreach (string raw in GlueOperators(alternative).Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!TryClauses(raw, clauses, out error)) { return false; }
            }

            alternatives.Add(clauses);
        }

        specifier = new VersionSpecifier(text, alternatives);
        return true;
    }

    /// <summary>"&gt;= 3.9" is one clause: drop the blanks after an operator so that splitting on blanks keeps it whole.</summary>
    private static string GlueOperators(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) && builder.Length > 0 && builder[^1] is '<' or '>' or '=' or '!' or '~' or '^') { continue; }
            builder.Append(c);
        }

        return builder.ToString();
    }

    public static VersionSpecifier ParseOrAny(string? text) => TryParse(text, out var specifier, out _) ? specifier : Any;

    private static bool TryClauses(string raw, List<VersionClause> clauses, out string? error)
    {
        error = null;
        string op = raw switch
        {
            _ when raw.StartsWith("===", StringComparison.Ordinal) => "===",
            _ when raw.Length >= 2 && raw[..2] is "==" or "!=" or ">=" or "<=" or "~=" => raw[..2],
            _ when raw[0] is '>' or '<' or '^' or '~' or '=' => raw[..1],
            _ => "",
        };
        string versionText = raw[op.Length..].Trim();
        if (versionText.Length == 0)
        {
            error = $"'{raw}' has an operator but no version";
            return false;
        }

        bool wildcard = versionText.EndsWith(".*", StringComparison.Ordinal) || versionText == "*";
        string bare = wildcard ? versionText.TrimEnd('*').TrimEnd('.') : versionText;
        if (bare.Length == 0) { return true; }
        if (!PyVersion.TryParse(bare, out var version))
        {
            error = $"'{versionText}' is not a version";
            return false;
        }

        var release = version.Release;
        switch (op)
        {
            case "^":
                int significant = release.TakeWhile(part => part == 0).Count();
                significant = Math.Min(significant, release.Count - 1);
                clauses.Add(new VersionClause(">=", bare, version, false));
                clauses.Add(new VersionClause("<", Bump(release, significant).ToString(), Bump(release, significant), false));
                break;
            case "~":
                clauses.Add(new VersionClause(">=", bare, version, false));
                var upper = Bump(release, release.Count == 1 ? 0 : 1);
                clauses.Add(new VersionClause("<", upper.ToString(), upper, false));
                break;
            case "" or "=":
                clauses.Add(new VersionClause("==", bare, version, wildcard));
                break;
            default:
                clauses.Add(new VersionClause(op, bare, version, wildcard));
                break;
        }

        return true;
    }

    private static PyVersion Bump(IReadOnlyList<int> release, int index)
    {
        var parts = new int[index + 1];
        for (int k = 0; k < index; k++) { parts[k] = release[k]; }
        parts[index] = (index < release.Count ? release[index] : 0) + 1;
        return new PyVersion(parts, 4, 0);
    }

    public bool Allows(PyVersion version) => IsAny || Alternatives.Any(set => set.All(clause => clause.Allows(version)));

    public bool Allows(string version) => PyVersion.TryParse(version, out var parsed) && Allows(parsed);

    /// <summary>
    /// Whether some release of a Python series (3.9 means 3.9.0 ... 3.9.x) satisfies the constraint: what a CI
    /// matrix entry "3.9" or an image tag "python:3.9-slim" means.
    /// </summary>
    public bool AllowsSeries(int major, int minor)
    {
        for (int micro = 0; micro <= 40; micro++)
        {
            if (Allows(PyVersion.Of(major, minor, micro))) { return true; }
        }

        return false;
    }

    /// <summary>Same as <see cref="AllowsSeries(int,int)"/> for text such as "3.9" or "3.12.1".</summary>
    public bool AllowsSeries(string series) =>
        PyVersion.TryParse(series, out var version) && (version.Release.Count >= 3 ? Allows(version) : AllowsSeries(version.Major, version.Minor));

    public override string ToString() => Text;
}
