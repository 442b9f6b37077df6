using System.Runtime.InteropServices;
using Drydock.Text;

namespace Drydock.Fixing;

/// <summary>Thrown when a file must not or cannot be written; nothing was changed.</summary>
public sealed class FixWriteException(string message) : Exception(message);

/// <summary>
/// Writes a fixed file so that a crash or a full disk can never leave it half-written: the new bytes go to
/// a temporary file in the same folder, which then replaces the original by rename. The mode, owner,
/// byte order mark and line endings are kept. A file that changed since it was read, a symlink, or a path
/// outside the repository is refused.
/// </summary>
public static partial class AtomicFileWriter
{
    public static void Write(string repositoryRoot, FileChange change)
    {
        string root = Path.GetFullPath(repositoryRoot);
        string path = Path.GetFullPath(Path.Combine(root, change.Original.Path));
        if (!path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new FixWriteException($"{change.Original.Path}: outside {root}; not written");
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            throw new FixWriteException($"{change.Original.Path}: is a symbolic link (to {info.LinkTarget}); not written, edit the target yourself");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserWrite) == 0)
        {
            // Renaming over it would succeed (only the folder's permissions count), but read-only says "leave me alone".
            throw new FixWriteException($"{change.Original.Path}: is read-only; not written (make it writable to let drydock fix it)");
        }

        byte[] current;
        try
        {
            current = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FixWriteException($"{change.Original.Path}: cannot read it again before writing: {e.Message}");
        }

        if (change.Original.ContentHash is { } expected && SourceReader.HashOf(current) != expected)
        {
            throw new FixWriteException($"{change.Original.Path}: changed on disk since drydock read it; not written (run fix again)");
        }

        string directory = Path.GetDirectoryName(path)!;
        string temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.drydock-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(SourceText.Encode(change.NewText, change.Original.HasBom));
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
                KeepOwner(path, temporary);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new FixWriteException($"{change.Original.Path}: not written: {e.Message}");
        }
    }

    private static void KeepOwner(string original, string temporary)
    {
        // Only root can give a file away; for anyone else the temp file is already theirs, like the original.
        if (Environment.UserName == "root" && Stat(original, out uint uid, out uint gid))
        {
            try
            {
                _ = Chown(temporary, uid, gid);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // No libc to ask: the file keeps the writer's owner, as any editor would leave it.
            }
        }
    }

    /// <summary>
    /// The owner of a file, through statx(2): its struct is the same on every Linux architecture, unlike
    /// stat's, and .NET has no managed API for a file's owner.
    /// </summary>
    private static unsafe bool Stat(string path, out uint uid, out uint gid)
    {
        uid = gid = 0;
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        const int AtFdCwd = -100;
        const uint StatxUid = 0x8, StatxGid = 0x10;
        byte* buffer = stackalloc byte[256];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxUid | StatxGid, buffer) != 0)
            {
                return false;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }

        uid = *(uint*)(buffer + 20);
        gid = *(uint*)(buffer + 24);
        return true;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless and named so it is recognisable.
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int Statx(int directoryFd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Chown(string path, uint owner, uint group);
}
