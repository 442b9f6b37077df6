using System.Globalization;

namespace Drydock.Compose.Parsing;

/// <summary>A port range (a single port has <see cref="Start"/> == <see cref="End"/>).</summary>
public readonly record struct PortRange(int Start, int End)
{
    public int Count => End - Start + 1;

    public bool Overlaps(PortRange other) => Start <= other.End && other.Start <= End;

    public bool Contains(int port) => port >= Start && port <= End;

    public override string ToString() => Start == End ? Start.ToString(CultureInfo.InvariantCulture) : $"{Start}-{End}";

    public static bool TryParse(string text, out PortRange range)
    {
        range = default;
        int dash = text.IndexOf('-');
        if (dash < 0)
        {
            if (!TryPort(text, out int single))
            {
                return false;
            }

            range = new PortRange(single, single);
            return true;
        }

        if (!TryPort(text[..dash], out int start) || !TryPort(text[(dash + 1)..], out int end) || end < start)
        {
            return false;
        }

        range = new PortRange(start, end);
        return true;
    }

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 0 and <= 65535;
}

/// <summary>One published or exposed port mapping, from the short or the long syntax.</summary>
public sealed record PortMapping(string? HostIp, PortRange? Host, PortRange Container, string Protocol)
{
    /// <summary>True when the host port is fixed (not left to the engine to pick).</summary>
    public bool HasFixedHostPort => Host is { Start: > 0 };

    /// <summary>True when the mapping binds every interface (no host IP, 0.0.0.0 or ::).</summary>
    public bool BindsAllInterfaces => HostIp is null or "" or "0.0.0.0" or "::" or "[::]";
}

/// <summary>Parses compose's short port syntax: <c>[HOST_IP:][HOST[-HOST]:]CONTAINER[-CONTAINER][/PROTOCOL]</c>.</summary>
public static class PortSyntax
{
    public static bool TryParseShort(string text, out PortMapping? mapping, out string? error)
    {
        mapping = null;
        error = null;
        string body = text.Trim();
        string protocol = "tcp";
        int slash = body.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = body[(slash + 1)..].ToLowerInvariant();
            body = body[..slash];
            if (protocol is not ("tcp" or "udp" or "sctp"))
            {
                error = $"invalid proto: {protocol}";
                return false;
            }
        }

        string? hostIp = null;
        if (body.StartsWith('['))
        {
            int close = body.IndexOf(']');
            if (close < 0 || close + 1 >= body.Length || body[close + 1] != ':')
            {
                error = $"invalid IP address in port mapping '{text}'";
                return false;
            }

            hostIp = body[1..close];
            body = body[(close + 2)..];
        }

        string[] parts = body.Split(':');
        string containerText = parts[^1];
        string? hostText = parts.Length >= 2 ? parts[^2] : null;
        if (hostIp is null && parts.Length >= 3)
        {
            hostIp = string.Join(':', parts[..^2]);
            if (!System.Net.IPAddress.TryParse(hostIp, out _))
            {
                error = $"invalid IP address: {hostIp}";
                return false;
            }
        }
        else if (hostIp is not null && parts.Length >= 3)
        {
            error = $"invalid port mapping '{text}'";
            return false;
        }

        if (!PortRange.TryParse(containerText, out var container))
        {
            error = $"invalid containerPort: {containerText}";
            return false;
        }

        PortRange? host = null;
        if (!string.IsNullOrEmpty(hostText))
        {
            if (!PortRange.TryParse(hostText, out var parsedHost))
            {
                error = $"invalid hostPort: {hostText}";
                return false;
            }

            if (parsedHost.Count != container.Count && parsedHost.Count != 1 && container.Count != 1)
            {
                error = $"invalid ranges specified for container and host Ports: {containerText} and {hostText}";
                return false;
            }

            host = parsedHost;
        }

        mapping = new PortMapping(hostIp, host, container, protocol);
        return true;
    }
}
