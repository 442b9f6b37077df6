using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Drydock.Knowledge;

namespace Drydock.Logs.Signatures;

/// <summary>The signatures of <c>log-signatures.json</c>, compiled once per process.</summary>
public sealed class SignatureCatalog
{
    public const string FileName = "log-signatures.json";
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);
    private static readonly Lazy<SignatureCatalog> Shared = new(() => Load(KnowledgeFile.Open(typeof(SignatureCatalog).Assembly, FileName)));

    private SignatureCatalog(IReadOnlyList<Signature> signatures, int version)
    {
        Signatures = signatures;
        Version = version;
        ById = signatures.ToDictionary(signature => signature.Id, StringComparer.Ordinal);
    }

    public static SignatureCatalog Default => Shared.Value;

    public IReadOnlyList<Signature> Signatures { get; }

    public IReadOnlyDictionary<string, Signature> ById { get; }

    public int Version { get; }

    /// <summary>This catalog without the signatures named (by id or name, as <c>.drydock.yaml</c> <c>ignore:</c> lists them).</summary>
    public SignatureCatalog Without(IReadOnlySet<string> idsOrNames) =>
        idsOrNames.Count == 0 ? this : new SignatureCatalog([.. Signatures.Where(signature => !idsOrNames.Contains(signature.Id) && !idsOrNames.Contains(signature.Name))], Version);

    public static SignatureCatalog Load(JsonDocument document)
    {
        using (document)
        {
            var root = document.RootElement;
            int version = root.GetProperty("version").GetInt32();
            var list = new List<Signature>();
            foreach (var entry in root.GetProperty("signatures").EnumerateArray())
            {
                list.Add(Parse(entry));
            }

            var duplicate = list.GroupBy(signature => signature.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
            if (duplicate is not null)
            {
                throw new KnowledgeException($"{FileName}: signature id {duplicate.Key} is used twice");
            }

            var unknown = list.FirstOrDefault(signature => signature.InDockerBuild is { } other && !list.Any(candidate => candidate.Id == other));
            if (unknown is not null)
            {
                throw new KnowledgeException($"{FileName} {unknown.Id}: inDockerBuild names {unknown.InDockerBuild}, which does not exist");
            }

            return new SignatureCatalog(list, version);
        }
    }

    private static Signature Parse(JsonElement entry)
    {
        string id = KnowledgeFile.RequiredString(entry, "id", FileName);
        string context = $"{FileName} {id}";
        string category = KnowledgeFile.RequiredString(entry, "category", context);
        if (!SignatureCategories.All.Contains(category))
        {
            throw new KnowledgeException($"{context}: category '{category}' is not one of {string.Join(", ", SignatureCategories.All)}");
        }

        var anchors = KnowledgeFile.StringArray(entry, "anchors");
        var patterns = KnowledgeFile.StringArray(entry, "patterns");
        if (anchors.Count == 0 || patterns.Count == 0)
        {
            throw new KnowledgeException($"{context}: needs at least one anchor and one pattern");
        }

        // The line gate indexes anchors of 4+ characters; a shorter one must start with a rare non-ASCII character ("● ").
        if (anchors.FirstOrDefault(anchor => anchor.Length < AnchorIndex.MinimumLength && (anchor.Length < 2 || Ascii.IsValid(anchor.AsSpan(0, 1)))) is { } tooShort)
        {
            throw new KnowledgeException($"{context}: anchor '{tooShort}' is too short: anchors need {AnchorIndex.MinimumLength}+ characters, or 2+ starting with a non-ASCII character");
        }

        double confidence = entry.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : 0.8;
        var aggregation = entry.TryGetProperty("aggregate", out var a) && a.GetString() == "per-file" ? SignatureAggregation.PerFile : SignatureAggregation.First;
        string title = KnowledgeFile.RequiredString(entry, "title", context);
        return new Signature
        {
            Id = id,
            Name = KnowledgeFile.RequiredString(entry, "name", context),
            Title = title,
            Message = entry.TryGetProperty("message", out var m) && m.GetString() is { Length: > 0 } message ? message : title,
            Category = category,
            Cause = KnowledgeFile.RequiredString(entry, "cause", context),
            Fix = KnowledgeFile.RequiredString(entry, "fix", context),
            Confidence = confidence,
            Symptom = entry.TryGetProperty("symptom", out var s) && s.ValueKind == JsonValueKind.True,
            Anchors = anchors,
            Patterns = [.. patterns.Select(pattern => Compile(pattern, context))],
            Before = IntOr(entry, "before", 0),
            After = IntOr(entry, "after", 0),
            StartAt = OptionalRegex(entry, "startAt", context),
            EndAt = OptionalRegex(entry, "endAt", context),
            StopAt = OptionalRegex(entry, "stopAt", context),
            Aggregation = aggregation,
            KeepBlankLines = entry.TryGetProperty("keepBlanks", out var k) && k.ValueKind == JsonValueKind.True,
            InDockerBuild = entry.TryGetProperty("inDockerBuild", out var d) && d.GetString() is { Length: > 0 } alternative ? alternative : null,
            FileHeader = OptionalRegex(entry, "fileHeader", context),
            Tools = KnowledgeFile.StringArray(entry, "tools"),
            Matches = KnowledgeFile.StringArray(entry, "matches"),
            Ignores = KnowledgeFile.StringArray(entry, "ignores"),
            References = KnowledgeFile.StringArray(entry, "references"),
        };
    }

    private static int IntOr(JsonElement entry, string property, int fallback) =>
        entry.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? Math.Clamp(value.GetInt32(), 0, 200) : fallback;

    private static Regex? OptionalRegex(JsonElement entry, string property, string context) =>
        entry.TryGetProperty(property, out var value) && value.GetString() is { Length: > 0 } pattern ? Compile(pattern, context) : null;

    private static Regex Compile(string pattern, string context)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new KnowledgeException($"{context}: bad pattern /{pattern}/: {e.Message}");
        }
    }
}
