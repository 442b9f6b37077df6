using System.Reflection;
using System.Text.Json;
using Drydock.Analysis;
using Drydock.Discovery;
using Drydock.Docker.Knowledge;
using Drydock.Docker.Model;
using Drydock.Docker.Rules;
using Drydock.Findings;
using Drydock.Knowledge;
using Drydock.Testing;

namespace Drydock.Docker.Tests.FieldCases;

/// <summary>
/// The field-case rules DF040-DF079, as data: each folder under Cases/FieldCases is a small repository whose
/// Dockerfiles mark the findings they expect (# expect-next: DF042). Only DF040-DF079 are compared, so these
/// fixtures prove the field-case rules fire and stay quiet without depending on the other DF rules.
/// </summary>
public sealed class FieldCaseRulesTests
{
    private static readonly string CasesRoot = Path.Combine(AppContext.BaseDirectory, "Cases", "FieldCases");

    public static TheoryData<string> Cases() => new(CaseRunner.CaseNames(CasesRoot));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_produces_exactly_the_marked_findings(string name)
    {
        string root = Path.Combine(CasesRoot, name);
        Assert.NotEmpty(Project.Open(root).Files.OfKind(FileKind.Dockerfile));
        string? difference = CaseRunner.Check(root, FieldCaseAnalyzer(), relative => FileClassifier.Classify(relative) == FileKind.Dockerfile, finding => IsFieldCaseRule(finding.RuleId));
        Assert.True(difference is null, difference);
    }

    [Fact]
    public void Every_case_fires_something_or_proves_quiet()
    {
        // The corrected twins must be quiet; the broken ones must not be.
        Assert.Empty(Check(Path.Combine(CasesRoot, "crawler-fixed")).Findings);
        Assert.Empty(Check(Path.Combine(CasesRoot, "executor-fixed")).Findings);
        Assert.NotEmpty(Check(Path.Combine(CasesRoot, "crawler-multiarch")).Findings);
    }

    [Fact]
    public void Apt_key_fix_writes_a_keyring_and_signed_by_and_keeps_every_other_byte()
    {
        string dockerfile = """
            FROM python:3.11-slim-bookworm
            RUN apt-get update && apt-get install -y --no-install-recommends curl gnupg
            RUN curl -fsSL https://dl-ssl.google.com/linux/linux_signing_key.pub | apt-key add - \
                && echo "deb [arch=amd64] http://dl.google.com/linux/chrome/deb/ stable main" > /etc/apt/sources.list.d/google-chrome.list
            RUN wget -qO- https://packages.microsoft.com/keys/microsoft.asc | apt-key add - && echo "deb https://packages.microsoft.com/repos/code stable main" | tee /etc/apt/sources.list.d/vscode.list
            RUN apt-key adv --keyserver keyserver.ubuntu.com --recv-keys 0xABCDEF
            """;
        string expected = """
            FROM python:3.11-slim-bookworm
            RUN apt-get update && apt-get install -y --no-install-recommends curl gnupg
            RUN install -d -m 0755 /etc/apt/keyrings && curl -fsSL https://dl-ssl.google.com/linux/linux_signing_key.pub | tee /etc/apt/keyrings/google-chrome.asc > /dev/null \
                && echo "deb [arch=amd64 signed-by=/etc/apt/keyrings/google-chrome.asc] http://dl.google.com/linux/chrome/deb/ stable main" > /etc/apt/sources.list.d/google-chrome.list
            RUN install -d -m 0755 /etc/apt/keyrings && wget -qO- https://packages.microsoft.com/keys/microsoft.asc | tee /etc/apt/keyrings/vscode.asc > /dev/null && echo "deb [signed-by=/etc/apt/keyrings/vscode.asc] https://packages.microsoft.com/repos/code stable main" | tee /etc/apt/sources.list.d/vscode.list
            RUN apt-key adv --keyserver keyserver.ubuntu.com --recv-keys 0xABCDEF
            """;
        AssertFix(dockerfile, "DF040", expected, expectedFixes: 2, expectedFindings: 3);
    }

    [Fact]
    public void No_deps_fix_only_adds_the_flag()
    {
        string dockerfile = "FROM python:3.12-slim\r\nCOPY requirements.txt .\r\nRUN pip install -r requirements.txt\r\nCOPY . .\r\nRUN pip install --no-cache-dir -e .\r\n";
        string expected = "FROM python:3.12-slim\r\nCOPY requirements.txt .\r\nRUN pip install -r requirements.txt\r\nCOPY . .\r\nRUN pip install --no-deps --no-cache-dir -e .\r\n";
        AssertFix(dockerfile, "DF049", expected, expectedFixes: 1, expectedFindings: 1);
    }

    [Fact]
    public void Python_env_fix_inserts_the_missing_variables_after_the_final_from()
    {
        string dockerfile = "FROM python:3.12-slim AS build\nRUN echo build\n\nFROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nCMD [\"python\", \"-m\", \"app\"]\n";
        string expected = "FROM python:3.12-slim AS build\nRUN echo build\n\nFROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1\nENV PYTHONUNBUFFERED=1\nCMD [\"python\", \"-m\", \"app\"]\n";
        AssertFix(dockerfile, "DF053", expected, expectedFixes: 1, expectedFindings: 1);
    }

    [Fact]
    public void Missing_dockerignore_fires_only_when_the_context_holds_heavy_folders()
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM python:3.12-slim\nCOPY . /app\nCMD [\"python\", \"/app/main.py\"]\n")
            .Write("main.py", "print(1)\n")
            .Write(".git/HEAD", "ref: refs/heads/main\n")
            .Write(".venv/pyvenv.cfg", "home = /usr\n");
        var findings = Check(tree.Root).Findings.Where(finding => finding.RuleId == "DF052").ToList();
        var finding = Assert.Single(findings);
        Assert.Equal(2, finding.Location.Line);
        Assert.Contains(".git, .venv", finding.Message, StringComparison.Ordinal);

        tree.Write(".dockerignore", ".git\n.venv\n");
        Assert.DoesNotContain(Check(tree.Root).Findings, item => item.RuleId == "DF052");
    }

    [Fact]
    public void A_dockerfile_built_from_its_parent_folder_is_checked_against_that_context()
    {
        using var tree = new TempTree();
        tree.Write("deployment/Dockerfile", "FROM python:3.12-slim\nCOPY requirements.txt /app/\nCOPY src/ /app/src/\nCOPY missing.cfg /app/\n")
            .Write("requirements.txt", "flask\n")
            .Write("src/app.py", "print(1)\n");
        var findings = Check(tree.Root).Findings.Where(finding => finding.RuleId == "DF050").ToList();
        var finding = Assert.Single(findings);
        Assert.Equal(4, finding.Location.Line);
        Assert.Contains("repository root", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("FROM")]
    [InlineData("FROM python:3.12-slim\nRUN apt-key\nUSER\nHEALTHCHECK CMD\nVOLUME\nWORKDIR\nCOPY\nCMD [\"python\"")]
    [InlineData("FROM python:3.12-slim\nRUN if [ \"$TARGETARCH\" = amd64 ]; then apt-get install -y microsoft-edge-stable\nCOPY . .\nRUN pip install -e")]
    public void Broken_dockerfiles_never_crash_the_field_case_rules(string text)
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", text);
        var (_, findings) = Check(tree.Root);
        Assert.All(findings, finding => Assert.True(IsFieldCaseRule(finding.RuleId) || finding.RuleId == "DF000"));
    }

    [Fact]
    public void Every_field_case_rule_is_listed_documented_and_in_range()
    {
        var listed = DockerfileRules.All.Select(rule => rule.GetType()).ToHashSet();
        var ours = typeof(DockerfileRule).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(DockerfileRule)) && !type.IsAbstract)
            .Select(type => (Type: type, Descriptor: (RuleDescriptor?)type.GetField("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)))
            .Where(item => item.Descriptor is not null && IsFieldCaseRule(item.Descriptor.Id))
            .ToList();
        Assert.NotEmpty(ours);
        foreach (var (type, descriptor) in ours)
        {
            Assert.Contains(type, listed);
            string page = RepoRoot.Combine("docs", "rules", descriptor!.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} has no docs page");
            string text = File.ReadAllText(page);
            Assert.StartsWith($"# {descriptor.Id} {descriptor.Name}\n", text, StringComparison.Ordinal);
            Assert.Contains($"| {descriptor.DefaultSeverity.ToName()} | Dockerfile | {(descriptor.Fixable ? "safe" : "no")} |", text, StringComparison.Ordinal);
            foreach (string section in (string[])["## Why it matters", "## Fires on", "## Quiet on", "## Fix", "## Configuration"])
            {
                Assert.Contains(section, text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("FROM --platform=linux/arm/v7 debian:bookworm-slim AS base\nFROM base\n", 0, "linux/arm/v7", "arm")]
    [InlineData("FROM --platform=linux/amd64 debian:bookworm-slim AS base\nFROM --platform=linux/arm64 base\n", 1, "linux/arm64", "arm64")]
    [InlineData("FROM --platform=$BUILDPLATFORM debian:bookworm-slim\n", -1, null, null)]
    [InlineData("FROM --platform=linux/amd64,linux/arm64 debian:bookworm-slim\n", -1, null, null)]
    [InlineData("FROM --platform=linux/ debian:bookworm-slim\n", -1, null, null)]
    [InlineData("FROM debian:bookworm-slim\n", -1, null, null)]
    public void Pinned_platform_is_the_nearest_concrete_from_platform(string text, int stage, string? platform, string? architecture)
    {
        var document = DockerfileDocument.Parse("Dockerfile", text);
        var pinned = FieldCaseFacts.PinnedPlatform(document.FinalStage!);
        Assert.Equal(platform, pinned?.Platform);
        Assert.Equal(architecture, pinned?.Architecture);
        Assert.Equal(stage < 0 ? null : document.Stages[stage], pinned?.Stage);
        Assert.Equal(architecture is null ? ["amd64", "arm64"] : [architecture], FieldCaseFacts.TargetArchitectures(document.FinalStage!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("arch-only-packages.json", "packages")]
    [InlineData("source-build-packages.json", "packages")]
    [InlineData("base-images.json", "families")]
    [InlineData("tool-packages.json", "commands")]
    [InlineData("service-commands.json", "servers")]
    [InlineData("dependency-manifests.json", "files")]
    public void Knowledge_files_have_their_shape(string file, string payload)
    {
        using var document = KnowledgeFile.Open(typeof(FieldKnowledge).Assembly, file);
        Assert.True(DateOnly.TryParse(document.RootElement.GetProperty("updated").GetString(), out _));
        Assert.True(document.RootElement.GetProperty(payload).GetArrayLength() > 0);
        Assert.Equal(JsonValueKind.String, document.RootElement.GetProperty("description").ValueKind);
    }

    [Fact]
    public void Knowledge_loads_and_answers()
    {
        var knowledge = FieldKnowledge.Default;
        Assert.False(knowledge.ArchOnly("microsoft-edge-stable")!.ExistsFor("arm64", null));
        Assert.True(knowledge.ArchOnly("google-chrome-stable")!.ExistsFor("arm64", null));
        Assert.False(knowledge.ArchOnly("google-chrome-stable")!.ExistsFor("arm64", "120.0.6099.109-1"));
        Assert.True(knowledge.SourceBuild("PsycoPG2")!.BuildsFromSourceOn("glibc"));
        Assert.False(knowledge.SourceBuild("torch")!.BuildsFromSourceOn("glibc"));
        Assert.Equal("python-slim", knowledge.FamilyOf("docker.io/library/python", "3.12-slim-bookworm")!.Name);
        Assert.Equal("python-full", knowledge.FamilyOf("python", "3.12")!.Name);
        Assert.Equal("3.11", knowledge.FamilyOf("python", "3.11.9-alpine3.20")!.PythonVersion("3.11.9-alpine3.20"));
        Assert.Null(knowledge.FamilyOf("python", "3-slim")!.PythonVersion("3-slim"));
        Assert.Null(knowledge.FamilyOf("example.com/python", "3.12"));
        Assert.Contains("nc", knowledge.CommandsOf("netcat-openbsd"));
        Assert.True(knowledge.IsManifest("requirements-dev.txt"));
        Assert.False(knowledge.IsManifest("src"));
        Assert.True(knowledge.IsServer(["uvicorn", "app:app"], out bool python) && python);
        Assert.False(knowledge.IsServer(["flask", "db", "upgrade"], out _));
        Assert.All(knowledge.SourceBuildPackages, package => Assert.False(string.IsNullOrWhiteSpace(package.Source)));
        Assert.All(knowledge.ArchOnlyPackages, package => Assert.NotEmpty(package.Architectures));
    }

    private static bool IsFieldCaseRule(string id) => id.StartsWith("DF", StringComparison.Ordinal) && int.TryParse(id[2..], out int number) && number is >= 40 and <= 79;

    private static DockerfileAnalyzer FieldCaseAnalyzer() => new([.. DockerfileRules.All.Where(rule => IsFieldCaseRule(rule.Rule.Id))]);

    private static (Project Project, IReadOnlyList<Finding> Findings) Check(string root)
    {
        var project = Project.Open(root);
        var sink = new FindingSink();
        FieldCaseAnalyzer().Analyze(project, sink);
        return (project, [.. sink.Findings.Where(finding => IsFieldCaseRule(finding.RuleId))]);
    }

    private static void AssertFix(string dockerfile, string ruleId, string expected, int expectedFixes, int expectedFindings)
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", dockerfile);
        var findings = Check(tree.Root).Findings.Where(finding => finding.RuleId == ruleId).ToList();
        Assert.Equal(expectedFindings, findings.Count);
        var fixes = findings.Select(finding => finding.Fix).OfType<Fix>().ToList();
        Assert.Equal(expectedFixes, fixes.Count);
        Assert.All(fixes, fix => Assert.True(fix.IsSafe));
        var document = DockerfileDocument.Parse("Dockerfile", dockerfile);
        string fixedText = document.ApplyEdits(fixes.SelectMany(fix => fix.Edits));
        Assert.Equal(expected, fixedText);

        tree.Write("Dockerfile", fixedText);
        var after = Check(tree.Root).Findings.Where(finding => finding.RuleId == ruleId).ToList();
        Assert.Equal(expectedFindings - expectedFixes, after.Count);
    }
}
