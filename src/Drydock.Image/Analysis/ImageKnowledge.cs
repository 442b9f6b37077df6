using System.Text.Json;
using System.Text.RegularExpressions;
using Drydock.Knowledge;

namespace Drydock.Image.Analysis;

public sealed record ElfMachine(string Architecture, int Machine, int Class, bool LittleEndian, string Name);

public sealed record SecretFileRule(string Name, string? Parent, string What, IReadOnlyList<string> MustContain);

/// <summary>The image part's data files (Knowledge/*.json), loaded once.</summary>
public static class ImageKnowledge
{
    private static readonly Lazy<(IReadOnlyList<ElfMachine> Machines, IReadOnlyList<(string Contains, string Libc)> Loaders)> Elf = new(LoadElf);
    private static readonly Lazy<(IReadOnlyList<Regex> EnvNames, IReadOnlyList<Regex> EnvIgnore, IReadOnlyList<SecretFileRule> Files)> Secrets = new(LoadSecrets);

    public static IReadOnlyList<ElfMachine> Machines => Elf.Value.Machines;

    public static IReadOnlyList<SecretFileRule> SecretFiles => Secrets.Value.Files;

    /// <summary>The machine an architecture's binaries must have; null for an architecture the table does not know.</summary>
    public static ElfMachine? MachineFor(string architecture) =>
        Machines.FirstOrDefault(machine => string.Equals(machine.Architecture, architecture, StringComparison.Ordinal));

    /// <summary>The architectures whose binaries have this e_machine and byte order.</summary>
    public static IEnumerable<ElfMachine> ArchitecturesFor(int machine, bool littleEndian) =>
        Machines.Where(entry => entry.Machine == machine && entry.LittleEndian == littleEndian);

    public static string? LibcOfLoader(string loader) =>
        Elf.Value.Loaders.FirstOrDefault(entry => loader.Contains(entry.Contains, StringComparison.Ordinal)).Libc;

    public static bool IsSecretEnvName(string name) => Secrets.Value.EnvNames.Any(pattern => pattern.IsMatch(name));

    public static bool IsPlaceholderValue(string value) => Secrets.Value.EnvIgnore.Any(pattern => pattern.IsMatch(value));

    private static (IReadOnlyList<ElfMachine>, IReadOnlyList<(string, string)>) LoadElf()
    {
        const string file = "elf-machines.json";
        using var document = KnowledgeFile.Open(typeof(ImageKnowledge).Assembly, file);
        var machines = new List<ElfMachine>();
        foreach (var entry in document.RootElement.GetProperty("machines").EnumerateArray())
        {
            machines.Add(new ElfMachine(
                KnowledgeFile.RequiredString(entry, "architecture", file),
                entry.GetProperty("machine").GetInt32(),
                entry.GetProperty("class").GetInt32(),
                KnowledgeFile.RequiredString(entry, "byteOrder", file) == "little",
                KnowledgeFile.RequiredString(entry, "name", file)));
        }

        var loaders = document.RootElement.GetProperty("loaders").EnumerateArray()
            .Select(entry => (KnowledgeFile.RequiredString(entry, "contains", file), KnowledgeFile.RequiredString(entry, "libc", file)))
            .ToList();
        return (machines, loaders);
    }

    private static (IReadOnlyList<Regex>, IReadOnlyList<Regex>, IReadOnlyList<SecretFileRule>) LoadSecrets()
    {
        const string file = "image-secrets.json";
        using var document = KnowledgeFile.Open(typeof(ImageKnowledge).Assembly, file);
        var root = document.RootElement;
        static Regex Compile(string pattern) => new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var names = KnowledgeFile.StringArray(root, "envNamePatterns").Select(Compile).ToList();
        var ignore = KnowledgeFile.StringArray(root, "envValueIgnore").Select(pattern => new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1))).ToList();
        var files = root.GetProperty("files").EnumerateArray().Select(entry => new SecretFileRule(
            KnowledgeFile.RequiredString(entry, "name", file),
            entry.TryGetProperty("parent", out var parent) && parent.ValueKind == JsonValueKind.String ? parent.GetString() : null,
            KnowledgeFile.RequiredString(entry, "what", file),
            KnowledgeFile.StringArray(entry, "mustContain"))).ToList();
        return (names, ignore, files);
    }
}
