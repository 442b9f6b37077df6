using Drydock.Debian.Index;
using Drydock.Knowledge;

namespace Drydock.Debian.Advice;

/// <summary>An apt repository outside Debian (Knowledge/third-party-repositories.json).</summary>
/// <param name="Host">The URL part that identifies it in a sources line or a setup command.</param>
/// <param name="Architectures">The Debian architectures it publishes.</param>
public sealed record ThirdPartyRepository(
    string Name,
    string Host,
    ArchSet Architectures,
    string Checked,
    IReadOnlyList<string> Packages,
    string Setup,
    string History);

public sealed class ThirdPartyCatalog
{
    public const string FileName = "third-party-repositories.json";

    private static readonly Lazy<ThirdPartyCatalog> SharedCatalog = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, ThirdPartyRepository> byPackage;

    private ThirdPartyCatalog(IReadOnlyList<ThirdPartyRepository> repositories)
    {
        Repositories = repositories;
        byPackage = new Dictionary<string, ThirdPartyRepository>(StringComparer.Ordinal);
        foreach (var repository in repositories)
        {
            foreach (string package in repository.Packages)
            {
                if (!byPackage.TryAdd(package, repository))
                {
                    throw new KnowledgeException($"{FileName}: '{package}' is listed under two repositories");
                }
            }
        }
    }

    public static ThirdPartyCatalog Shared => SharedCatalog.Value;

    public IReadOnlyList<ThirdPartyRepository> Repositories { get; }

    public static ThirdPartyCatalog Load()
    {
        using var document = KnowledgeFile.Open(typeof(ThirdPartyCatalog).Assembly, FileName);
        var repositories = new List<ThirdPartyRepository>();
        foreach (var item in document.RootElement.GetProperty("repositories").EnumerateArray())
        {
            string name = KnowledgeFile.RequiredString(item, "name", FileName);
            ArchSet architectures;
            try
            {
                architectures = ArchSet.Of([.. KnowledgeFile.StringArray(item, "architectures")]);
            }
            catch (ArgumentException e)
            {
                throw new KnowledgeException($"{FileName}: {name}: {e.Message}");
            }

            repositories.Add(new ThirdPartyRepository(
                name,
                KnowledgeFile.RequiredString(item, "host", FileName),
                architectures,
                KnowledgeFile.RequiredString(item, "checked", FileName),
                KnowledgeFile.StringArray(item, "packages"),
                KnowledgeFile.RequiredString(item, "setup", FileName),
                item.TryGetProperty("history", out var history) ? history.GetString() ?? "" : ""));
        }

        return new ThirdPartyCatalog(repositories);
    }

    public ThirdPartyRepository? ForPackage(string package) => byPackage.GetValueOrDefault(package);
}
