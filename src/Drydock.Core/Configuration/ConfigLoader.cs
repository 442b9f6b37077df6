using Drydock.Findings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Drydock.Configuration;

/// <summary>Thrown for a configuration file that exists but cannot be used; the CLI exits 2 with its message.</summary>
public sealed class ConfigException(string message) : Exception(message);

/// <summary>Reads <c>.drydock.yaml</c> with YamlDotNet's representation model (no reflection, so NativeAOT-safe).</summary>
public static class ConfigLoader
{
    public const string FileName = ".drydock.yaml";

    private static readonly string[] KnownKeys = ["ignore", "severity", "failOn", "trustedRegistries", "exclude"];

    public static DrydockConfig LoadFromDirectory(string root)
    {
        foreach (string name in new[] { FileName, ".drydock.yml" })
        {
            string path = Path.Combine(root, name);
            if (File.Exists(path))
            {
                return Load(path);
            }
        }

        return DrydockConfig.Default;
    }

    public static DrydockConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read: {e.Message}");
        }

        return Parse(text, path);
    }

    public static DrydockConfig Parse(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ConfigException($"{path}:{e.Start.Line}:{e.Start.Column}: invalid YAML: {e.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return DrydockConfig.Default with { SourcePath = path };
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigException($"{path}: the configuration must be a mapping of keys ({string.Join(", ", KnownKeys)})");
        }

        var ignored = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var severities = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        var failOn = Severity.Warning;
        var trusted = new List<string>();
        var exclude = new List<string>();

        foreach (var (keyNode, value) in root.Children)
        {
            string key = ((YamlScalarNode)keyNode).Value ?? "";
            string where = $"{path}:{keyNode.Start.Line}:{keyNode.Start.Column}";
            switch (key)
            {
                case "ignore":
                    ignored.UnionWith(StringList(value, where, key));
                    break;
                case "severity":
                    if (value is not YamlMappingNode map)
                    {
                        throw new ConfigException($"{where}: 'severity' must map rule ids to error, warning, info or style");
                    }

                    foreach (var (rule, level) in map.Children)
                    {
                        string levelText = (level as YamlScalarNode)?.Value ?? "";
                        if (!SeverityNames.TryParse(levelText, out var severity))
                        {
                            throw new ConfigException($"{path}:{level.Start.Line}:{level.Start.Column}: '{levelText}' is not a severity (error, warning, info, style)");
                        }

                        severities[((YamlScalarNode)rule).Value ?? ""] = severity;
                    }

                    break;
                case "failOn":
                    string threshold = (value as YamlScalarNode)?.Value ?? "";
                    if (!SeverityNames.TryParse(threshold, out failOn))
                    {
                        throw new ConfigException($"{where}: failOn '{threshold}' is not a severity (error, warning, info, style)");
                    }

                    break;
                case "trustedRegistries":
                    trusted.AddRange(StringList(value, where, key));
                    break;
                case "exclude":
                    exclude.AddRange(StringList(value, where, key));
                    break;
                default:
                    throw new ConfigException($"{where}: unknown key '{key}' (known: {string.Join(", ", KnownKeys)})");
            }
        }

        return new DrydockConfig
        {
            IgnoredRules = ignored,
            SeverityOverrides = severities,
            FailOn = failOn,
            TrustedRegistries = trusted,
            ExcludedPaths = exclude,
            SourcePath = path,
        };
    }

    private static IEnumerable<string> StringList(YamlNode node, string where, string key) => node switch
    {
        YamlSequenceNode sequence => sequence.Children.Select(child => (child as YamlScalarNode)?.Value
            ?? throw new ConfigException($"{where}: '{key}' must be a list of strings")),
        YamlScalarNode { Value: { } single } => single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => throw new ConfigException($"{where}: '{key}' must be a list of strings"),
    };
}
