using System.Text.RegularExpressions;
using Drydock.Knowledge;
using Drydock.Logs.Signatures;
using Drydock.Testing;

namespace Drydock.Logs.Tests;

/// <summary>The shape of log-signatures.json, and each signature's own example lines (tests as data).</summary>
public sealed partial class SignatureDataTests
{
    private static readonly SignatureCatalog Catalog = SignatureCatalog.Default;
    private static readonly GateProbe Gate = new(Catalog);

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var signature in Catalog.Signatures)
        {
            data.Add(signature.Id);
        }

        return data;
    }

    [Fact]
    public void HoldsAtLeastEightySignaturesWithUniqueIdsAndNames()
    {
        Assert.True(Catalog.Signatures.Count >= 80, $"{Catalog.Signatures.Count} signatures");
        Assert.Equal(Catalog.Signatures.Count, Catalog.Signatures.Select(signature => signature.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Catalog.Signatures, signature =>
        {
            Assert.Matches(IdPattern(), signature.Id);
            Assert.Matches(NamePattern(), signature.Name);
            Assert.Contains(signature.Category, SignatureCategories.All);
            Assert.InRange(signature.Confidence, 0.05, 1.0);
            Assert.False(string.IsNullOrWhiteSpace(signature.Cause));
            Assert.False(string.IsNullOrWhiteSpace(signature.Fix));
        });
    }

    [Fact]
    public void EveryCategoryIsCovered() =>
        Assert.All(SignatureCategories.All, category => Assert.Contains(Catalog.Signatures, signature => signature.Category == category));

    [Theory]
    [MemberData(nameof(Ids))]
    public void ExamplesMatchThroughAnAnchorAndIgnoresDoNot(string id)
    {
        var signature = Catalog.ById[id];
        Assert.NotEmpty(signature.Matches);
        foreach (string example in signature.Matches)
        {
            Assert.True(signature.HasAnchorIn(example), $"{id}: no anchor in example '{example}'");
            Assert.True(Gate.Candidates(example).Contains(signature), $"{id}: the line gate does not pass example '{example}' to it");
            Assert.True(signature.TryMatch(example) is not null, $"{id}: no pattern matches example '{example}'");
        }

        foreach (string example in signature.Ignores)
        {
            Assert.True(signature.TryMatch(example) is null, $"{id}: pattern matches ignored line '{example}'");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void MessagePlaceholdersNameGroupsOfThePatterns(string id)
    {
        var signature = Catalog.ById[id];
        var groups = signature.Patterns.SelectMany(pattern => pattern.GetGroupNames()).ToHashSet(StringComparer.Ordinal);
        foreach (Match placeholder in PlaceholderPattern().Matches(signature.Message))
        {
            string name = placeholder.Groups[1].Value;
            Assert.True(groups.Contains(name) || name is "count" or "files", $"{id}: message names {{{name}}}, which no pattern captures");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EverySignatureHasItsDocsPage(string id)
    {
        string page = RepoRoot.Combine("docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing: run scripts/gen-log-docs.py");
        string text = File.ReadAllText(page);
        Assert.StartsWith($"# {id} {Catalog.ById[id].Name}\n", text, StringComparison.Ordinal);
        foreach (string section in new[] { "## Why it matters", "## Fires on", "## Quiet on", "## Fix", "## Configuration" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheUnreadableAndGeneralRulesHavePagesToo()
    {
        Assert.True(File.Exists(RepoRoot.Combine("docs", "rules", "LG000.md")));
        Assert.True(File.Exists(RepoRoot.Combine("docs", "rules", "LG001.md")));
    }

    [Fact]
    public void AMalformedFileIsRejectedWithItsReason()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"version":1,"updated":"x","signatures":[{"id":"LG500","name":"x","title":"t","category":"nonsense","cause":"c","fix":"f","anchors":["abcd"],"patterns":["abcd"]}]}""");
        var error = Assert.Throws<KnowledgeException>(() => SignatureCatalog.Load(document));
        Assert.Contains("category", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" SC")]
    [InlineData("137")]
    [InlineData("x")]
    public void AnAnchorTooShortForTheLineGateIsRejected(string anchor)
    {
        using var document = System.Text.Json.JsonDocument.Parse($$"""{"version":1,"updated":"x","signatures":[{"id":"LG500","name":"x","title":"t","category":"test","cause":"c","fix":"f","anchors":["{{anchor}}"],"patterns":["x"]}]}""");
        var error = Assert.Throws<KnowledgeException>(() => SignatureCatalog.Load(document));
        Assert.Contains("too short", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadRegexIsRejected()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"version":1,"updated":"x","signatures":[{"id":"LG500","name":"x","title":"t","category":"test","cause":"c","fix":"f","anchors":["abcd"],"patterns":["(unclosed"]}]}""");
        Assert.Throws<KnowledgeException>(() => SignatureCatalog.Load(document));
    }

    [GeneratedRegex("^LG(0(1[0-9]|[2-9][0-9])|1[0-9][0-9])$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PlaceholderPattern();
}

public sealed class LogRulesTests
{
    [Fact]
    public void ListsTheUnreadableAndGeneralRulesThenEverySignature()
    {
        Assert.Equal("LG000", LogRules.All[0].Id);
        Assert.Equal("LG001", LogRules.All[1].Id);
        Assert.Equal(Signatures.SignatureCatalog.Default.Signatures.Count + 2, LogRules.All.Count);
        Assert.All(LogRules.All, rule => Assert.Equal(Findings.RuleKind.Log, rule.Kind));
    }
}
