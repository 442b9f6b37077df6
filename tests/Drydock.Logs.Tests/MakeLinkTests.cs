using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Logs.Analysis;
using Drydock.Logs.Model;
using Drydock.Testing;

namespace Drydock.Logs.Tests;

/// <summary>
/// make failures with --repo: the diagnosis points at the Makefile line, the workflow step or the RUN that calls
/// make, and cites the finding the real `drydock check` rules report there (MK001, MK006, GA047, DF060).
/// </summary>
public sealed class MakeLinkTests
{
    private const string Checkout = "jobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n";

    [Fact]
    public void MissingLintTargetInAWorkflowStepCitesGA047AtTheStep()
    {
        using var tree = new TempTree();
        tree.Write("Makefile", ".PHONY: test lint-python\ntest:\n\tpytest\nlint-python:\n\truff check .\n")
            .Write(".github/workflows/ci.yml", Checkout + "      - name: Lint\n        run: make lint\n");
        var diagnosis = DiagnoseWithRepo(tree, LogHarness.GitHubJob("make lint", ["make: *** No rule to make target 'lint'.  Stop."], 2));

        Assert.Equal("LG105", diagnosis.RuleId);
        Assert.Equal("make has no target 'lint'", diagnosis.Message);
        Assert.Contains(diagnosis.Related, related => related.Location == new SourceLocation(".github/workflows/ci.yml", 7));
        var cited = Assert.Single(diagnosis.CitedFindings);
        Assert.Equal("GA047", cited.RuleId);
        Assert.Equal(7, cited.Location.Line);
    }

    [Fact]
    public void AGoalInsideAMultiLineRunBlockIsLinkedToItsOwnLine()
    {
        using var tree = new TempTree();
        tree.Write("Makefile", ".PHONY: test\ntest:\n\tpytest\n")
            .Write(".github/workflows/ci.yml", Checkout + "      - name: Checks\n        run: |\n          pip install -e .\n          make test lint\n");
        var diagnosis = DiagnoseWithRepo(tree, LogHarness.GitHubJob("pip install -e .", ["Successfully installed app-0.1.0", "make: *** No rule to make target 'lint'.  Stop."], 2));

        Assert.Equal("LG105", diagnosis.RuleId);
        Assert.Contains(diagnosis.Related, related => related.Location == new SourceLocation(".github/workflows/ci.yml", 9) && related.Message.Contains("make lint", StringComparison.Ordinal));
        Assert.Equal(("GA047", 9), (Assert.Single(diagnosis.CitedFindings).RuleId, diagnosis.CitedFindings[0].Location.Line));
    }

    [Fact]
    public void MissingSeparatorFollowsMakeDashCToTheSpaceIndentedLineAndCitesMK001()
    {
        using var tree = new TempTree();
        tree.Write("Makefile", "# root Makefile, not the one make read\nall:\n\t$(MAKE) -C backend test\n\n.PHONY: all\n")
            .Write("backend/Makefile", ".PHONY: test\n\ntest:\n\tpip install -e .\n        pytest -q\n")
            .Write(".github/workflows/ci.yml", Checkout + "      - run: make -C backend test\n");
        string log = LogHarness.GitHubJob("make -C backend test",
        [
            "make: Entering directory '/home/runner/work/shop/shop/backend'",
            "Makefile:5: *** missing separator (did you mean TAB instead of 8 spaces?).  Stop.",
            "make: Leaving directory '/home/runner/work/shop/shop/backend'",
        ], 2);
        var diagnosis = DiagnoseWithRepo(tree, log);

        Assert.Equal("LG182", diagnosis.RuleId);
        Assert.Equal("Makefile line 5: make stops with \"missing separator\"", diagnosis.Message);
        Assert.Contains(diagnosis.Related, related => related.Location == new SourceLocation("backend/Makefile", 5));
        Assert.DoesNotContain(diagnosis.Related, related => related.Location.Path == "Makefile");
        var cited = Assert.Single(diagnosis.CitedFindings, finding => finding.RuleId.StartsWith("MK", StringComparison.Ordinal));
        Assert.Equal(("MK001", "backend/Makefile", 5), (cited.RuleId, cited.Location.Path, cited.Location.Line));
    }

    [Fact]
    public void AWorkingDirectoryIsWhereMakeRuns()
    {
        using var tree = new TempTree();
        tree.Write("Makefile", "a:\n\ttrue\nb:\n\ttrue\nc:\n\ttrue\n")
            .Write("api/Makefile", ".PHONY: test\ntest:\n        go test ./...\n")
            .Write(".github/workflows/ci.yml", Checkout + "      - name: Test\n        working-directory: ./api\n        run: make test\n");
        var diagnosis = DiagnoseWithRepo(tree, LogHarness.GitHubJob("make test", ["Makefile:3: *** missing separator (did you mean TAB instead of 8 spaces?).  Stop."], 2));

        Assert.Contains(diagnosis.Related, related => related.Location == new SourceLocation("api/Makefile", 3));
        Assert.Contains(diagnosis.CitedFindings, finding => finding.RuleId == "MK001" && finding.Location.Path == "api/Makefile" && finding.Location.Line == 3);
    }

    [Fact]
    public void AJobsDefaultWorkingDirectoryIsWhereMakeRunsToo()
    {
        using var tree = new TempTree();
        tree.Write("Makefile", "a:\n\ttrue\nb:\n\ttrue\nc:\n\ttrue\n")
            .Write("api/Makefile", ".PHONY: test\ntest:\n        go test ./...\n")
            .Write(".github/workflows/ci.yml", "jobs:\n  ci:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: api\n    steps:\n      - uses: actions/checkout@v4\n      - name: Test\n        run: make test\n");
        var diagnosis = DiagnoseWithRepo(tree, LogHarness.GitHubJob("make test", ["Makefile:3: *** missing separator (did you mean TAB instead of 8 spaces?).  Stop."], 2));

        Assert.Contains(diagnosis.Related, related => related.Location == new SourceLocation("api/Makefile", 3));
        Assert.DoesNotContain(diagnosis.Related, related => related.Location.Path == "Makefile");
    }

    [Fact]
    public void MissingTargetInADockerBuildIsLinkedToTheRunAndCitesDF060()
    {
        using var tree = new TempTree();
        tree.Write("Makefile", ".PHONY: app test\napp:\n\tgo build -o app .\ntest:\n\tgo test ./...\n")
            .Write("Dockerfile", "FROM golang:1.23-bookworm\nWORKDIR /src\nCOPY . .\nRUN go mod download \\\n    && make build\n");
        string log = string.Join('\n',
            "#6 [2/4] WORKDIR /src",
            "#6 DONE 0.1s",
            "",
            "#8 [4/4] RUN go mod download     && make build",
            "#8 0.187 make: *** No rule to make target 'build'.  Stop.",
            "#8 ERROR: process \"/bin/sh -c go mod download     && make build\" did not complete successfully: exit code: 2",
            "------",
            " > [4/4] RUN go mod download     && make build:",
            "------",
            "ERROR: failed to solve: process \"/bin/sh -c go mod download     && make build\" did not complete successfully: exit code: 2") + "\n";
        var diagnosis = DiagnoseWithRepo(tree, log, "build.log");

        Assert.Equal("LG105", diagnosis.RuleId);
        Assert.Contains(diagnosis.Related, related => related.Location == new SourceLocation("Dockerfile", 4));
        Assert.Contains(diagnosis.Related, related => related.Location == new SourceLocation("Dockerfile", 5) && related.Message.Contains("make build", StringComparison.Ordinal));
        var cited = Assert.Single(diagnosis.CitedFindings, finding => finding.RuleId == "DF060");
        Assert.Equal(("Dockerfile", 5), (cited.Location.Path, cited.Location.Line));
    }

    [Fact]
    public void AMissingPrerequisiteIsLinkedToTheRuleThatNeedsItAndCitesMK006()
    {
        using var tree = new TempTree();
        tree.Write("Makefile", "CFLAGS := -O2\n\nbuild/cli: build/cli.o\n\tcc -o $@ $^\n\nbuild/cli.o: src/cli.c \\\n    include/version.h\n\tcc $(CFLAGS) -c src/cli.c -o $@\n")
            .Write("src/cli.c", "int main(void) { return 0; }\n")
            .Write(".github/workflows/ci.yml", Checkout + "      - run: make\n");
        var diagnosis = DiagnoseWithRepo(tree, LogHarness.GitHubJob("make", ["make: *** No rule to make target 'include/version.h', needed by 'build/cli.o'.  Stop."], 2));

        Assert.Equal("LG181", diagnosis.RuleId);
        Assert.Contains(diagnosis.Related, related => related.Location == new SourceLocation("Makefile", 7));
        Assert.Contains(diagnosis.CitedFindings, finding => finding.RuleId == "MK006" && finding.Location.Line == 7);
    }

    [Fact]
    public void ALineTheRepositoryDoesNotHaveLinksNothingInTheMakefile()
    {
        using var tree = new TempTree();
        tree.Write("Makefile", ".PHONY: test\ntest:\n\tpytest\n")
            .Write(".github/workflows/ci.yml", Checkout + "      - run: make test\n");
        var diagnosis = DiagnoseWithRepo(tree, LogHarness.GitHubJob("make test", ["Makefile:40: *** missing separator.  Stop."], 2));

        Assert.Equal("LG182", diagnosis.RuleId);
        Assert.DoesNotContain(diagnosis.Related, related => related.Location.Path == "Makefile");
        Assert.DoesNotContain(diagnosis.CitedFindings, finding => finding.RuleId.StartsWith("MK", StringComparison.Ordinal));
    }

    [Fact]
    public void APytestFailureUnderMakeTestIsTheCauseNotMakesErrorLine()
    {
        using var tree = new TempTree();
        tree.Write("Makefile", ".PHONY: test\n\n# runs the unit tests\n\ntest:\n\tpython -m pytest -q tests\n")
            .Write("tests/test_refunds.py", "def test_refund_rounds():\n    assert False\n")
            .Write(".github/workflows/ci.yml", Checkout + "      - run: make test\n");
        string log = LogHarness.GitHubJob("make test",
        [
            "python -m pytest -q tests",
            "=================================== FAILURES ===================================",
            "______________________________ test_refund_rounds ______________________________",
            "",
            "    def test_refund_rounds():",
            ">       assert False",
            "E       assert False",
            "",
            "tests/test_refunds.py:2: AssertionError",
            "=========================== short test summary info ============================",
            "FAILED tests/test_refunds.py::test_refund_rounds - assert False",
            "make: *** [Makefile:6: test] Error 1",
        ], 2);
        var result = new DiagnoseEngine(new DiagnoseOptions { RepositoryRoot = tree.Root, MaxDegreeOfParallelism = 1 }).Diagnose([LogHarness.Input(log, "test.log")]);

        Assert.Equal("LG016", result.Diagnoses[0].RuleId);
        Assert.Contains(result.Diagnoses[0].Related, related => related.Location == new SourceLocation("tests/test_refunds.py", 2));
        Assert.DoesNotContain(result.Diagnoses, diagnosis => diagnosis.RuleId == "LG104");
    }

    [Fact]
    public void MakesErrorLineUnderAGeneralDiagnosisIsLinkedToTheRecipeLine()
    {
        using var tree = new TempTree();
        tree.Write("Makefile", ".PHONY: deploy\n\ndeploy:\n\t./scripts/deploy.sh\n");
        var diagnosis = DiagnoseWithRepo(tree, LogHarness.GitHubJob("make deploy", ["make: *** [Makefile:4: deploy] Error 3"], 2));

        // No signature explains the failure: the general extractor quotes make's line, which still names the recipe.
        Assert.Equal("LG001", diagnosis.RuleId);
        Assert.Contains("LG104", diagnosis.AlsoMatched);
        Assert.Contains(diagnosis.Related, related => related.Location == new SourceLocation("Makefile", 4));
    }

    /// <summary>The repository's findings from the real check rules, then the log diagnosed against them.</summary>
    private static Diagnosis DiagnoseWithRepo(TempTree tree, string log, string name = "ci.log")
    {
        var check = new CheckEngine([new Docker.Rules.DockerfileAnalyzer(), new Make.MakefileAnalyzer(), new Workflows.WorkflowAnalyzer(), new CrossFile.CrossFileAnalyzer()])
            .Run(Project.Open(tree.Root));
        var engine = new DiagnoseEngine(new DiagnoseOptions { RepositoryRoot = tree.Root, CheckFindings = check.Findings, MaxDegreeOfParallelism = 1 });
        var result = engine.Diagnose([LogHarness.Input(log, name)]);
        Assert.NotEmpty(result.Diagnoses);
        return result.Diagnoses[0];
    }
}
