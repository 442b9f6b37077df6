using Drydock.Image.Model;
using Drydock.Image.Parsing;

namespace Drydock.Image.Analysis;

/// <summary>
/// The config's User ("name", "uid", "name:group", "uid:gid") resolved against the image's /etc/passwd and
/// /etc/group as runc does: a numeric id needs no entry, a name must have one.
/// </summary>
public sealed record ImageUser(string Spec, int? Uid, int? Gid, string? MissingName, string? MissingReason)
{
    public bool IsRoot => Uid == 0;

    public static ImageUser Resolve(ImageConfig config, LayeredFileSystem fileSystem)
    {
        string spec = config.User.Trim();
        if (spec.Length == 0)
        {
            return new ImageUser("", 0, 0, null, null);
        }

        string userPart = spec.Split(':')[0];
        string? groupPart = spec.Contains(':', StringComparison.Ordinal) ? spec[(spec.IndexOf(':', StringComparison.Ordinal) + 1)..] : null;
        int? uid = null, gid = null;
        if (int.TryParse(userPart, out int numericUid))
        {
            uid = numericUid;
        }
        else
        {
            var passwd = Read(fileSystem, "/etc/passwd", isGroup: false);
            if (passwd is null)
            {
                return new ImageUser(spec, null, null, userPart, "the image has no /etc/passwd");
            }

            var entry = passwd.FirstOrDefault(candidate => candidate.Name == userPart);
            if (entry is null)
            {
                return new ImageUser(spec, null, null, userPart, "no matching entries in passwd file");
            }

            uid = entry.Id;
            gid = entry.GroupId;
        }

        if (groupPart is { Length: > 0 })
        {
            if (int.TryParse(groupPart, out int numericGid))
            {
                gid = numericGid;
            }
            else
            {
                var group = Read(fileSystem, "/etc/group", isGroup: true)?.FirstOrDefault(candidate => candidate.Name == groupPart);
                if (group is null)
                {
                    return new ImageUser(spec, uid, null, groupPart, "no matching entries in group file");
                }

                gid = group.Id;
            }
        }
        else if (gid is null && uid is { } knownUid)
        {
            gid = Read(fileSystem, "/etc/passwd", isGroup: false)?.FirstOrDefault(candidate => candidate.Id == knownUid)?.GroupId ?? knownUid;
        }

        return new ImageUser(spec, uid, gid, null, null);
    }

    /// <summary>Whether this user may create files in a directory (owner, group or other write bit; root always).</summary>
    public bool CanWrite(FsNode directory)
    {
        if (IsRoot)
        {
            return true;
        }

        int mode = directory.Mode;
        return (directory.Uid == Uid && (mode & 0b010_000_000) != 0)
            || (directory.Gid == Gid && (mode & 0b000_010_000) != 0)
            || (mode & 0b000_000_010) != 0;
    }

    private static IReadOnlyList<PasswdEntry>? Read(LayeredFileSystem fileSystem, string path, bool isGroup) =>
        fileSystem.Resolve(path).Node is { Kind: FsNodeKind.File, Head: { } head } ? PasswdFile.Parse(head, isGroup) : null;
}
