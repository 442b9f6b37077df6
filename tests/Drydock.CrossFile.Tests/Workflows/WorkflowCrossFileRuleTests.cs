using System.Diagnostics;
using Drydock.Analysis;
using Drydock.CrossFile.Rules.Workflows;
using Drydock.Findings;
using Drydock.Testing;

namespace Drydock.CrossFile.Tests.Workflows;

/// <summary>
/// GA040-GA049: workflows read against the Dockerfiles and the Python project. Cases live in the source tree under
/// Workflows/Cases (small repositories marking the findings they expect with <c># expect: GA0xx</c>), and the examples
/// are checked by file and line.
/// </summary>
public sealed class WorkflowCrossFileRuleTests
{
    private static readonly string CasesRoot = RepoRoot.Combine("tests", "Drydock.CrossFile.Tests", "Workflows", "Cases");

    private static readonly HashSet<string> OwnIds = CrossFileAnalyzer.AllRules.OfType<IWorkflowCrossFileRule>().Select(rule => rule.Descriptor.Id).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> CaseNames => Directory.GetDirectories(CasesRoot).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static TheoryData<string> Cases() => [.. CaseNames];

    private static List<Finding> Run(string root)
    {
        var sink = new FindingSink();
        new CrossFileAnalyzer().Analyze(Project.Open(root), sink);
        return [.. sink.Findings.Where(finding => OwnIds.Contains(finding.RuleId)).OrderBy(finding => finding.Location.Path, StringComparer.Ordinal).ThenBy(finding => finding.Location.Line)];
    }

    private static List<string> Lines(IEnumerable<Finding> findings) => [.. findings.Select(finding => $"{finding.Location.Path}:{finding.Location.Line} {finding.RuleId}")];

    private static string Describe(IEnumerable<Finding> findings) => string.Join('\n', findings.Select(finding => $"{finding.Location} {finding.RuleId} {finding.Message}"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_produces_exactly_the_marked_findings(string name)
    {
        string root = Path.Combine(CasesRoot, name);
        var expected = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .SelectMany(file => InlineExpectations.Parse(Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file)))
            .Where(item => OwnIds.Contains(item.RuleId)).ToList();
        var findings = Run(root);
        string? difference = InlineExpectations.Compare(expected, findings);
        Assert.True(difference is null, $"case {name}:\n{difference}\n\nall findings:\n{Describe(findings)}");
    }

    [Fact]
    public void Every_rule_fires_in_some_case_or_test()
    {
        var fired = CaseNames.SelectMany(name => Run(Path.Combine(CasesRoot, name))).Select(finding => finding.RuleId).ToHashSet();
        fired.Add(CheckoutSubmoduleWithoutUrlRule.Descriptor.Id); // needs a real git index: see the submodule tests below
        Assert.Empty(OwnIds.Except(fired));
    }

    [Fact]
    public void Every_workflow_rule_class_is_listed_in_the_analyzer()
    {
        var listed = CrossFileAnalyzer.AllRules.Select(rule => rule.GetType()).ToHashSet();
        var classes = typeof(IWorkflowCrossFileRule).Assembly.GetTypes().Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IWorkflowCrossFileRule).IsAssignableFrom(type));
        Assert.All(classes, type => Assert.Contains(type, listed));
        Assert.All(OwnIds, id => Assert.InRange(int.Parse(id[2..], System.Globalization.CultureInfo.InvariantCulture), 40, 49));
    }

    [Theory]
    [InlineData("case-a-crawler-mcp", new[] { ".github/workflows/docker-publish.yml:31 GA044" })]
    [InlineData("case-c-accel-lib", new[]
    {
        ".github/workflows/multiarch.yml:17 GA046",
        ".github/workflows/test-amd64.yml:18 GA046",
        ".github/workflows/test-amd64.yml:25 GA045",
        ".github/workflows/test-arm64.yml:19 GA045",
    })]
    [InlineData("case-b-executor-stack", new string[0])]
    [InlineData("case-d-temporal-worker", new string[0])]
    [InlineData("clean-service", new string[0])]
    public void Example_reports_its_findings(string example, string[] expected)
    {
        string root = RepoRoot.Combine("examples", example);
        var findings = Run(root);
        Assert.True(expected.SequenceEqual(Lines(findings)), $"{example}:\n{Describe(findings)}");
        var listed = ExampleExpectations.Load(root).Where(item => OwnIds.Contains(item.RuleId)).Select(item => item.ToString()).Order(StringComparer.Ordinal).ToList();
        if (listed.Count > 0)
        {
            Assert.Equal(listed, Lines(findings).Order(StringComparer.Ordinal).ToList());
        }
    }

    [Fact]
    public void Case_c_messages_name_the_extra_and_the_git_failure()
    {
        var findings = Run(RepoRoot.Combine("examples", "case-c-accel-lib"));
        var extra = findings.First(finding => finding.RuleId == "GA045");
        Assert.Contains("'browser'", extra.Message, StringComparison.Ordinal);
        Assert.Contains("pip install -e \".[test,browser]\"", extra.Message, StringComparison.Ordinal);
        Assert.Contains("SystemExit", extra.Message, StringComparison.Ordinal);
        var submodule = findings.First(finding => finding.RuleId == "GA046");
        Assert.Contains("fatal: No url found for submodule path 'docs/mcp-python-sdk' in .gitmodules", submodule.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Case_a_pytest_message_says_what_was_searched()
    {
        var finding = Assert.Single(Run(RepoRoot.Combine("examples", "case-a-crawler-mcp")));
        Assert.Contains("searched tests/", finding.Message, StringComparison.Ordinal);
        Assert.Contains("checks_extract.py", finding.Message, StringComparison.Ordinal);
        Assert.Contains("exit with code 5", finding.Message, StringComparison.Ordinal);
    }

    private static void Git(string root, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
    }

    private const string CheckoutWorkflow = """
        on: push
        jobs:
          docs:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  submodules: recursive
              - uses: actions/checkout@v4
                with:
                  submodules: false
              - uses: actions/checkout@v4
                with:
                  repository: example/other
                  submodules: true
        """;

    [Theory]
    [InlineData(null, true)]
    [InlineData("[submodule \"sdk\"]\n\tpath = docs/mcp-python-sdk\n", true)]
    [InlineData("[submodule \"sdk\"]\n\tpath = docs/mcp-python-sdk\n\turl = https://github.com/modelcontextprotocol/python-sdk.git\n", false)]
    public void Checkout_with_submodules_fails_on_a_gitlink_without_url(string? gitmodules, bool fires)
    {
        using var tree = new TempTree();
        Git(tree.Root, "init", "-q");
        tree.Write(".github/workflows/docs.yml", CheckoutWorkflow);
        if (gitmodules is not null)
        {
            tree.Write(".gitmodules", gitmodules);
        }

        Git(tree.Root, "update-index", "--add", "--cacheinfo", "160000,0123456789abcdef0123456789abcdef01234567,docs/mcp-python-sdk");
        var findings = Run(tree.Root);
        Assert.Equal(fires ? [".github/workflows/docs.yml:8 GA046"] : [], Lines(findings));
    }

    [Fact]
    public void Checkout_rule_is_quiet_without_a_repository()
    {
        using var tree = new TempTree();
        tree.Write(".github/workflows/docs.yml", CheckoutWorkflow);
        Assert.Empty(Run(tree.Root));
    }

    [Theory]
    [InlineData("GA043", ".github/workflows/ci.yml", "        python-version: [\"3.9\", \"3.10\", \"3.11\"] # expect: GA043", "        python-version: [\"3.10\", \"3.11\"] # expect: GA043")]
    [InlineData("GA045", ".github/workflows/ci.yml", "          pip install -e \".[test]\" # expect: GA045", "          pip install -e \".[test,browser]\" # expect: GA045")]
    [InlineData("GA040", ".github/workflows/images.yml", "          file: Dockerfile # expect: GA040", "          file: deployment/Dockerfile # expect: GA040")]
    [InlineData("GA041", ".github/workflows/images.yml", "          target: runtim # expect: GA041", "          target: runtime # expect: GA041")]
    public void Fix_edits_only_the_offending_text(string id, string path, string before, string after)
    {
        string caseName = path.EndsWith("ci.yml", StringComparison.Ordinal) ? "python-ci" : "build-push";
        string root = Path.Combine(CasesRoot, caseName);
        string original = File.ReadAllText(Path.Combine(root, path));
        var finding = Run(root).First(item => item.RuleId == id && item.Fix is not null && original.Split('\n')[item.Location.Line - 1] == before);
        string fixedText = FixEdits.Apply(original, finding.Fix!);
        Assert.Equal(original.Replace(before, after, StringComparison.Ordinal), fixedText);
        Assert.False(finding.Fix!.IsSafe);
    }

    [Fact]
    public void Dropping_a_block_matrix_entry_removes_its_line()
    {
        using var tree = new TempTree();
        tree.Write("pyproject.toml", "[project]\nname = \"pkg\"\nrequires-python = \">=3.10\"\n");
        const string workflow = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        py:\n          - \"3.9\"\n          - \"3.12\"\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: ${{ matrix.py }}\n      - run: pip install .\n";
        tree.Write(".github/workflows/t.yml", workflow);
        var finding = Assert.Single(Run(tree.Root));
        Assert.Equal(8, finding.Location.Line);
        Assert.Contains("`pip install .` fails there with \"ERROR: Package 'pkg' requires a different Python: 3.9.x not in '>=3.10'\"", finding.Message, StringComparison.Ordinal);
        Assert.Equal(workflow.Replace("          - \"3.9\"\n", "", StringComparison.Ordinal), FixEdits.Apply(workflow, finding.Fix!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("on: [push\njobs: {")]
    [InlineData("- just\n- a list\n")]
    [InlineData("on: push\njobs:\n  t:\n    steps: 3\n")]
    [InlineData("on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: \"pytest \\\"unterminated\n")]
    public void Bad_workflows_give_no_finding_and_no_exception(string text)
    {
        using var tree = new TempTree();
        tree.Write("pyproject.toml", "[project]\nname = \"pkg\"\nrequires-python = \">=3.10\"\n[project.optional-dependencies]\nx = [\"playwright\"]\n");
        tree.Write(".github/workflows/bad.yml", text);
        tree.WriteBytes(".github/workflows/binary.yml", [0, 1, 2, 0xFF, 0xFE, 0]);
        tree.Write("Dockerfile", "FROM python:3.12-slim\nCMD [\"python\"]\n");
        Assert.Empty(Run(tree.Root));
    }

    [Fact]
    public void Broken_python_and_dockerfile_sources_do_not_stop_the_rules()
    {
        using var tree = new TempTree();
        tree.WriteBytes("pyproject.toml", [0x5B, 0xFF, 0x00, 0x5D]);
        tree.Write("tests/test_x.py", "def test_x(:\n");
        tree.Write("Dockerfile", "FROM\nRUN \\\n");
        tree.Write(".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n      - run: pytest tests\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          target: app\n          build-args: X=1\n");
        var findings = Run(tree.Root);
        Assert.DoesNotContain(findings, finding => finding.RuleId == "GA044"); // a module that does not parse is a collection error, not "no tests"
    }
}
