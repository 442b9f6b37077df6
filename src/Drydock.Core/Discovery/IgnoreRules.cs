namespace Drydock.Discovery;

/// <summary>
/// gitignore / dockerignore pattern matching, written here because FileSystemGlobbing implements neither
/// negation ('!'), per-directory anchoring, nor "last match wins". Patterns follow gitignore(5):
/// a leading '/' or an inner '/' anchors to the file's directory, a trailing '/' matches directories only,
/// '*' and '?' stay within a path segment, '**' spans segments, and a later '!pattern' re-includes.
/// </summary>
public sealed class IgnoreRules
{
    private readonly List<IgnorePattern> patterns = [];

    /// <param name="baseDirectory">Relative path ('/' separated, "" for the root) of the folder holding the file.</param>
    /// <param name="dockerIgnoreSemantics">
    /// .dockerignore differs from .gitignore: every pattern is anchored at the context root
    /// (Go's filepath.Match plus '**'), and a leading '/' is dropped.
    /// </param>
    public static IgnoreRules Parse(string text, string baseDirectory = "", bool dockerIgnoreSemantics = false)
    {
        var rules = new IgnoreRules();
        rules.Add(text, baseDirectory, dockerIgnoreSemantics);
        return rules;
    }

    public int Count => patterns.Count;

    public void Add(string text, string baseDirectory = "", bool dockerIgnoreSemantics = false)
    {
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            if (!dockerIgnoreSemantics)
            {
                line = TrimUnescapedTrailingSpaces(line);
            }
            else
            {
                line = line.Trim();
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            bool negated = false;
            if (line.StartsWith('!'))
            {
                negated = true;
                line = line[1..];
            }
            else if (line.StartsWith("\\!", StringComparison.Ordinal) || line.StartsWith("\\#", StringComparison.Ordinal))
            {
                line = line[1..];
            }

            bool directoryOnly = line.EndsWith('/');
            line = line.TrimEnd('/');
            if (dockerIgnoreSemantics)
            {
                line = NormalizeDockerPattern(line);
                if (line.Length == 0)
                {
                    continue;
                }

                patterns.Add(new IgnorePattern(baseDirectory, line, negated, directoryOnly, Anchored: true));
                continue;
            }

            bool anchored = line.StartsWith('/') || line.TrimStart('/').Contains('/');
            line = line.TrimStart('/');
            if (line.Length == 0)
            {
                continue;
            }

            patterns.Add(new IgnorePattern(baseDirectory, line, negated, directoryOnly, anchored));
        }
    }

    /// <summary>Is the path ignored? <paramref name="relativePath"/> is '/' separated, relative to the root.</summary>
    public bool IsIgnored(string relativePath, bool isDirectory)
    {
        bool? verdict = Match(relativePath, isDirectory);
        if (verdict == true)
        {
            return true;
        }

        // A file inside an ignored directory is ignored (git cannot re-include below an excluded parent).
        string path = relativePath;
        int slash;
        while ((slash = path.LastIndexOf('/')) > 0)
        {
            path = path[..slash];
            if (Match(path, isDirectory: true) == true)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The last matching pattern's verdict, or null when none matches.</summary>
    public bool? Match(string relativePath, bool isDirectory)
    {
        bool? result = null;
        string lastSegment = LastSegment(relativePath);
        foreach (var pattern in patterns)
        {
            if (pattern.DirectoryOnly && !isDirectory)
            {
                continue;
            }

            if (pattern.Matches(relativePath, lastSegment))
            {
                result = !pattern.Negated;
            }
        }

        return result;
    }

    /// <summary>The raw patterns, for messages ("excluded by '.git' in .dockerignore").</summary>
    public string? MatchingPattern(string relativePath, bool isDirectory)
    {
        IgnorePattern? last = null;
        string path = relativePath;
        while (true)
        {
            string lastSegment = LastSegment(path);
            foreach (var pattern in patterns)
            {
                if ((!pattern.DirectoryOnly || isDirectory || path != relativePath) && pattern.Matches(path, lastSegment))
                {
                    last = pattern.Negated ? null : pattern;
                }
            }

            if (last is not null)
            {
                return (last.Negated ? "!" : "") + last.Glob + (last.DirectoryOnly ? "/" : "");
            }

            int slash = path.LastIndexOf('/');
            if (slash <= 0)
            {
                return null;
            }

            path = path[..slash];
        }
    }

    private static string LastSegment(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }

    private static string TrimUnescapedTrailingSpaces(string line)
    {
        int end = line.Length;
        while (end > 0 && line[end - 1] == ' ' && !(end > 1 && line[end - 2] == '\\'))
        {
            end--;
        }

        return line[..end];
    }

    private static string NormalizeDockerPattern(string pattern)
    {
        // Docker cleans patterns with filepath.Clean: drop "./", duplicate slashes and a leading '/'.
        var parts = pattern.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(part => part != ".");
        return string.Join('/', parts);
    }

    private sealed record IgnorePattern(string BaseDirectory, string Glob, bool Negated, bool DirectoryOnly, bool Anchored)
    {
        private readonly GlobMatcher matcher = new(Glob);

        /// <param name="path">The path relative to the root.</param>
        /// <param name="lastSegment">Its last segment, worked out once for all patterns.</param>
        public bool Matches(string path, string lastSegment)
        {
            if (BaseDirectory.Length > 0)
            {
                if (path.Length <= BaseDirectory.Length || path[BaseDirectory.Length] != '/' || !path.StartsWith(BaseDirectory, StringComparison.Ordinal))
                {
                    return false;
                }

                if (Anchored)
                {
                    return matcher.IsMatch(path[(BaseDirectory.Length + 1)..]);
                }
            }

            // Unanchored: match the last segment (gitignore "foo" matches "a/b/foo"); below the base folder it is
            // the path's own last segment.
            return matcher.IsMatch(Anchored ? path : lastSegment);
        }
    }
}

/// <summary>A glob over '/' separated paths: '*' and '?' within a segment, '[...]' classes, '**' across segments.</summary>
public sealed class GlobMatcher
{
    private readonly string[] segments;

    public GlobMatcher(string glob)
    {
        segments = glob.Split('/');
    }

    public bool IsMatch(string path) =>
        segments.Length == 1 && segments[0] != "**"
            ? !path.Contains('/') && MatchSegment(segments[0], path) // one segment: no need to split the path
            : MatchSegments(0, path.Split('/'), 0);

    private bool MatchSegments(int patternIndex, string[] pathSegments, int pathIndex)
    {
        while (patternIndex < segments.Length)
        {
            string segment = segments[patternIndex];
            if (segment == "**")
            {
                if (patternIndex == segments.Length - 1)
                {
                    return true;
                }

                for (int skip = pathIndex; skip <= pathSegments.Length; skip++)
                {
                    if (MatchSegments(patternIndex + 1, pathSegments, skip))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (pathIndex >= pathSegments.Length || !MatchSegment(segment, pathSegments[pathIndex]))
            {
                return false;
            }

            patternIndex++;
            pathIndex++;
        }

        return pathIndex == pathSegments.Length;
    }

    /// <summary>fnmatch within one segment, iterative with backtracking on the last '*'.</summary>
    public static bool MatchSegment(string pattern, string text)
    {
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length)
            {
                char c = pattern[p];
                if (c == '*')
                {
                    starP = p++;
                    starT = t;
                    continue;
                }

                if (c == '?')
                {
                    p++;
                    t++;
                    continue;
                }

                if (c == '[' && TryMatchClass(pattern, ref p, text[t]) is bool matched)
                {
                    if (matched)
                    {
                        t++;
                        continue;
                    }
                }
                else if (c == '\\' && p + 1 < pattern.Length)
                {
                    if (pattern[p + 1] == text[t])
                    {
                        p += 2;
                        t++;
                        continue;
                    }
                }
                else if (c == text[t])
                {
                    p++;
                    t++;
                    continue;
                }
            }

            if (starP < 0)
            {
                return false;
            }

            p = starP + 1;
            t = ++starT;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>Matches a '[...]' class at <paramref name="p"/>; advances past it. Null when the '[' is literal.</summary>
    private static bool? TryMatchClass(string pattern, ref int p, char c)
    {
        // "foo[" or "foo[]" at the end: no class, a literal '[' (git and Go's filepath.Match agree it cannot match a class).
        int close = p + 2 <= pattern.Length ? pattern.IndexOf(']', p + 2) : -1;
        if (close < 0)
        {
            return null;
        }

        string body = pattern[(p + 1)..close];
        bool negate = body.StartsWith('!') || body.StartsWith('^');
        if (negate)
        {
            body = body[1..];
        }

        bool found = false;
        for (int i = 0; i < body.Length; i++)
        {
            if (i + 2 < body.Length && body[i + 1] == '-')
            {
                if (c >= body[i] && c <= body[i + 2])
                {
                    found = true;
                }

                i += 2;
            }
            else if (body[i] == c)
            {
                found = true;
            }
        }

        bool result = found != negate;
        if (result)
        {
            p = close + 1;
        }

        return result;
    }

    public override string ToString() => string.Join('/', segments);
}
