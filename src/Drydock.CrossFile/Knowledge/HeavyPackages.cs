using System.Collections.Frozen;
using Drydock.Knowledge;
using Drydock.Python.Packaging;

namespace Drydock.CrossFile.Knowledge;

/// <summary>A package known for long builds or large images (heavy-packages.json).</summary>
public sealed record HeavyPackage(string Name, IReadOnlyList<string> Imports, string Why, IReadOnlyList<string> RequiredBy);

/// <summary>The heavy-package list, loaded once from the embedded JSON.</summary>
public sealed class HeavyPackages
{
    private static readonly Lazy<HeavyPackages> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, HeavyPackage> packages;

    private HeavyPackages(FrozenDictionary<string, HeavyPackage> packages)
    {
        this.packages = packages;
    }

    public static HeavyPackages Default => Shared.Value;

    public IEnumerable<HeavyPackage> All => packages.Values;

    /// <summary>The entry for a distribution name (any spelling PEP 503 normalises alike), or null.</summary>
    public HeavyPackage? Find(string distribution) => packages.GetValueOrDefault(PyRequirement.NormalizeName(distribution));

    internal static HeavyPackages Load()
    {
        using var document = KnowledgeFile.Open(typeof(HeavyPackages).Assembly, "heavy-packages.json");
        if (!document.RootElement.TryGetProperty("packages", out var array) || array.GetArrayLength() == 0)
        {
            throw new KnowledgeException("heavy-packages.json: 'packages' must be a non-empty array");
        }

        var entries = array.EnumerateArray().Select(item =>
        {
            string name = KnowledgeFile.RequiredString(item, "name", "heavy-packages.json");
            var imports = KnowledgeFile.StringArray(item, "imports");
            if (imports.Count == 0 || imports.Any(import => import.Length == 0))
            {
                throw new KnowledgeException($"heavy-packages.json: {name}: 'imports' must list module names");
            }

            return new HeavyPackage(PyRequirement.NormalizeName(name), imports, KnowledgeFile.RequiredString(item, "why", name),
                [.. KnowledgeFile.StringArray(item, "requiredBy").Select(PyRequirement.NormalizeName)]);
        });
        return new HeavyPackages(entries.ToFrozenDictionary(package => package.Name, StringComparer.Ordinal));
    }
}
