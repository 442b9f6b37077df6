using Drydock.Discovery;

namespace Drydock.Compose.Model;

/// <summary>Resolves paths written in compose files to '/' separated paths relative to the project root.</summary>
public static class RepoPath
{
    /// <summary>
    /// <paramref name="path"/> relative to <paramref name="baseDirectory"/> (itself relative to the root).
    /// Null when the path is absolute outside the root, or climbs above the root: Drydock cannot check it.
    /// </summary>
    public static string? Resolve(string baseDirectory, string path, string? projectRoot = null)
    {
        string normalized = path.Replace('\\', '/');
        if (normalized.StartsWith('/'))
        {
            if (projectRoot is null)
            {
                return null;
            }

            string root = projectRoot.Replace('\\', '/').TrimEnd('/');
            if (normalized == root)
            {
                return "";
            }

            if (!normalized.StartsWith(root + "/", StringComparison.Ordinal))
            {
                return null;
            }

            normalized = normalized[(root.Length + 1)..];
            baseDirectory = "";
        }

        if (normalized.StartsWith('~'))
        {
            return null;
        }

        return RepositoryPath.Combine(baseDirectory, normalized);
    }

    /// <summary>Git URLs, http(s) archives and other remote build contexts compose accepts.</summary>
    public static bool IsRemote(string context) =>
        context.Contains("://", StringComparison.Ordinal)
        || context.StartsWith("git@", StringComparison.Ordinal)
        || context.StartsWith("github.com/", StringComparison.Ordinal)
        || context.EndsWith(".git", StringComparison.Ordinal);
}
