using System.Text;

namespace Drydock.Init;

/// <summary>
/// Writes the planned files. New files and --force overwrites both go through a temporary file in the same
/// folder and a rename, so a failure leaves no half-written file; nothing is written outside the project,
/// and a symlink is never written through.
/// </summary>
public static class InitWriter
{
    public static IReadOnlyList<string> Write(string root, InitPlan plan)
    {
        string fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var targets = plan.Files.Where(file => file.Action != PlannedAction.KeepExisting)
            .Select(file => (File: file, Path: Path.GetFullPath(Path.Combine(fullRoot, file.Path))))
            .ToList();

        // Every target is checked before the first is written, so a refusal leaves the project untouched.
        foreach (var (file, path) in targets)
        {
            EnsureWritable(fullRoot, root, file, path);
        }

        var written = new List<string>();
        foreach (var (file, path) in targets)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            string temporary = path + $".drydock-{Guid.NewGuid():N}.tmp";
            try
            {
                File.WriteAllText(temporary, file.Content, new UTF8Encoding(false));
                if (file.Action == PlannedAction.Create && File.Exists(path))
                {
                    throw new InitException($"{file.Path}: appeared while init ran; not overwritten (use --force)");
                }

                File.Move(temporary, path, overwrite: file.Action == PlannedAction.Overwrite);
                written.Add(file.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InitException($"{file.Path}: not written: {e.Message}");
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }

        return written;
    }

    private static void EnsureWritable(string fullRoot, string root, PlannedFile file, string path)
    {
        if (!path.StartsWith(fullRoot, StringComparison.Ordinal))
        {
            throw new InitException($"{file.Path}: outside {root}; not written");
        }

        if (new FileInfo(path).LinkTarget is not null || HasLinkedParent(fullRoot, path))
        {
            throw new InitException($"{file.Path}: is (or is inside) a symbolic link; not written");
        }

        if (file.Action == PlannedAction.Overwrite && !OperatingSystem.IsWindows() && File.Exists(path)
            && (File.GetUnixFileMode(path) & UnixFileMode.UserWrite) == 0)
        {
            throw new InitException($"{file.Path}: is read-only; not overwritten");
        }
    }

    private static bool HasLinkedParent(string root, string path)
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(path)!); directory is not null && directory.FullName.Length + 1 > root.Length - 1 && directory.FullName.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal); directory = directory.Parent)
        {
            if (directory.Exists && directory.LinkTarget is not null)
            {
                return true;
            }

            if (directory.FullName.TrimEnd(Path.DirectorySeparatorChar) == root.TrimEnd(Path.DirectorySeparatorChar))
            {
                break;
            }
        }

        return false;
    }
}
