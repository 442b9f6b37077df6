using System.Globalization;
using System.Net;

namespace Drydock.Compose.Parsing;

/// <summary>A socket in the LISTEN state, as the kernel lists it in /proc/net/tcp or /proc/net/tcp6.</summary>
public sealed record ListeningSocket(IPAddress Address, int Port, long Inode, int Uid)
{
    public bool IsWildcard => Address.Equals(IPAddress.Any) || Address.Equals(IPAddress.IPv6Any);

    public override string ToString() =>
        (Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address.ToString())
        + ":" + Port.ToString(CultureInfo.InvariantCulture)
        + $" (uid {Uid.ToString(CultureInfo.InvariantCulture)}, inode {Inode.ToString(CultureInfo.InvariantCulture)})";
}

/// <summary>
/// Reads /proc/net/tcp and /proc/net/tcp6. Each row is
/// <c>sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...</c>; addresses are hex
/// in the kernel's byte order (each 32-bit word little-endian on x86 and arm64), ports are big-endian hex,
/// and state 0A is LISTEN. Malformed rows are skipped: the file is the kernel's, not the user's.
/// </summary>
public static class ProcNetTcp
{
    private const string ListenState = "0A";

    public static IReadOnlyList<ListeningSocket> ParseListening(string text)
    {
        var sockets = new List<ListeningSocket>();
        foreach (string rawLine in text.Split('\n'))
        {
            string[] fields = rawLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 10 || !fields[0].EndsWith(':') || fields[3] != ListenState)
            {
                continue;
            }

            int colon = fields[1].IndexOf(':');
            if (colon < 0
                || !TryParseAddress(fields[1][..colon], out var address)
                || !int.TryParse(fields[1][(colon + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int port)
                || !int.TryParse(fields[7], NumberStyles.None, CultureInfo.InvariantCulture, out int uid)
                || !long.TryParse(fields[9], NumberStyles.None, CultureInfo.InvariantCulture, out long inode))
            {
                continue;
            }

            sockets.Add(new ListeningSocket(address!, port, inode, uid));
        }

        return sockets;
    }

    private static bool TryParseAddress(string hex, out IPAddress? address)
    {
        address = null;
        if (hex.Length is not (8 or 32))
        {
            return false;
        }

        byte[] bytes = new byte[hex.Length / 2];
        for (int word = 0; word < hex.Length / 8; word++)
        {
            if (!uint.TryParse(hex.AsSpan(word * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint value))
            {
                return false;
            }

            // The kernel prints each 32-bit word as a host-order integer; on little-endian hosts the bytes come reversed.
            bytes[(word * 4) + 0] = (byte)value;
            bytes[(word * 4) + 1] = (byte)(value >> 8);
            bytes[(word * 4) + 2] = (byte)(value >> 16);
            bytes[(word * 4) + 3] = (byte)(value >> 24);
        }

        address = new IPAddress(bytes);
        return true;
    }
}
