namespace Drydock.Discovery;

/// <summary>A file found in the repository.</summary>
public sealed record RepoFile(string RelativePath, string FullPath, FileKind Kind, long Length);

/// <summary>Every analysable file of a repository, by kind. Built by <see cref="RepositoryScanner"/>.</summary>
public sealed class RepositoryInventory
{
    private readonly Dictionary<FileKind, List<RepoFile>> byKind = [];
    private readonly HashSet<string> allFiles = new(StringComparer.Ordinal);
    private readonly HashSet<string> allDirectories = new(StringComparer.Ordinal) { "" };
    private string[]? sortedFiles;

    public RepositoryInventory(string root)
    {
        Root = root;
    }

    public string Root { get; }

    /// <summary>Files git ignores (or vendored trees) are absent: CI's clean clone would not have them either.</summary>
    public IReadOnlyCollection<string> Files => allFiles;

    public int FileCount => allFiles.Count;

    public IReadOnlyList<RepoFile> OfKind(FileKind kind) => byKind.TryGetValue(kind, out var files) ? files : [];

    public bool FileExists(string relativePath) => allFiles.Contains(relativePath);

    public bool DirectoryExists(string relativePath) => allDirectories.Contains(relativePath.TrimEnd('/'));

    /// <summary>Files below a directory (relative path, "" for the root), recursively, in ordinal order.</summary>
    public IReadOnlyList<string> FilesUnder(string directory)
    {
        // Rules ask this per searched path and per workflow: a sorted copy makes it a binary search, not a scan.
        var files = sortedFiles ??= [.. allFiles.Order(StringComparer.Ordinal)];
        directory = directory.Trim('/');
        if (directory.Length == 0)
        {
            return files;
        }

        string prefix = directory + "/";
        int start = Array.BinarySearch(files, prefix, StringComparer.Ordinal);
        start = start < 0 ? ~start : start;
        int end = start;
        while (end < files.Length && files[end].StartsWith(prefix, StringComparison.Ordinal))
        {
            end++;
        }

        return new ArraySegment<string>(files, start, end - start);
    }

    internal void AddFile(RepoFile file)
    {
        sortedFiles = null;
        allFiles.Add(file.RelativePath);
        if (file.Kind == FileKind.Other)
        {
            return;
        }

        if (!byKind.TryGetValue(file.Kind, out var list))
        {
            byKind[file.Kind] = list = [];
        }

        list.Add(file);
    }

    internal void AddDirectory(string relativePath) => allDirectories.Add(relativePath);

    internal void Sort()
    {
        foreach (var list in byKind.Values)
        {
            list.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        }
    }
}

/// <summary>
/// Walks a repository once, by names and sizes only, skipping .git, vendored and generated folders,
/// anything .gitignore files exclude, and the user's <c>exclude</c> globs. Symlinked folders are not
/// followed, so a link loop cannot trap the walk.
/// </summary>
public static class RepositoryScanner
{
    /// <summary>Folders that are never the project's own source. Build output (dist/, build/) is left to .gitignore: some projects keep Dockerfiles under build/.</summary>
    public static readonly IReadOnlySet<string> SkippedDirectories = new HashSet<string>(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", "node_modules", "vendor", "third_party", ".venv", "venv", ".tox", ".nox",
        "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages", ".eggs",
        ".idea", ".gradle", ".terraform",
    };

    public static RepositoryInventory Scan(string root, IReadOnlyList<string>? excludedGlobs = null, IProgress<int>? progress = null)
    {
        root = Path.GetFullPath(root);
        var inventory = new RepositoryInventory(root);
        var ignore = new IgnoreRules();
        var excludes = (excludedGlobs ?? []).Select(glob => new GlobMatcher(glob.Trim('/'))).ToList();
        var pending = new Stack<string>();
        pending.Push("");
        int seen = 0;

        while (pending.Count > 0)
        {
            string relativeDirectory = pending.Pop();
            string fullDirectory = relativeDirectory.Length == 0 ? root : Path.Combine(root, relativeDirectory);
            string gitignore = Path.Combine(fullDirectory, ".gitignore");
            if (File.Exists(gitignore))
            {
                try
                {
                    ignore.Add(File.ReadAllText(gitignore), relativeDirectory);
                }
                catch (IOException)
                {
                    // An unreadable .gitignore only means we analyse more than git would.
                }
            }

            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(fullDirectory).EnumerateFileSystemInfos();
                entries = entries.OrderBy(entry => entry.Name, StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                string relative = relativeDirectory.Length == 0 ? entry.Name : relativeDirectory + "/" + entry.Name;
                bool isDirectory = entry is DirectoryInfo;
                // The walk never enters an ignored folder, so the entry's parents are known to be kept: its own
                // verdict is all IsIgnored would add (no pattern added since can match a parent).
                if (excludes.Any(glob => glob.IsMatch(relative)) || ignore.Match(relative, isDirectory) == true)
                {
                    continue;
                }

                if (isDirectory)
                {
                    if (SkippedDirectories.Contains(entry.Name) || entry.LinkTarget is not null)
                    {
                        continue;
                    }

                    inventory.AddDirectory(relative);
                    pending.Push(relative);
                    continue;
                }

                long length = entry is FileInfo file && entry.LinkTarget is null ? file.Length : 0;
                inventory.AddFile(new RepoFile(relative, entry.FullName, FileClassifier.Classify(relative), length));
                if (++seen % 1000 == 0)
                {
                    progress?.Report(seen);
                }
            }
        }

        inventory.Sort();
        return inventory;
    }
}
