namespace Drydock.Discovery;

/// <summary>Paths relative to the repository root, '/' separated, as the inventory and every model keep them.</summary>
public static class RepositoryPath
{
    /// <summary>
    /// <paramref name="path"/> resolved against <paramref name="directory"/> (both '/' separated, the directory relative
    /// to the root, "" for the root): empty segments and "." dropped, ".." climbing one folder.
    /// Null when ".." climbs above the root: the path leaves the repository.
    /// </summary>
    public static string? Combine(string directory, string path)
    {
        if (IsPlain(directory) && IsPlain(path))
        {
            // Nothing to resolve ("a/b.txt"): the same as the general walk below, without its list.
            return directory.Length == 0 ? path : path.Length == 0 ? directory : directory + "/" + path;
        }

        var parts = new List<string>();
        return Append(parts, directory) && Append(parts, path) ? string.Join('/', parts) : null;
    }

    private static bool Append(List<string> parts, string path)
    {
        foreach (string part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return false;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return true;
    }

    /// <summary>True when no segment of the '/' separated path is empty, "." or "..": a plain path below its folder, or "".</summary>
    private static bool IsPlain(string path)
    {
        int start = 0;
        while (start < path.Length)
        {
            int slash = path.IndexOf('/', start);
            int end = slash < 0 ? path.Length : slash;
            var segment = path.AsSpan(start, end - start);
            if (segment.Length == 0 || segment is "." or ".." || (slash >= 0 && slash == path.Length - 1))
            {
                return false;
            }

            start = end + 1;
        }

        return true;
    }
}
