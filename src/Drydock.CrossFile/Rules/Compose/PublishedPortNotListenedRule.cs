using System.Globalization;
using System.Text.RegularExpressions;
using Drydock.CrossFile.Rules.Python;
using Drydock.Docker.Rules;
using Drydock.Findings;

namespace Drydock.CrossFile.Rules.Compose;

/// <summary>DC045: a published container port that the image does not EXPOSE and nothing in the start command listens on.</summary>
public sealed class PublishedPortNotListenedRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC045",
        "published-port-not-listened",
        Severity.Info,
        "A published container port that the image does not EXPOSE and that neither the start command, the environment nor the module it runs mentions.",
        "Publishing a port nobody listens on gives 'connection reset by peer' or 'empty reply from server' on the host, while the service listens elsewhere: usually the container side of the mapping is the wrong number.",
        "Publish the port the server listens on (HOST:CONTAINER), pass that port to the server (--port), or EXPOSE it in the Dockerfile to document it.");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        foreach (var image in ServiceImage.All(context))
        {
            if (image.Stage is not { } stage || image.Service.Ports.Count == 0 || image.RootImageNote() is null && FieldCaseFacts.BaseOf(stage).Image is not { IsScratch: true })
            {
                continue;
            }

            var evidence = Evidence(context, image);
            if (evidence is null)
            {
                continue;
            }

            foreach (var port in image.Service.Ports)
            {
                if (port.Mapping is not { } mapping || mapping.Container.End - mapping.Container.Start > 64 || Enumerable.Range(mapping.Container.Start, mapping.Container.End - mapping.Container.Start + 1).Any(number => evidence(number)))
                {
                    continue;
                }

                string exposed = stage.ExposedPorts.Count == 0 ? "EXPOSEs nothing" : "EXPOSEs only " + string.Join(", ", stage.ExposedPorts.Select(item => item.Text));
                ComposeFindings.Report(context, Descriptor, port.Node,
                    $"service '{image.Service.Name}' publishes container port {Range(mapping.Container)}, but {image.Description} {exposed} and its start command, environment and module never mention {Range(mapping.Container)}: check the container side of the mapping");
            }
        }
    }

    /// <summary>A test of "something listens on this port", or null when the start command is unknown (then stay quiet).</summary>
    private static Func<int, bool>? Evidence(CrossFileContext context, ServiceImage image)
    {
        var stage = image.Stage!;
        if (stage.ExposedPorts.Any(item => item.Text.Contains('$')))
        {
            return null;
        }

        var start = ServiceStart.Of(image);
        if (start is null && (image.Service.Command is not null || image.Service.Entrypoint is not null))
        {
            return null; // an override Drydock cannot read (variables, a script): what listens is unknown
        }

        var words = start?.Words ?? FieldCaseFacts.StartWords(stage);
        if (words is null || words.Count == 0)
        {
            return null;
        }

        string? source = null;
        bool runsPython = false;
        if (start is not null && ComposeCommands.Of(context, start) is { } target)
        {
            runsPython = target.Kind != CommandTargetKind.App;
            source = target.RunModule(context.Python)?.Source?.Text;
        }
        else if (start is null && image.Document is { } document && ContainerCommand.Of(context, document, stage) is { } command)
        {
            runsPython = command.Kind != CommandTargetKind.App;
            source = command.RunModule(context.Python)?.Source?.Text;
        }

        if (runsPython && source is null)
        {
            return null;
        }

        var servers = ComposeImageKnowledge.Default.ServerPorts;
        string program = Path.GetFileName(words[0]);
        int m = words.ToList().IndexOf("-m");
        int? defaultPort = servers.TryGetValue(program, out int port) ? port
            : m >= 0 && m + 1 < words.Count && servers.TryGetValue(words[m + 1], out int modulePort) ? modulePort : null;
        var values = words.SelectMany(word => word.Split(':', '=', '/'))
            .Concat(image.Service.Environment.Select(item => item.Value ?? ""))
            .Concat(stage.Variables.All.Select(variable => variable.Value ?? ""))
            .ToHashSet(StringComparer.Ordinal);
        return number =>
        {
            string text = number.ToString(CultureInfo.InvariantCulture);
            return number == defaultPort || values.Contains(text) || Exposes(stage, number) || image.Service.Expose.Any(item => item.Range is { } range && range.Start <= number && number <= range.End)
                || (source is not null && Regex.IsMatch(source, $@"(?<![\w.]){text}(?![\w.])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        };
    }

    private static bool Exposes(Drydock.Docker.Model.Stage stage, int number) => stage.ExposedPorts.Any(item =>
    {
        string[] range = item.Text.Split('/')[0].Split('-');
        return int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out int first)
            && number >= first && number <= (range.Length > 1 && int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out int last) ? last : first);
    });

    private static string Range(Drydock.Compose.Parsing.PortRange range) => range.Start == range.End
        ? range.Start.ToString(CultureInfo.InvariantCulture)
        : $"{range.Start}-{range.End}";
}
