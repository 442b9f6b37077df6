using System.Globalization;
using System.Text.Json;
using Drydock.Knowledge;

namespace Drydock.Debian.Images;

/// <summary>Knowledge/debian-base-images.json, read once.</summary>
internal sealed class BaseImageKnowledge
{
    public const string FileName = "debian-base-images.json";

    private static readonly Lazy<BaseImageKnowledge> SharedKnowledge = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static BaseImageKnowledge Shared => SharedKnowledge.Value;

    public required IReadOnlyList<DebianReleaseDates> Releases { get; init; }

    public required IReadOnlySet<string> UbuntuCodenames { get; init; }

    public required IReadOnlyDictionary<string, string> OtherDistributions { get; init; }

    public required IReadOnlyDictionary<string, ImageEntry> Images { get; init; }

    public static BaseImageKnowledge Load()
    {
        using var document = KnowledgeFile.Open(typeof(BaseImageKnowledge).Assembly, FileName);
        var root = document.RootElement;
        var releases = new List<DebianReleaseDates>();
        foreach (var item in root.GetProperty("debianReleases").EnumerateArray())
        {
            string codename = KnowledgeFile.RequiredString(item, "codename", FileName);
            DateOnly? stableFrom = item.TryGetProperty("stableFrom", out var date)
                ? DateOnly.ParseExact(date.GetString() ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null;
            int? major = item.TryGetProperty("major", out var number) ? number.GetInt32() : null;
            releases.Add(new DebianReleaseDates(codename, major, stableFrom));
        }

        var others = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in root.GetProperty("otherDistributions").EnumerateObject())
        {
            others[property.Name] = property.Value.GetString() ?? property.Name;
        }

        var images = new Dictionary<string, ImageEntry>(StringComparer.Ordinal);
        foreach (var item in root.GetProperty("images").EnumerateArray())
        {
            var entry = new ImageEntry(
                KnowledgeFile.RequiredString(item, "family", FileName),
                ReadVersionRules(item, "frozen", "release"),
                ReadVersionRules(item, "vague", "reason"),
                ReadMap(item, "codenameTags"),
                item.TryGetProperty("source", out var source) ? source.GetString() ?? "" : "");
            foreach (string name in KnowledgeFile.StringArray(item, "names"))
            {
                images[name] = entry;
            }
        }

        return new BaseImageKnowledge
        {
            Releases = releases,
            UbuntuCodenames = new HashSet<string>(KnowledgeFile.StringArray(root, "ubuntuCodenames"), StringComparer.Ordinal),
            OtherDistributions = others,
            Images = images,
        };
    }

    public DebianReleaseDates? Release(string codename) =>
        Releases.FirstOrDefault(release => string.Equals(release.Codename, codename, StringComparison.Ordinal));

    /// <summary>The Debian stable release on <paramref name="day"/>, and the one before it.</summary>
    public (DebianReleaseDates Current, DebianReleaseDates? Previous) StableOn(DateOnly day)
    {
        var dated = Releases.Where(release => release.StableFrom is { } from && from <= day).ToList();
        if (dated.Count == 0)
        {
            throw new KnowledgeException($"{FileName}: no Debian release was stable on {day:yyyy-MM-dd}");
        }

        return (dated[^1], dated.Count > 1 ? dated[^2] : null);
    }

    private static IReadOnlyList<VersionRule> ReadVersionRules(JsonElement item, string property, string valueProperty)
    {
        if (!item.TryGetProperty(property, out var rules))
        {
            return [];
        }

        return [.. rules.EnumerateArray().Select(rule => new VersionRule(
            KnowledgeFile.StringArray(rule, "versions"),
            KnowledgeFile.RequiredString(rule, valueProperty, FileName),
            rule.TryGetProperty("source", out var source) ? source.GetString() ?? "" : ""))];
    }

    private static IReadOnlyDictionary<string, string> ReadMap(JsonElement item, string property)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (item.TryGetProperty(property, out var value))
        {
            foreach (var entry in value.EnumerateObject())
            {
                map[entry.Name] = entry.Value.GetString() ?? "";
            }
        }

        return map;
    }
}

internal sealed record DebianReleaseDates(string Codename, int? Major, DateOnly? StableFrom);

/// <summary>Tag versions (first word of the tag) bound to a value: a release for frozen tags, a reason for vague ones.</summary>
internal sealed record VersionRule(IReadOnlyList<string> Versions, string Value, string Source)
{
    public bool Matches(string version) =>
        Versions.Any(prefix => version == prefix || version.StartsWith(prefix + ".", StringComparison.Ordinal));
}

internal sealed record ImageEntry(
    string Family,
    IReadOnlyList<VersionRule> Frozen,
    IReadOnlyList<VersionRule> Vague,
    IReadOnlyDictionary<string, string> CodenameTags,
    string Source);
