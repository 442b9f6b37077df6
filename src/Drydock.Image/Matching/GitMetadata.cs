namespace Drydock.Image.Matching;

/// <summary>
/// The commit a repository is at and its remote URLs, read from the .git folder's files (no git process): enough
/// to compare with an image's org.opencontainers.image.revision and .source labels.
/// </summary>
internal sealed record GitMetadata(string? Head, IReadOnlyList<string> RemoteUrls)
{
    private const long MaxFileBytes = 1 << 20;

    public static GitMetadata Read(string root)
    {
        string? gitDirectory = GitDirectory(root);
        if (gitDirectory is null)
        {
            return new GitMetadata(null, []);
        }

        return new GitMetadata(ReadHead(gitDirectory), ReadRemoteUrls(gitDirectory));
    }

    /// <summary>"https://github.com/Acme/API.git", "git@github.com:acme/api" and "github.com/acme/api/" all become "github.com/acme/api".</summary>
    public static string NormalizeUrl(string url)
    {
        string text = url.Trim().ToLowerInvariant();
        int scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }
        else if (text.IndexOf('@', StringComparison.Ordinal) is var at and >= 0 && text.IndexOf(':', at) is var colon and > 0)
        {
            text = text[..colon] + "/" + text[(colon + 1)..];
        }

        int user = text.IndexOf('@', StringComparison.Ordinal);
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (user >= 0 && (slash < 0 || user < slash))
        {
            text = text[(user + 1)..];
        }

        text = text.TrimEnd('/');
        return text.EndsWith(".git", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static string? GitDirectory(string root)
    {
        string dotGit = Path.Combine(root, ".git");
        if (Directory.Exists(dotGit))
        {
            return dotGit;
        }

        // A worktree or submodule: ".git" is a file saying "gitdir: <path>".
        if (ReadSmall(dotGit) is { } pointer && pointer.StartsWith("gitdir:", StringComparison.Ordinal))
        {
            string target = pointer["gitdir:".Length..].Trim();
            string full = Path.IsPathRooted(target) ? target : Path.GetFullPath(Path.Combine(root, target));
            return Directory.Exists(full) ? full : null;
        }

        return null;
    }

    private static string? ReadHead(string gitDirectory)
    {
        string? head = ReadSmall(Path.Combine(gitDirectory, "HEAD"))?.Trim();
        if (head is null || !head.StartsWith("ref:", StringComparison.Ordinal))
        {
            return IsCommitId(head) ? head : null;
        }

        string reference = head["ref:".Length..].Trim();
        string? commonDirectory = ReadSmall(Path.Combine(gitDirectory, "commondir"))?.Trim() is { Length: > 0 } common
            ? Path.GetFullPath(Path.Combine(gitDirectory, common))
            : null;
        foreach (string directory in new[] { gitDirectory, commonDirectory }.OfType<string>())
        {
            if (!reference.Contains("..", StringComparison.Ordinal) && ReadSmall(Path.Combine(directory, reference))?.Trim() is { } loose && IsCommitId(loose))
            {
                return loose;
            }

            foreach (string line in (ReadSmall(Path.Combine(directory, "packed-refs")) ?? "").Split('\n'))
            {
                string[] parts = line.Trim().Split(' ');
                if (parts.Length == 2 && parts[1] == reference && IsCommitId(parts[0]))
                {
                    return parts[0];
                }
            }
        }

        return null;
    }

    private static List<string> ReadRemoteUrls(string gitDirectory)
    {
        var urls = new List<string>();
        string? config = ReadSmall(Path.Combine(gitDirectory, "config"));
        if (config is null && ReadSmall(Path.Combine(gitDirectory, "commondir"))?.Trim() is { Length: > 0 } common)
        {
            config = ReadSmall(Path.Combine(gitDirectory, common, "config"));
        }

        bool inRemote = false;
        foreach (string raw in (config ?? "").Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith('['))
            {
                inRemote = line.StartsWith("[remote ", StringComparison.Ordinal);
                continue;
            }

            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (inRemote && equals > 0 && line[..equals].Trim() == "url")
            {
                urls.Add(line[(equals + 1)..].Trim());
            }
        }

        return urls;
    }

    private static bool IsCommitId(string? text) => text is { Length: 40 or 64 } && text.All(char.IsAsciiHexDigitLower);

    private static string? ReadSmall(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length <= MaxFileBytes ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
