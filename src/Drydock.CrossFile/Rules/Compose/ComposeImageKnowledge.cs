using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;
using Drydock.Docker.Knowledge;
using Drydock.Knowledge;

namespace Drydock.CrossFile.Rules.Compose;

/// <summary>An image pulled by tag whose probe commands are known (compose-images.json).</summary>
public sealed record ServiceImageFamily(string Name, IReadOnlySet<string> Repositories, Regex? TagPattern, IReadOnlySet<string> Commands, string Source);

/// <summary>
/// The knowledge of the compose cross-file rules (compose-images.json), joined with the Dockerfile part's base image
/// and tool knowledge so that a rule asks one place which probe commands an image has.
/// </summary>
public sealed class ComposeImageKnowledge
{
    private const string FileName = "compose-images.json";
    private static readonly Lazy<ComposeImageKnowledge> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private ComposeImageKnowledge(IReadOnlySet<string> probeCommands, IReadOnlyList<ServiceImageFamily> serviceImages, IReadOnlySet<string> shells, IReadOnlySet<string> predefinedBuildArgs, FrozenDictionary<string, int> serverPorts)
    {
        ProbeCommands = probeCommands;
        ServiceImages = serviceImages;
        Shells = shells;
        PredefinedBuildArgs = predefinedBuildArgs;
        ServerPorts = serverPorts;
    }

    public static ComposeImageKnowledge Default => Shared.Value;

    /// <summary>Every command a healthcheck is checked for: curl, wget, nc (Dockerfile knowledge) and the service probes.</summary>
    public IReadOnlySet<string> ProbeCommands { get; }

    public IReadOnlyList<ServiceImageFamily> ServiceImages { get; }

    public IReadOnlySet<string> Shells { get; }

    public IReadOnlySet<string> PredefinedBuildArgs { get; }

    /// <summary>Server program (or <c>python -m</c> module) -> the port it listens on by default.</summary>
    public FrozenDictionary<string, int> ServerPorts { get; }

    public bool IsShell(string program) => Shells.Contains(Path.GetFileName(program));

    /// <summary>The service image family of a repository and tag, or null when the knowledge has none.</summary>
    public ServiceImageFamily? ServiceImage(string repository, string tag)
    {
        string normalized = FieldKnowledge.NormalizeRepository(repository);
        return ServiceImages.FirstOrDefault(family => family.Repositories.Contains(normalized) && (family.TagPattern is null || family.TagPattern.IsMatch(tag)));
    }

    internal static ComposeImageKnowledge Load()
    {
        using var document = KnowledgeFile.Open(typeof(ComposeImageKnowledge).Assembly, FileName);
        var root = document.RootElement;
        var probes = NonEmpty(KnowledgeFile.StringArray(root, "probeCommands"), "probeCommands");
        var images = Array(root, "serviceImages").Select(item =>
        {
            string name = KnowledgeFile.RequiredString(item, "name", FileName);
            string? tag = item.TryGetProperty("tagPattern", out var pattern) ? pattern.GetString() : null;
            return new ServiceImageFamily(
                name,
                NonEmpty(KnowledgeFile.StringArray(item, "repositories"), name + ".repositories").Select(FieldKnowledge.NormalizeRepository).ToFrozenSet(StringComparer.Ordinal),
                tag is null ? null : new Regex(tag, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
                KnowledgeFile.StringArray(item, "commands").ToFrozenSet(StringComparer.Ordinal),
                KnowledgeFile.RequiredString(item, "source", name));
        }).ToList();
        var servers = Array(root, "servers").ToFrozenDictionary(
            item => KnowledgeFile.RequiredString(item, "program", FileName),
            item => item.TryGetProperty("defaultPort", out var port) && port.TryGetInt32(out int value) && value is > 0 and < 65536 ? value : throw new KnowledgeException($"{FileName}: every server needs a 'defaultPort' between 1 and 65535"),
            StringComparer.Ordinal);
        return new ComposeImageKnowledge(
            probes.Concat(FieldKnowledge.Default.ProbeCommands).ToFrozenSet(StringComparer.Ordinal),
            images,
            NonEmpty(KnowledgeFile.StringArray(root, "shells"), "shells").ToFrozenSet(StringComparer.Ordinal),
            NonEmpty(KnowledgeFile.StringArray(root, "predefinedBuildArgs"), "predefinedBuildArgs").ToFrozenSet(StringComparer.Ordinal),
            servers);
    }

    private static IEnumerable<JsonElement> Array(JsonElement root, string property) =>
        root.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array && array.GetArrayLength() > 0
            ? array.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Object ? item : throw new KnowledgeException($"{FileName}: every '{property}' entry must be an object")).ToList()
            : throw new KnowledgeException($"{FileName}: '{property}' must be a non-empty array");

    private static IReadOnlyList<string> NonEmpty(IReadOnlyList<string> values, string property) =>
        values.Count > 0 && values.All(value => value.Length > 0) ? values : throw new KnowledgeException($"{FileName}: '{property}' must be a non-empty list of non-empty strings");
}
