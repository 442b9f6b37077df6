using System.Text;

namespace Drydock.Image.Parsing;

public sealed record PasswdEntry(string Name, int Id, int GroupId, string Home, string Shell, int Line);

/// <summary>/etc/passwd (name:x:uid:gid:gecos:home:shell) or /etc/group (name:x:gid:members), leniently: bad lines are skipped.</summary>
public static class PasswdFile
{
    public static IReadOnlyList<PasswdEntry> Parse(ReadOnlySpan<byte> content, bool isGroup = false)
    {
        var entries = new List<PasswdEntry>();
        string[] lines = Encoding.UTF8.GetString(content).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] fields = line.Split(':');
            if (fields.Length < (isGroup ? 3 : 4) || !int.TryParse(fields[2], out int id))
            {
                continue;
            }

            int groupId = isGroup ? id : int.TryParse(fields[3], out int gid) ? gid : -1;
            entries.Add(new PasswdEntry(fields[0], id, groupId, !isGroup && fields.Length > 5 ? fields[5] : "", !isGroup && fields.Length > 6 ? fields[6] : "", i + 1));
        }

        return entries;
    }
}
