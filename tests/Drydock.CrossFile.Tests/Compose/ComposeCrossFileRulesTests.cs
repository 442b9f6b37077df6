using System.Text.Json;
using Drydock.Analysis;
using Drydock.CrossFile.Rules.Compose;
using Drydock.Findings;
using Drydock.Knowledge;
using Drydock.Testing;

namespace Drydock.CrossFile.Tests.Compose;

/// <summary>
/// The compose cross-file rules (DC040-DC049) as data: each folder under Compose/Cases is a small repository whose
/// compose files mark the DC04x findings they expect. Other cross-file rules (the DF ones on the same Dockerfiles)
/// are left out of the comparison: they have their own cases.
/// </summary>
public sealed class ComposeCrossFileRulesTests
{
    private static readonly string CasesRoot = RepoRoot.Combine("tests", "Drydock.CrossFile.Tests", "Compose", "Cases");

    private static readonly HashSet<string> ComposeRuleIds = [.. CrossFileAnalyzer.AllRules.Select(rule => rule.Descriptor.Id).Where(id => id.StartsWith("DC", StringComparison.Ordinal))];

    public static TheoryData<string> Cases() => new(CaseRunner.CaseNames(CasesRoot));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_produces_exactly_the_marked_findings(string name)
    {
        string root = Path.Combine(CasesRoot, name);
        Assert.NotEmpty(CaseRunner.Expectations(root, IsComposeYaml));
        string? difference = CaseRunner.Check(root, new CrossFileAnalyzer(), IsComposeYaml, finding => ComposeRuleIds.Contains(finding.RuleId));
        Assert.True(difference is null, difference);
    }

    [Fact]
    public void Field_case_B_reports_the_curl_healthcheck_and_the_missing_module()
    {
        string root = RepoRoot.Combine("examples", "case-b-executor-stack");
        const string compose = "deployment/docker-compose.yml";
        var lines = File.ReadAllLines(Path.Combine(root, compose));
        int curlLine = Array.FindIndex(lines, line => line.Contains("\"curl\"", StringComparison.Ordinal)) + 1;
        int commandLine = Array.FindIndex(lines, line => line.Contains("websocket_server", StringComparison.Ordinal)) + 1;
        var findings = Check(root);

        var curl = Assert.Single(findings, finding => finding.RuleId == "DC040");
        Assert.Equal((compose, curlLine), (curl.Location.Path, curl.Location.Line));
        Assert.Contains("python:3.11-slim", curl.Message, StringComparison.Ordinal);
        Assert.Contains("urllib.request.urlopen('http://localhost:8003/health'", curl.Fix!.Edits[0].NewText, StringComparison.Ordinal);
        Assert.False(curl.Fix.IsSafe);

        var missing = Assert.Single(findings, finding => finding.RuleId == "DC047");
        Assert.Equal((compose, commandLine), (missing.Location.Path, missing.Location.Line));
        Assert.Contains("cc_executor.core.websocket_server", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_service_stays_quiet()
    {
        Assert.Empty(Check(RepoRoot.Combine("examples", "clean-service")));
    }

    [Fact]
    public void Python_probe_fix_replaces_only_the_test_and_silences_the_rule()
    {
        using var tree = new TempTree();
        const string compose = "services:\n  api:\n    build: .\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8000/health\"]\n      start_period: 10s\n";
        tree.Write("Dockerfile", "FROM python:3.12-slim\nWORKDIR /srv\nCMD [\"python\", \"-m\", \"http.server\", \"8000\"]\n")
            .Write("compose.yaml", compose);
        var finding = Assert.Single(Check(tree.Root), item => item.RuleId == "DC040");
        string after = FixEdits.Apply(compose, finding.Fix!);
        Assert.Equal(compose[..compose.IndexOf('[', StringComparison.Ordinal)], after[..compose.IndexOf('[', StringComparison.Ordinal)]);
        Assert.EndsWith("\n      start_period: 10s\n", after, StringComparison.Ordinal);
        Assert.Contains("test: [\"CMD\", \"python\", \"-c\", \"import urllib.request; urllib.request.urlopen('http://localhost:8000/health', timeout=5)\"]", after, StringComparison.Ordinal);

        tree.Write("compose.yaml", after);
        Assert.DoesNotContain(Check(tree.Root), item => item.RuleId == "DC040");
    }

    [Fact]
    public void Undeclared_build_arg_fix_deletes_its_line_only()
    {
        using var tree = new TempTree();
        const string compose = "services:\n  api:\n    build:\n      context: .\n      args:\n        APP_ENV: prod\n        APP_MODE: fast\n        BASE: \"3.12\"\n";
        tree.Write("Dockerfile", "ARG BASE=3.12\nFROM python:${BASE}-slim\nARG APP_ENV\nCMD [\"python\", \"-V\"]\n")
            .Write("compose.yaml", compose);
        var finding = Assert.Single(Check(tree.Root));
        Assert.Equal(("DC044", 7), (finding.RuleId, finding.Location.Line));
        Assert.True(finding.Fix!.IsSafe);
        string after = FixEdits.Apply(compose, finding.Fix);
        Assert.Equal(compose.Replace("        APP_MODE: fast\n", "", StringComparison.Ordinal), after);

        tree.Write("compose.yaml", after);
        Assert.Empty(Check(tree.Root));
    }

    [Fact]
    public void A_single_undeclared_arg_gets_no_fix_because_args_would_be_left_empty()
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM python:3.12-slim\nCMD [\"python\", \"-V\"]\n")
            .Write("compose.yaml", "services:\n  api:\n    build:\n      context: .\n      args:\n        APP_MODE: fast\n");
        var finding = Assert.Single(Check(tree.Root));
        Assert.Equal("DC044", finding.RuleId);
        Assert.Null(finding.Fix);
        Assert.Contains("declares no ARG", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_typo_offers_the_closest_stage_as_an_unsafe_fix()
    {
        using var tree = new TempTree();
        const string compose = "services:\n  api:\n    build:\n      context: .\n      target: prodction\n";
        tree.Write("Dockerfile", "FROM python:3.12-slim AS base\nFROM base AS production\nCMD [\"python\", \"-V\"]\n")
            .Write("compose.yaml", compose);
        var finding = Assert.Single(Check(tree.Root));
        Assert.Equal(("DC043", 5), (finding.RuleId, finding.Location.Line));
        Assert.False(finding.Fix!.IsSafe);
        Assert.Equal(compose.Replace("prodction", "production", StringComparison.Ordinal), FixEdits.Apply(compose, finding.Fix));
    }

    [Theory]
    [InlineData("compose.yaml", "services:\n  api:\n    build: .\n    healthcheck:\n      test: [\"CMD\", \"curl\"\n")]
    [InlineData("compose.yaml", "\0\0\0\u0001binary")]
    [InlineData("compose.yaml", "")]
    [InlineData("compose.yaml", "- just\n- a list\n")]
    [InlineData("compose.yaml", "services:\n  api:\n    build:\n      context: .\n      target: 12\n    command: [1, {a: b}]\n    ports: [\"x:y\", 99999]\n    platform: [linux]\n    healthcheck:\n      test: [\"CMD\"]\n")]
    [InlineData("Dockerfile", "")]
    [InlineData("Dockerfile", "FROM\nCMD [\"python\", \"-m\"")]
    [InlineData("Dockerfile", "\0\0binary\0")]
    public void Broken_inputs_give_findings_or_silence_never_a_crash(string file, string content)
    {
        using var tree = new TempTree();
        tree.Write("app/__init__.py", "")
            .Write("app/main.py", "print(1)\n")
            .Write("Dockerfile", "FROM python:3.12-slim\nWORKDIR /srv\nCOPY app/ ./app/\nCMD [\"python\", \"-m\", \"app.main\"]\n")
            .Write("compose.yaml", "services:\n  api:\n    build:\n      context: .\n      args: {X: 1}\n    command: python -m app.missing\n    ports: [\"8000:8000\"]\n    healthcheck:\n      test: curl -f http://localhost:8000/\n")
            .Write(file, content);
        var result = new CheckEngine([new CrossFileAnalyzer()]).Run(Project.Open(tree.Root));
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Knowledge_file_has_its_shape()
    {
        using var document = KnowledgeFile.Open(typeof(ComposeImageKnowledge).Assembly, "compose-images.json");
        Assert.True(DateOnly.TryParse(document.RootElement.GetProperty("updated").GetString(), out _));
        Assert.Equal(JsonValueKind.String, document.RootElement.GetProperty("description").ValueKind);
        var knowledge = ComposeImageKnowledge.Default;
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "curl", "wget", "nc", "redis-cli", "pg_isready" }, new HashSet<string>(knowledge.ProbeCommands, StringComparer.Ordinal));
        Assert.All(knowledge.ServiceImages, image => Assert.Subset(new HashSet<string>(knowledge.ProbeCommands, StringComparer.Ordinal), new HashSet<string>(image.Commands, StringComparer.Ordinal)));
        Assert.Equal("redis-alpine", knowledge.ServiceImage("docker.io/library/redis", "7-alpine")!.Name);
        Assert.Equal("redis", knowledge.ServiceImage("redis", "7.2-bookworm")!.Name);
        Assert.Null(knowledge.ServiceImage("example/redis", "7"));
        Assert.Contains("HTTP_PROXY", knowledge.PredefinedBuildArgs);
        Assert.True(knowledge.IsShell("/bin/sh"));
        Assert.All(knowledge.ServerPorts.Values, port => Assert.InRange(port, 1, 65535));
    }

    [Fact]
    public void Every_compose_rule_is_listed_and_documented()
    {
        var listed = CrossFileAnalyzer.AllRules.Select(rule => rule.GetType()).ToHashSet();
        var classes = typeof(ServiceImage).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(ServiceImage).Namespace && typeof(ICrossFileRule).IsAssignableFrom(type)).ToList();
        Assert.Equal(10, classes.Count);
        Assert.All(classes, type => Assert.Contains(type, listed));
        foreach (var descriptor in CrossFileAnalyzer.AllRules.Select(rule => rule.Descriptor).Where(descriptor => ComposeRuleIds.Contains(descriptor.Id)))
        {
            string text = File.ReadAllText(RepoRoot.Combine("docs", "rules", descriptor.Id + ".md"));
            Assert.StartsWith($"# {descriptor.Id} {descriptor.Name}\n", text, StringComparison.Ordinal);
            Assert.Matches($@"\| {descriptor.DefaultSeverity.ToName()} \| Compose \| {(descriptor.Fixable ? "(safe|unsafe)" : "no")} \|", text);
            foreach (string section in (string[])["## Why it matters", "## Fires on", "## Quiet on", "## Fix", "## Configuration"])
            {
                Assert.Contains(section, text, StringComparison.Ordinal);
            }
        }
    }

    private static bool IsComposeYaml(string relative) => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression("*.y*ml", Path.GetFileName(relative));

    private static List<Finding> Check(string root)
    {
        var result = new CheckEngine([new CrossFileAnalyzer()]).Run(Project.Open(root));
        Assert.Empty(result.Notes);
        return [.. result.Findings.Where(finding => ComposeRuleIds.Contains(finding.RuleId))];
    }
}
