using System.Globalization;
using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF023: EXPOSE of something that is not a port, a port range or port/protocol.</summary>
public sealed class ExposeInvalidPortRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF023",
        "expose-invalid-port",
        Severity.Error,
        "EXPOSE names an invalid port.",
        "Ports run from 0 to 65535, with an optional /tcp, /udp or /sctp. Anything else fails the build ('invalid containerPort') or, written as host:container, is silently misread: EXPOSE cannot publish ports.",
        "EXPOSE the container port only (EXPOSE 8000 or 8000/tcp); map host ports at run time (docker run -p 8080:8000, compose 'ports').")
    {
        Equivalents = ["hadolint DL3011"],
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitExpose(DockerfileContext context, ExposeInstruction expose)
    {
        var scope = expose.Stage?.ScopeAt(expose);
        foreach (var port in expose.Ports)
        {
            var expansion = scope?.Expand(port.Word.Raw, expose.EscapeCharacter);
            if (expansion is null || !expansion.IsKnown)
            {
                continue;
            }

            if (Problem(expansion.Text) is { } problem)
            {
                context.Report(Descriptor, port.Word.Span, $"EXPOSE {expansion.Text}: {problem}");
            }
        }
    }

    internal static string? Problem(string text)
    {
        string ports = text;
        int slash = text.IndexOf('/');
        if (slash >= 0)
        {
            string protocol = text[(slash + 1)..].ToLowerInvariant();
            if (protocol is not ("tcp" or "udp" or "sctp"))
            {
                return $"'{text[(slash + 1)..]}' is not a protocol (tcp, udp or sctp)";
            }

            ports = text[..slash];
        }

        if (ports.Contains(':'))
        {
            return "EXPOSE takes container ports only; a host:container mapping belongs in 'docker run -p' or compose 'ports'";
        }

        string[] range = ports.Split('-');
        if (range.Length > 2)
        {
            return "a range is written start-end";
        }

        foreach (string part in range)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number > 65535)
            {
                return $"'{part}' is not a port number between 0 and 65535";
            }
        }

        return range.Length == 2 && int.Parse(range[0], CultureInfo.InvariantCulture) > int.Parse(range[1], CultureInfo.InvariantCulture)
            ? "the range starts after it ends"
            : null;
    }
}
