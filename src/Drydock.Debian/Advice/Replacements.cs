using Drydock.Knowledge;

namespace Drydock.Debian.Advice;

/// <summary>A package renamed, split or dropped, and what each release installs instead (Knowledge/package-replacements.json).</summary>
public sealed record Replacement(string Package, IReadOnlyDictionary<string, IReadOnlyList<string>> Instead, string Note);

public sealed class ReplacementCatalog
{
    public const string FileName = "package-replacements.json";

    private static readonly Lazy<ReplacementCatalog> SharedCatalog = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, Replacement> byPackage;

    private ReplacementCatalog(Dictionary<string, Replacement> byPackage) => this.byPackage = byPackage;

    public static ReplacementCatalog Shared => SharedCatalog.Value;

    public IEnumerable<Replacement> All => byPackage.Values;

    public static ReplacementCatalog Load()
    {
        using var document = KnowledgeFile.Open(typeof(ReplacementCatalog).Assembly, FileName);
        var map = new Dictionary<string, Replacement>(StringComparer.Ordinal);
        foreach (var item in document.RootElement.GetProperty("replacements").EnumerateArray())
        {
            string package = KnowledgeFile.RequiredString(item, "package", FileName);
            var instead = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var release in item.GetProperty("instead").EnumerateObject())
            {
                instead[release.Name] = [.. release.Value.EnumerateArray().Select(name => name.GetString() ?? "")];
            }

            if (!map.TryAdd(package, new Replacement(package, instead, KnowledgeFile.RequiredString(item, "note", FileName))))
            {
                throw new KnowledgeException($"{FileName}: '{package}' is listed twice");
            }
        }

        return new ReplacementCatalog(map);
    }

    public Replacement? For(string package) => byPackage.GetValueOrDefault(package);
}
