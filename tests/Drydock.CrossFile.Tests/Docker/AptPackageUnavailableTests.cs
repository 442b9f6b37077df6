using Drydock.Analysis;
using Drydock.CrossFile.Rules.Docker;
using Drydock.Findings;
using Drydock.Testing;

namespace Drydock.CrossFile.Tests.Docker;

/// <summary>
/// DF080 on the Dockerfiles under Docker/Dockerfiles, each alone in a repository (so the default amd64 + arm64 pair
/// applies unless FROM --platform pins one): each marks the findings it expects (# expect: DF080), and every unmarked
/// finding fails, so each file also proves where the rule stays quiet. Platforms named by workflows and compose files
/// are covered by the cases of <see cref="PlatformRulesTests"/>.
/// </summary>
public sealed class AptPackageUnavailableTests
{
    private static readonly string FixturesRoot = RepoRoot.Combine("tests", "Drydock.CrossFile.Tests", "Docker", "Dockerfiles");

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(FixturesRoot, "*.Dockerfile").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_findings_match_expectations(string name)
    {
        string text = File.ReadAllText(Path.Combine(FixturesRoot, name));
        var findings = Check(name, text);
        string? difference = InlineExpectations.Compare(InlineExpectations.Parse(name, text), findings);
        Assert.True(difference is null, $"{name}:\n{difference}\n\nall findings:\n{string.Join('\n', findings.Select(finding => $"{finding.Location} {finding.RuleId} {finding.Message}"))}");
    }

    [Fact]
    public void Field_case_a_names_the_release_the_replacement_and_the_repository()
    {
        string name = "field-case-a.Dockerfile";
        var findings = Check(name, File.ReadAllText(Path.Combine(FixturesRoot, name)));
        var libav = findings.Single(finding => finding.Message.Contains("libavcodec58", StringComparison.Ordinal));
        Assert.StartsWith("Debian bookworm has no package libavcodec58 (it is bullseye's name)", libav.Message, StringComparison.Ordinal);
        Assert.Contains("python:3.11-slim-bookworm names Debian bookworm", libav.Message, StringComparison.Ordinal);
        Assert.StartsWith("install libavcodec59 instead", libav.FixAdvice, StringComparison.Ordinal);
        Assert.Equal(Severity.Error, libav.Severity);
        var chrome = findings.Single(finding => finding.Message.Contains("google-chrome-stable", StringComparison.Ordinal));
        Assert.Contains("dl.google.com/linux/chrome", chrome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_replaces_the_package_word_and_keeps_every_other_byte()
    {
        string before = "FROM debian:bookworm-slim\r\nRUN apt-get update && apt-get install -y libavcodec58 curl\r\n";
        var finding = Assert.Single(Check("Dockerfile", before));
        Assert.NotNull(finding.Fix);
        Assert.False(finding.Fix.IsSafe);
        var edit = Assert.Single(finding.Fix.Edits);
        string after = before[..edit.Start] + edit.NewText + before[edit.End..];
        Assert.Equal("FROM debian:bookworm-slim\r\nRUN apt-get update && apt-get install -y libavcodec59 curl\r\n", after);
        Assert.Empty(Check("Dockerfile", after));
    }

    [Theory]
    [InlineData("")]
    [InlineData("FROM")]
    [InlineData("FROM debian:bookworm\nRUN apt-get install -y \\\n")]
    [InlineData("FROM debian:bookworm\nRUN apt-get install -y 'unterminated\n")]
    [InlineData("FROM debian:bookworm\nRUN apt-get install -y ${}\n")]
    public void Broken_dockerfiles_do_not_crash_the_rule(string text)
    {
        var findings = Check("Dockerfile", text);
        Assert.All(findings, finding => Assert.Equal("DF080", finding.RuleId));
    }

    private static IReadOnlyList<Finding> Check(string name, string text)
    {
        using var tree = new TempTree();
        tree.Write(name, text);
        var project = Project.Open(tree.Root);
        var result = new CheckEngine([new RulesAnalyzer(new AptPackageUnavailableRule())]).Run(project);
        Assert.Empty(result.Notes);
        return [.. result.Findings.Where(finding => finding.RuleId != "DF000")];
    }
}
