using Drydock.Compose.Model;
using Drydock.Docker.Model;
using Drydock.Docker.Parsing;
using YamlDotNet.RepresentationModel;

namespace Drydock.CrossFile.Rules.Compose;

/// <summary>A program a compose healthcheck runs, the YAML node that names it, and the words of its command line.</summary>
public sealed record HealthcheckProgram(string Program, YamlNode Node, IReadOnlyList<string?> Arguments, bool IsWholeTest);

/// <summary>Reads the programs of a compose healthcheck's <c>test</c>: the argv of CMD, or every command of a CMD-SHELL script.</summary>
public static class HealthcheckPrograms
{
    public static IReadOnlyList<HealthcheckProgram> Of(ComposeHealthcheck healthcheck)
    {
        if (healthcheck.Test is not { } test || healthcheck.Command.Count == 0)
        {
            return [];
        }

        var items = (test.Node as YamlSequenceNode)?.Children;
        switch (healthcheck.Form)
        {
            case HealthcheckTestForm.Exec:
                var argv = healthcheck.Command;
                var programNode = items is { Count: > 1 } ? items[1] : test.Node;
                if (!ComposeImageKnowledge.Default.IsShell(argv[0]))
                {
                    return [new HealthcheckProgram(Path.GetFileName(argv[0]), programNode, [.. argv.Skip(1)], argv.Count + 1 == items?.Count)];
                }

                int c = argv.ToList().FindIndex(1, word => word.Length > 1 && word[0] == '-' && word.Contains('c', StringComparison.Ordinal));
                return c < 0 || c + 1 >= argv.Count ? [] : FromScript(argv[c + 1], items is { Count: > 0 } && c + 2 < items.Count ? items[c + 2] : test.Node, false);

            case HealthcheckTestForm.Shell:
                return FromScript(healthcheck.Command[0], items is { Count: > 1 } ? items[1] : test.Node, true);

            default:
                return [];
        }
    }

    private static List<HealthcheckProgram> FromScript(string script, YamlNode node, bool isWholeTest)
    {
        var commands = ShellParser.Parse(SourceMap.Contiguous(script, 0, script.Length)).AllCommands().Select(command => command.Effective).ToList();
        return [.. commands.Where(line => line.Program is not null)
            .Select(line => new HealthcheckProgram(line.Program!, node, [.. line.Arguments.Select(word => word.Literal)], isWholeTest && commands.Count(other => other.Program != "exit") == 1))];
    }

    /// <summary>The URL a <c>curl -f URL</c> or <c>wget -q --spider URL</c> probe fetches, when it is the probe's only purpose.</summary>
    public static string? ProbedUrl(HealthcheckProgram probe)
    {
        if (probe.Program is not ("curl" or "wget") || probe.Arguments.Any(argument => argument is null))
        {
            return null;
        }

        var urls = probe.Arguments.Where(argument => argument!.StartsWith("http://", StringComparison.Ordinal) || argument.StartsWith("https://", StringComparison.Ordinal)).ToList();
        var flags = probe.Arguments.Where(argument => argument!.StartsWith('-')).ToList();
        bool onlyQuietFlags = flags.All(flag => flag is "-f" or "--fail" or "-s" or "--silent" or "-S" or "--show-error" or "-fs" or "-sf" or "-fsS" or "-sSf" or "-q" or "--quiet" or "--spider" or "-qO-" or "-O-" or "-O" or "-" or "--no-verbose");
        return urls.Count == 1 && onlyQuietFlags && probe.Arguments.Count(argument => !argument!.StartsWith('-')) == 1 ? urls[0] : null;
    }
}
