using System.Text.Json;
using Drydock.Analysis;
using Drydock.CrossFile;
using Drydock.CrossFile.Knowledge;
using Drydock.Discovery;
using Drydock.Findings;
using Drydock.Knowledge;
using Drydock.Testing;

namespace Drydock.CrossFile.Tests;

/// <summary>
/// Cross-file rules as data: each folder under Cases is a small repository (Dockerfiles, pyproject, sources)
/// whose Dockerfiles mark the findings they expect. Only the cross-file rules run, so each case shows them
/// firing and staying quiet.
/// </summary>
public sealed class CrossFileRulesTests
{
    private static readonly string CasesRoot = Path.Combine(AppContext.BaseDirectory, "Cases");

    public static TheoryData<string> Cases() => new(CaseRunner.CaseNames(CasesRoot));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_produces_exactly_the_marked_findings(string name)
    {
        string? difference = CaseRunner.Check(Path.Combine(CasesRoot, name), new CrossFileAnalyzer(), relative => FileClassifier.Classify(relative) == FileKind.Dockerfile);
        Assert.True(difference is null, difference);
    }

    [Fact]
    public void Field_case_B_reports_what_the_cmd_really_does()
    {
        var (_, findings) = Check(Path.Combine(CasesRoot, "executor-stack"));
        var demo = Assert.Single(findings, finding => finding.RuleId == "DF056");
        Assert.Contains("--server", demo.Message, StringComparison.Ordinal);
        Assert.Contains("demo", demo.Message, StringComparison.Ordinal);
        Assert.Equal("src/cc_executor/core/main.py", Assert.Single(demo.Related).Location.Path);

        var rejected = Assert.Single(findings, finding => finding.RuleId == "DF057");
        Assert.Equal("Dockerfile.server", rejected.Location.Path);
        Assert.Contains("--host, --port, -v, --verbose", rejected.Message, StringComparison.Ordinal);

        var missing = findings.Where(finding => finding.RuleId == "DF055").Select(finding => finding.Message).ToList();
        Assert.Contains(missing, message => message.Contains("cc_executor.core.websocket_server", StringComparison.Ordinal));
        Assert.Contains(missing, message => message.Contains("serve_api", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cmd_that_serves_by_default_is_quiet_and_the_flag_makes_it_loud()
    {
        using var tree = new TempTree();
        tree.Write("app/__init__.py", "")
            .Write("app/main.py", "import sys\n\nif __name__ == \"__main__\":\n    if \"--once\" in sys.argv:\n        print('once')\n    else:\n        serve()\n")
            .Write("Dockerfile", "FROM python:3.12-slim\nWORKDIR /srv\nCOPY app/ ./app/\nCMD [\"python\", \"-m\", \"app.main\"]\n");
        Assert.DoesNotContain(Check(tree.Root).Findings, finding => finding.RuleId == "DF056");

        tree.Write("app/main.py", "import sys\n\nif __name__ == \"__main__\":\n    if \"--serve\" in sys.argv:\n        serve()\n");
        var finding = Assert.Single(Check(tree.Root).Findings, item => item.RuleId == "DF056");
        Assert.Contains("does nothing and exits", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pyproject.toml", "[project\nname = ")]
    [InlineData("app/main.py", "def broken(:\n    if __name__ == \"__main__\":\n")]
    [InlineData("requirements.txt", "\0\0\0binary")]
    [InlineData("Dockerfile", "FROM\nCMD [\"python\", \"-m\"")]
    public void Broken_inputs_give_findings_or_silence_never_a_crash(string file, string content)
    {
        using var tree = new TempTree();
        tree.Write("app/__init__.py", "")
            .Write("app/main.py", "print(1)\n")
            .Write("requirements.txt", "numpy\n")
            .Write("pyproject.toml", "[project]\nname = \"x\"\nrequires-python = \">=3.11\"\n")
            .Write("Dockerfile", "FROM python:3.10-slim\nWORKDIR /srv\nCOPY . .\nRUN pip install -r requirements.txt\nCMD [\"python\", \"-m\", \"app.main\"]\n")
            .Write(file, content);
        var engine = new CheckEngine([new CrossFileAnalyzer()]);
        var result = engine.Run(Project.Open(tree.Root));
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Every_rule_class_is_listed()
    {
        var listed = CrossFileAnalyzer.AllRules.Select(rule => rule.GetType()).ToHashSet();
        var classes = typeof(CrossFileAnalyzer).Assembly.GetTypes().Where(type => typeof(ICrossFileRule).IsAssignableFrom(type) && !type.IsInterface && !type.IsAbstract).ToList();
        Assert.NotEmpty(classes);
        Assert.All(classes, type => Assert.Contains(type, listed));
        Assert.Equal(CrossFileAnalyzer.AllRules.Count, new CrossFileAnalyzer().Rules.Select(rule => rule.Id).Distinct().Count());
    }

    [Fact]
    public void Service_call_words_tell_serving_branches_from_one_shots()
    {
        var calls = ServiceCalls.Default;
        Assert.True(calls.Serves(["main"]));
        Assert.True(calls.Serves(["start_server"]));
        Assert.False(calls.Serves(["asyncio.run", "demo"]));
        Assert.False(calls.Serves(["print"]));
        Assert.False(calls.Serves([]));
        using var document = KnowledgeFile.Open(typeof(ServiceCalls).Assembly, "service-calls.json");
        Assert.True(DateOnly.TryParse(document.RootElement.GetProperty("updated").GetString(), out _));
    }

    [Fact]
    public void Heavy_packages_file_has_its_shape()
    {
        using var document = KnowledgeFile.Open(typeof(HeavyPackages).Assembly, "heavy-packages.json");
        Assert.True(DateOnly.TryParse(document.RootElement.GetProperty("updated").GetString(), out _));
        Assert.Equal(JsonValueKind.String, document.RootElement.GetProperty("description").ValueKind);
        var all = HeavyPackages.Default.All.ToList();
        Assert.Contains(all, package => package.Name == "scikit-learn" && package.Imports.Contains("sklearn"));
        Assert.All(all, package => Assert.All(package.RequiredBy, dependent => Assert.NotNull(HeavyPackages.Default.Find(dependent))));
        Assert.Equal("opencv-python", HeavyPackages.Default.Find("OpenCV_Python")!.Name);
    }

    private static (Project Project, IReadOnlyList<Finding> Findings) Check(string root)
    {
        var project = Project.Open(root);
        var sink = new FindingSink();
        new CrossFileAnalyzer().Analyze(project, sink);
        return (project, [.. sink.Findings]);
    }
}
