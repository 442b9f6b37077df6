using System.Text.RegularExpressions;
using Drydock.Findings;
using Drydock.Text;
using Drydock.Yaml;
using YamlDotNet.RepresentationModel;

namespace Drydock.Logs.Analysis;

/// <summary>
/// Where a container named in a compose log is defined: the service's block in the compose file, its command or
/// entrypoint override, and, when compose builds the image, the CMD or ENTRYPOINT of the Dockerfile it builds.
/// The compose file is read with Core's YAML loader: diagnose does not depend on the compose part, and needs only
/// the service's keys and their lines.
/// </summary>
/// <param name="root">The repository.</param>
/// <param name="composeFiles">Its compose files, relative to <paramref name="root"/> (see <see cref="IsComposeFileName"/>).</param>
internal sealed partial class ComposeServiceLocator(string root, IReadOnlyList<string> composeFiles)
{
    private const long MaxComposeBytes = 1 << 20;

    private readonly Lazy<IReadOnlyList<(string Path, YamlSource Source)>> files = new(() => Load(root, composeFiles));

    /// <summary>compose.yaml, docker-compose.yml and their override and per-environment variants (docker-compose.prod.yml).</summary>
    public static bool IsComposeFileName(string name) => ComposeFileName().IsMatch(name);

    /// <summary>The names of containers or services a log's lines speak of: compose prefixes, "container NAME".</summary>
    public static IEnumerable<string> NamesIn(IEnumerable<string> lines)
    {
        foreach (string line in lines)
        {
            if (Parsing.StructureTracker.ComposeService(line) is { } prefix)
            {
                yield return prefix;
            }

            foreach (Match match in ContainerName().Matches(line))
            {
                yield return match.Groups["name"].Value;
            }
        }
    }

    /// <summary>The places that define <paramref name="name"/> (a service, a container_name, or compose's "project-service-1").</summary>
    public IReadOnlyList<RelatedLocation> Locate(string name)
    {
        var result = new List<RelatedLocation>();
        foreach (var (path, source) in files.Value)
        {
            if (source.Root is not YamlMappingNode top || top.Get("services") is not YamlMappingNode services)
            {
                continue;
            }

            string project = ProjectName(path, top);
            foreach (var (key, value) in services.Children)
            {
                if (key is not YamlScalarNode { Value: { } service } || value is not YamlMappingNode body || !Names(name, project, service, body))
                {
                    continue;
                }

                result.Add(new RelatedLocation(Span(path, source, key, value), $"the compose service '{service}'"));
                foreach (string keyName in new[] { "command", "entrypoint" })
                {
                    if (body.Get(keyName) is { } node)
                    {
                        result.Add(new RelatedLocation(Span(path, source, node, node), $"the {keyName} compose runs for '{service}'"));
                    }
                }

                if (BuiltDockerfile(path, body) is { } dockerfile)
                {
                    foreach (var (start, instruction) in StartInstructions(dockerfile))
                    {
                        result.Add(new RelatedLocation(start, $"the {instruction} the container of '{service}' runs"));
                    }
                }
            }
        }

        return result;
    }

    private static bool Names(string name, string project, string service, YamlMappingNode body)
    {
        if (name == service || (body.Get("container_name") as YamlScalarNode)?.Value == name)
        {
            return true;
        }

        // Compose names containers "<project>-<service>-<n>" (v1: underscores) and prefixes their logs with the
        // container or the service name, with or without the index.
        string stem = IndexedName().Match(name) is { Success: true } indexed ? indexed.Groups["stem"].Value : name;
        return stem == service || stem == $"{project}-{service}" || stem == $"{project}_{service}";
    }

    /// <summary>The compose project name: the file's top-level <c>name:</c>, else its folder's name as compose normalises it.</summary>
    private string ProjectName(string composePath, YamlMappingNode top)
    {
        if ((top.Get("name") as YamlScalarNode)?.Value is { Length: > 0 } name && !name.Contains('$', StringComparison.Ordinal))
        {
            return name;
        }

        string folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(Path.Combine(root, composePath))) ?? "");
        return new string([.. folder.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')]);
    }

    /// <summary>The Dockerfile compose builds for the service, relative to the repository root, when it exists.</summary>
    private string? BuiltDockerfile(string composePath, YamlMappingNode body)
    {
        string? context = null, dockerfile = null;
        switch (body.Get("build"))
        {
            case YamlScalarNode { Value: { } text }:
                context = text;
                break;
            case YamlMappingNode build:
                context = (build.Get("context") as YamlScalarNode)?.Value ?? ".";
                dockerfile = (build.Get("dockerfile") as YamlScalarNode)?.Value;
                break;
            default:
                return null;
        }

        if (context.Contains('$', StringComparison.Ordinal) || context.Contains("://", StringComparison.Ordinal) || dockerfile?.Contains('$', StringComparison.Ordinal) == true)
        {
            return null;
        }

        string composeDirectory = Path.GetDirectoryName(composePath) ?? "";
        string relative = Path.GetRelativePath(root, Path.GetFullPath(Path.Combine(root, composeDirectory, context, dockerfile ?? "Dockerfile"))).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || !File.Exists(Path.Combine(root, relative)) ? null : relative;
    }

    /// <summary>The last ENTRYPOINT and the last CMD of the Dockerfile's final stage: what the container starts.</summary>
    private IEnumerable<(SourceLocation Location, string Instruction)> StartInstructions(string dockerfile)
    {
        if (!SourceReader.TryRead(Path.Combine(root, dockerfile), dockerfile, out var text, out _))
        {
            yield break;
        }

        string[] lines = [.. text!.Text.Split('\n').Select(line => line.TrimEnd('\r'))];

        int entrypoint = -1, cmd = -1;
        bool continued = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimStart();
            if (!continued && StartsInstruction().Match(line) is { Success: true } match)
            {
                switch (match.Groups["word"].Value.ToUpperInvariant())
                {
                    case "FROM": (entrypoint, cmd) = (-1, -1); break;
                    case "ENTRYPOINT": entrypoint = i; break;
                    case "CMD": cmd = i; break;
                }
            }

            continued = line.EndsWith('\\');
        }

        if (entrypoint >= 0)
        {
            yield return (new SourceLocation(dockerfile, entrypoint + 1, 1), "ENTRYPOINT");
        }

        if (cmd >= 0)
        {
            yield return (new SourceLocation(dockerfile, cmd + 1, 1), "CMD");
        }
    }

    private static SourceLocation Span(string path, YamlSource source, YamlNode first, YamlNode last)
    {
        var (line, column) = source.Text.Position(YamlSource.Span(first).Start);
        var (endLine, endColumn) = source.Text.Position(YamlSource.Span(last.LastDescendant()).End);
        int lastLine = last.LastLine();
        return new SourceLocation(path, line, column, lastLine, lastLine == endLine ? endColumn : 0);
    }


    private static List<(string, YamlSource)> Load(string root, IReadOnlyList<string> composeFiles)
    {
        var result = new List<(string, YamlSource)>();

        // Files nearer the root first: the project's main compose file before a nested example's. An unreadable or
        // broken compose file links nothing; `drydock check` reports it.
        foreach (string relative in composeFiles.OrderBy(path => path.Count(c => c == '/')).ThenBy(path => path, StringComparer.Ordinal))
        {
            if (SourceReader.TryRead(Path.Combine(root, relative), relative, out var text, out _, MaxComposeBytes)
                && YamlSource.TryParse(text!, out var source, out _) && source is not null)
            {
                result.Add((relative, source));
            }
        }

        return result;
    }

    [GeneratedRegex(@"^(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$")]
    private static partial Regex ComposeFileName();

    [GeneratedRegex(@"\bcontainer (?<name>[A-Za-z0-9][\w.-]*)")]
    private static partial Regex ContainerName();

    [GeneratedRegex(@"^(?<word>(?i:FROM|CMD|ENTRYPOINT))(?:\s|\[|$)")]
    private static partial Regex StartsInstruction();

    [GeneratedRegex(@"^(?<stem>[\w.-]+?)[-_]\d+$")]
    private static partial Regex IndexedName();
}
