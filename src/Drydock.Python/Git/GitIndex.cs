namespace Drydock.Python.Git;

/// <summary>A gitlink: an index entry of mode 160000, i.e. a submodule commit recorded at a path.</summary>
public sealed record GitLink(string Path, string CommitId);

/// <summary>
/// What the git index says about submodules. <see cref="WasRead"/> is false when there is no repository, when
/// libgit2's native library is missing, or when the index cannot be opened; <see cref="Note"/> says why.
/// </summary>
public sealed record GitIndex(bool WasRead, IReadOnlyList<GitLink> GitLinks, string? Note)
{
    public static readonly GitIndex NotRead = new(false, [], "no git repository");

    /// <summary>
    /// Reads the index of the repository holding <paramref name="projectRoot"/>. Paths come back relative to the project
    /// root ('/' separated); entries outside it are dropped. The repository is opened by path (walking up to the folder
    /// holding .git), because Repository.Discover returns null under NativeAOT.
    /// </summary>
    public static GitIndex Read(string projectRoot)
    {
        string? workTree = FindWorkTree(projectRoot);
        if (workTree is null) { return NotRead; }
        try
        {
            return ReadWithLibGit2(workTree, projectRoot);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException or LibGit2Sharp.LibGit2SharpException or IOException or UnauthorizedAccessException)
        {
            return new GitIndex(false, [], $"git index not read: {e.GetType().Name}: {e.Message}");
        }
    }

    private static GitIndex ReadWithLibGit2(string workTree, string projectRoot)
    {
        using var repository = new LibGit2Sharp.Repository(workTree);
        string prefix = Path.GetRelativePath(workTree, projectRoot).Replace('\\', '/');
        prefix = prefix == "." ? "" : prefix.TrimEnd('/') + "/";
        var links = new List<GitLink>();
        foreach (var entry in repository.Index)
        {
            if (entry.Mode != LibGit2Sharp.Mode.GitLink) { continue; }
            string path = entry.Path.Replace('\\', '/');
            if (!path.StartsWith(prefix, StringComparison.Ordinal)) { continue; }
            links.Add(new GitLink(path[prefix.Length..], entry.Id.Sha));
        }

        links.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new GitIndex(true, links, null);
    }

    private static string? FindWorkTree(string start)
    {
        var directory = new DirectoryInfo(Path.GetFullPath(start));
        while (directory is not null)
        {
            string dotGit = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(dotGit) || File.Exists(dotGit)) { return directory.FullName; }
            directory = directory.Parent;
        }

        return null;
    }
}
