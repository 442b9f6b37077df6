using Drydock.Debian.Index;

namespace Drydock.Debian.Advice;

/// <summary>
/// What a build stage adds to apt before it installs: the extra Debian components it enables and the
/// third-party repositories it configures (with any "[arch=...]" restriction on their sources line).
/// Built from the text of the stage's instructions; a repository counts as configured when its host appears.
/// </summary>
public sealed class AptSources
{
    private static readonly string[] ExtraComponents = ["contrib", "non-free-firmware", "non-free"];

    private readonly HashSet<PackageComponent> components = [PackageComponent.Main];
    private readonly HashSet<string> configured = new(StringComparer.Ordinal);
    private readonly HashSet<string> unrestricted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ArchSet> restrictions = new(StringComparer.Ordinal);

    /// <summary>Only Debian main: what the official images configure.</summary>
    public static AptSources DebianDefault { get; } = new();

    public IReadOnlySet<PackageComponent> Components => components;

    /// <summary>
    /// Reads the text of instructions (RUN commands, COPY'd .list names...) that run before the install.
    /// <paramref name="catalog"/> names the repository hosts to look for.
    /// </summary>
    public static AptSources FromText(IEnumerable<string> texts, ThirdPartyCatalog catalog)
    {
        var sources = new AptSources();
        foreach (string text in texts)
        {
            sources.Read(text, catalog);
        }

        return sources;
    }

    public bool Enables(PackageComponent component) => components.Contains(component);

    /// <summary>Whether the repository is configured, and the architectures its sources line limits it to (null: no limit).</summary>
    public bool TryGetRepository(ThirdPartyRepository repository, out ArchSet? restriction)
    {
        restriction = !unrestricted.Contains(repository.Host) && restrictions.TryGetValue(repository.Host, out var limit) ? limit : null;
        return configured.Contains(repository.Host);
    }

    private void Read(string text, ThirdPartyCatalog catalog)
    {
        foreach (string line in text.Split('\n'))
        {
            foreach (string word in Words(line))
            {
                string component = word.Trim('"', '\'', ';', '\\');
                for (int i = 0; i < ExtraComponents.Length; i++)
                {
                    if (string.Equals(component, ExtraComponents[i], StringComparison.Ordinal))
                    {
                        components.Add(i switch { 0 => PackageComponent.Contrib, 1 => PackageComponent.NonFreeFirmware, _ => PackageComponent.NonFree });
                    }
                }
            }

            foreach (var repository in catalog.Repositories)
            {
                int at = line.IndexOf(repository.Host, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    continue;
                }

                var before = line.AsSpan(0, at);
                configured.Add(repository.Host);
                if (ArchRestriction(before) is { } limit)
                {
                    restrictions[repository.Host] = restrictions.TryGetValue(repository.Host, out var earlier) ? earlier.Union(limit) : limit;
                }
                else if (before.Contains("deb ", StringComparison.Ordinal) || before.Contains("URIs:", StringComparison.Ordinal))
                {
                    unrestricted.Add(repository.Host);
                }
            }
        }
    }

    /// <summary>The "arch=a,b" option of the last "[...]" before the repository URL on a sources line.</summary>
    private static ArchSet? ArchRestriction(ReadOnlySpan<char> beforeHost)
    {
        int open = beforeHost.LastIndexOf('[');
        int close = beforeHost.LastIndexOf(']');
        if (open < 0 || close < open)
        {
            return null;
        }

        foreach (string option in beforeHost[(open + 1)..close].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (option.StartsWith("arch=", StringComparison.Ordinal))
            {
                int mask = 0;
                foreach (string arch in option["arch=".Length..].Split(','))
                {
                    if (ArchSet.Names.Contains(arch))
                    {
                        mask |= ArchSet.Of(arch).Mask;
                    }
                }

                return new ArchSet(mask);
            }
        }

        return null;
    }

    private static IEnumerable<string> Words(string line) =>
        line.Split([' ', '\t', '/', '=', '\'', '"'], StringSplitOptions.RemoveEmptyEntries);
}
