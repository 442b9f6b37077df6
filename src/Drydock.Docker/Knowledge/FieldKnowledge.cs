using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;
using Drydock.Knowledge;

namespace Drydock.Docker.Knowledge;

/// <summary>A package that exists only for some Debian architectures (arch-only-packages.json).</summary>
public sealed record ArchOnlyPackage(string Name, IReadOnlySet<string> Architectures, IReadOnlyDictionary<string, string> Since, string? Repository, string Instead, string Source)
{
    /// <summary>Whether the package (at an optional pinned upstream version) exists for <paramref name="architecture"/>.</summary>
    public bool ExistsFor(string architecture, string? pinnedVersion)
    {
        if (!Architectures.Contains(architecture))
        {
            return false;
        }

        return pinnedVersion is null || !Since.TryGetValue(architecture, out string? first) || VersionOrder.Compare(pinnedVersion, first) >= 0;
    }
}

/// <summary>A PyPI project that pip builds from source on some libc (source-build-packages.json).</summary>
public sealed record SourceBuildPackage(string Name, bool OnGlibc, IReadOnlyList<string> NeedsApt, IReadOnlyList<string> NeedsApk, string? BinaryAlternative, string Source)
{
    public bool BuildsFromSourceOn(string libc) => libc == "musl" || OnGlibc;
}

/// <summary>A command that installs a project's dependencies from its manifests (dependency-manifests.json).</summary>
public sealed record DependencyInstall(string Program, string Subcommand, string? ProjectOnlyFlag);

/// <summary>What a family of base images ships (base-images.json). Null members are unknown.</summary>
public sealed record BaseImageFamily(
    string Name,
    string? Libc,
    IReadOnlySet<string>? Commands,
    bool? Compiler,
    bool HasShell,
    bool IsPython,
    Regex? PythonVersionPattern,
    IReadOnlySet<string>? Users,
    string Source)
{
    /// <summary>The Python minor version ("3.11") a tag names, or null when the tag does not pin one.</summary>
    public string? PythonVersion(string tag)
    {
        if (PythonVersionPattern is null)
        {
            return null;
        }

        var match = PythonVersionPattern.Match(tag);
        return match.Success ? match.Groups["version"].Value : null;
    }
}

/// <summary>
/// The field-case knowledge files of the Dockerfile rules, loaded once from the embedded JSON.
/// Every list here is data: no package, image or command name is written in rule logic.
/// </summary>
public sealed class FieldKnowledge
{
    private static readonly Lazy<FieldKnowledge> Shared = new(() => Load(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, ArchOnlyPackage> archOnly;
    private readonly FrozenDictionary<string, SourceBuildPackage> sourceBuild;
    private readonly List<(IReadOnlySet<string> Repositories, Regex? Tag, BaseImageFamily Family)> families;
    private readonly FrozenDictionary<string, IReadOnlySet<string>> commandsByPackage;
    private readonly FrozenDictionary<string, bool> servers;
    private readonly FrozenDictionary<string, string> serverSubcommands;
    private readonly List<Regex> manifestFiles = [];
    private readonly HashSet<string> manifestDirectories = new(StringComparer.OrdinalIgnoreCase);

    private FieldKnowledge(
        FrozenDictionary<string, ArchOnlyPackage> archOnly,
        FrozenDictionary<string, SourceBuildPackage> sourceBuild,
        IReadOnlySet<string> aptCompilers,
        IReadOnlySet<string> apkCompilers,
        List<(IReadOnlySet<string>, Regex?, BaseImageFamily)> families,
        IReadOnlySet<string> probeCommands,
        FrozenDictionary<string, IReadOnlySet<string>> commandsByPackage,
        FrozenDictionary<string, bool> servers,
        FrozenDictionary<string, string> serverSubcommands,
        IReadOnlySet<string> serverModules)
    {
        this.archOnly = archOnly;
        this.sourceBuild = sourceBuild;
        AptCompilers = aptCompilers;
        ApkCompilers = apkCompilers;
        this.families = families;
        ProbeCommands = probeCommands;
        this.commandsByPackage = commandsByPackage;
        this.servers = servers;
        this.serverSubcommands = serverSubcommands;
        ServerModules = serverModules;
    }

    public static FieldKnowledge Default => Shared.Value;

    public IReadOnlySet<string> AptCompilers { get; }

    public IReadOnlySet<string> ApkCompilers { get; }

    /// <summary>The commands a HEALTHCHECK is checked for (curl, wget, nc).</summary>
    public IReadOnlySet<string> ProbeCommands { get; }

    /// <summary>Server modules run as <c>python -m module</c>.</summary>
    public IReadOnlySet<string> ServerModules { get; }

    public IReadOnlyList<DependencyInstall> DependencyInstalls { get; private set; } = [];

    public IEnumerable<ArchOnlyPackage> ArchOnlyPackages => archOnly.Values;

    /// <summary>True when a COPY source (a path relative to the context) is a dependency manifest, not a source.</summary>
    public bool IsManifest(string path)
    {
        string trimmed = path.Replace('\\', '/').TrimEnd('/');
        string name = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        // "poetry.lock*" (copy the lock file if there is one) names a manifest too.
        string literal = name.TrimEnd('*', '?');
        return manifestDirectories.Contains(name) || manifestFiles.Exists(pattern => pattern.IsMatch(name) || (literal.Length > 0 && pattern.IsMatch(literal)));
    }

    public IEnumerable<SourceBuildPackage> SourceBuildPackages => sourceBuild.Values;

    public ArchOnlyPackage? ArchOnly(string package) => archOnly.GetValueOrDefault(package.ToLowerInvariant());

    public SourceBuildPackage? SourceBuild(string project) => sourceBuild.GetValueOrDefault(NormalizeProject(project));

    /// <summary>The family of an image reference ("python:3.12-slim", "docker.io/library/node:20"), or null when unknown.</summary>
    public BaseImageFamily? FamilyOf(string repository, string tag)
    {
        string normalized = NormalizeRepository(repository);
        foreach (var (repositories, tagPattern, family) in families)
        {
            if (repositories.Contains(normalized) && (tagPattern is null || tagPattern.IsMatch(tag)))
            {
                return family;
            }
        }

        return null;
    }

    /// <summary>The commands an OS package puts on PATH (only those the knowledge tracks).</summary>
    public IReadOnlySet<string> CommandsOf(string package) =>
        commandsByPackage.TryGetValue(package.ToLowerInvariant(), out var commands) ? commands : FrozenSet<string>.Empty;

    /// <summary>True when <paramref name="words"/> (a CMD or ENTRYPOINT) start a long-running server; <paramref name="isPython"/> says whether it runs on CPython.</summary>
    public bool IsServer(IReadOnlyList<string> words, out bool isPython)
    {
        isPython = false;
        if (words.Count == 0)
        {
            return false;
        }

        string program = Path.GetFileName(words[0]);
        if (program.StartsWith("python", StringComparison.Ordinal))
        {
            isPython = true;
            int m = words.ToList().IndexOf("-m");
            return m >= 0 && m + 1 < words.Count && ServerModules.Contains(words[m + 1]);
        }

        if (!servers.TryGetValue(program, out bool python))
        {
            return false;
        }

        isPython = python;
        return !serverSubcommands.TryGetValue(program, out string? subcommand) || words.Skip(1).Contains(subcommand, StringComparer.Ordinal);
    }

    public static string NormalizeProject(string name) => Regex.Replace(name.Trim().ToLowerInvariant(), "[-_.]+", "-");

    public static string NormalizeRepository(string repository)
    {
        string lower = repository.ToLowerInvariant();
        foreach (string prefix in (string[])["docker.io/library/", "index.docker.io/library/", "docker.io/", "library/"])
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                return lower[prefix.Length..];
            }
        }

        return lower;
    }

    internal static FieldKnowledge Load()
    {
        var assembly = typeof(FieldKnowledge).Assembly;
        using var arch = KnowledgeFile.Open(assembly, "arch-only-packages.json");
        using var build = KnowledgeFile.Open(assembly, "source-build-packages.json");
        using var images = KnowledgeFile.Open(assembly, "base-images.json");
        using var tools = KnowledgeFile.Open(assembly, "tool-packages.json");
        using var services = KnowledgeFile.Open(assembly, "service-commands.json");
        using var manifests = KnowledgeFile.Open(assembly, "dependency-manifests.json");

        var archOnly = Items(arch.RootElement, "packages", "arch-only-packages.json").Select(item =>
        {
            string name = KnowledgeFile.RequiredString(item, "name", "arch-only-packages.json");
            var since = item.TryGetProperty("since", out var s) && s.ValueKind == JsonValueKind.Object
                ? s.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? throw new KnowledgeException($"arch-only-packages.json: {name}: 'since' values must be strings"), StringComparer.Ordinal)
                : [];
            var architectures = NonEmpty(KnowledgeFile.StringArray(item, "architectures"), $"arch-only-packages.json: {name}: 'architectures'");
            return new ArchOnlyPackage(name, architectures.ToFrozenSet(StringComparer.Ordinal), since, OptionalString(item, "repository"),
                KnowledgeFile.RequiredString(item, "instead", name), KnowledgeFile.RequiredString(item, "source", name));
        }).ToFrozenDictionary(package => package.Name, StringComparer.Ordinal);

        var compilers = Property(build.RootElement, "compilers", "source-build-packages.json");
        var sourceBuild = Items(build.RootElement, "packages", "source-build-packages.json").Select(item =>
        {
            string name = KnowledgeFile.RequiredString(item, "name", "source-build-packages.json");
            string libc = KnowledgeFile.RequiredString(item, "libc", name);
            if (libc is not ("all" or "musl"))
            {
                throw new KnowledgeException($"source-build-packages.json: {name}: 'libc' must be 'all' or 'musl'");
            }

            var needs = Property(item, "needs", name);
            return new SourceBuildPackage(NormalizeProject(name), libc == "all", KnowledgeFile.StringArray(needs, "apt"), KnowledgeFile.StringArray(needs, "apk"),
                OptionalString(item, "binaryAlternative"), KnowledgeFile.RequiredString(item, "source", name));
        }).ToFrozenDictionary(package => package.Name, StringComparer.Ordinal);

        var familyList = Items(images.RootElement, "families", "base-images.json").Select(item =>
        {
            string name = KnowledgeFile.RequiredString(item, "name", "base-images.json");
            var repositories = NonEmpty(KnowledgeFile.StringArray(item, "repositories"), $"base-images.json: {name}: 'repositories'");
            string? tag = OptionalString(item, "tagPattern");
            string? version = OptionalString(item, "pythonVersionPattern");
            var family = new BaseImageFamily(
                name,
                OptionalString(item, "libc"),
                item.TryGetProperty("commands", out _) ? KnowledgeFile.StringArray(item, "commands").ToFrozenSet(StringComparer.Ordinal) : null,
                item.TryGetProperty("compiler", out var compiler) ? compiler.GetBoolean() : null,
                !item.TryGetProperty("shell", out var shell) || shell.GetBoolean(),
                item.TryGetProperty("python", out var python) && python.GetBoolean(),
                version is null ? null : new Regex(version, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
                item.TryGetProperty("users", out _) ? KnowledgeFile.StringArray(item, "users").ToFrozenSet(StringComparer.Ordinal) : null,
                KnowledgeFile.RequiredString(item, "source", name));
            return ((IReadOnlySet<string>)repositories.Select(NormalizeRepository).ToFrozenSet(StringComparer.Ordinal),
                tag is null ? null : new Regex(tag, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), family);
        }).ToList();

        var byPackage = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var item in Items(tools.RootElement, "commands", "tool-packages.json"))
        {
            string command = KnowledgeFile.RequiredString(item, "command", "tool-packages.json");
            foreach (string package in KnowledgeFile.StringArray(item, "apt").Concat(KnowledgeFile.StringArray(item, "apk")))
            {
                if (!byPackage.TryGetValue(package, out var set))
                {
                    byPackage[package] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(command);
            }
        }

        var serverItems = Items(services.RootElement, "servers", "service-commands.json").ToList();
        var knowledge = new FieldKnowledge(
            archOnly,
            sourceBuild,
            KnowledgeFile.StringArray(compilers, "apt").ToFrozenSet(StringComparer.Ordinal),
            KnowledgeFile.StringArray(compilers, "apk").ToFrozenSet(StringComparer.Ordinal),
            familyList,
            NonEmpty(KnowledgeFile.StringArray(images.RootElement, "probeCommands"), "base-images.json: 'probeCommands'").ToFrozenSet(StringComparer.Ordinal),
            byPackage.ToFrozenDictionary(pair => pair.Key, pair => (IReadOnlySet<string>)pair.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal),
            serverItems.ToFrozenDictionary(item => KnowledgeFile.RequiredString(item, "program", "service-commands.json"), item => item.TryGetProperty("python", out var p) && p.GetBoolean(), StringComparer.Ordinal),
            serverItems.Where(item => OptionalString(item, "subcommand") is not null)
                .ToFrozenDictionary(item => KnowledgeFile.RequiredString(item, "program", "service-commands.json"), item => OptionalString(item, "subcommand")!, StringComparer.Ordinal),
            KnowledgeFile.StringArray(services.RootElement, "pythonModules").ToFrozenSet(StringComparer.Ordinal));
        foreach (string pattern in NonEmpty(KnowledgeFile.StringArray(manifests.RootElement, "files"), "dependency-manifests.json: 'files'"))
        {
            knowledge.manifestFiles.Add(new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        }

        knowledge.manifestDirectories.UnionWith(KnowledgeFile.StringArray(manifests.RootElement, "directories"));
        knowledge.DependencyInstalls = [.. Items(manifests.RootElement, "dependencyInstalls", "dependency-manifests.json").Select(item => new DependencyInstall(
            KnowledgeFile.RequiredString(item, "program", "dependency-manifests.json"),
            KnowledgeFile.RequiredString(item, "subcommand", "dependency-manifests.json"),
            OptionalString(item, "projectOnlyFlag")))];
        return knowledge;
    }

    private static IEnumerable<JsonElement> Items(JsonElement root, string property, string file)
    {
        var array = Property(root, property, file);
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            throw new KnowledgeException($"{file}: '{property}' must be a non-empty array");
        }

        return array.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Object ? item : throw new KnowledgeException($"{file}: every '{property}' entry must be an object")).ToList();
    }

    private static JsonElement Property(JsonElement element, string property, string context) =>
        element.TryGetProperty(property, out var value) ? value : throw new KnowledgeException($"{context}: '{property}' is missing");

    private static string? OptionalString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IReadOnlyList<string> NonEmpty(IReadOnlyList<string> values, string context) =>
        values.Count > 0 && values.All(value => value.Length > 0) ? values : throw new KnowledgeException($"{context} must be a non-empty list of non-empty strings");
}

/// <summary>Compares dotted upstream versions numerically ("120.0.6099" &lt; "150").</summary>
public static class VersionOrder
{
    public static int Compare(string left, string right)
    {
        string[] a = left.Split('.', '-', '+', '~');
        string[] b = right.Split('.', '-', '+', '~');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            long x = i < a.Length && long.TryParse(a[i], out long p) ? p : 0;
            long y = i < b.Length && long.TryParse(b[i], out long q) ? q : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return 0;
    }
}
