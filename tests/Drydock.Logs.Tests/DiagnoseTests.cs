using System.Text;
using Drydock.Findings;
using Drydock.Logs.Analysis;
using Drydock.Logs.Model;
using Drydock.Reports.Diagnose;
using Drydock.Testing;

namespace Drydock.Logs.Tests;

public sealed class DiagnoseTests
{
    private static readonly string[] InternalError =
    [
        "collected 3 items",
        "INTERNALERROR> Traceback (most recent call last):",
        "INTERNALERROR>   File \"/opt/hostedtoolcache/Python/3.11.11/x64/lib/python3.11/site-packages/_pytest/main.py\", line 283, in wrap_session",
        "INTERNALERROR>     session.exitstatus = doit(config, session) or 0",
        "INTERNALERROR>   File \"/home/runner/work/fastaccel/fastaccel/tests/test_hf.py\", line 4, in <module>",
        "INTERNALERROR>     sys.exit(1)",
        "INTERNALERROR> SystemExit: 1",
    ];

    [Fact]
    public void MatrixJobsFailingForOneReasonAreOneDiagnosisAndPassingJobsAreListed()
    {
        var logs = new[] { "3.9", "3.10", "3.11", "3.12" }
            .Select(version => ($"test ({version}).log", LogHarness.GitHubJob("pytest", InternalError, 3)))
            .Append(("lint.log", LogHarness.GitHubJob("ruff check", ["All checks passed!"], null)))
            .ToArray();
        var result = LogHarness.Diagnose(logs);
        var diagnosis = Assert.Single(result.Diagnoses);
        Assert.Equal("LG010", diagnosis.RuleId);
        Assert.Equal(4, diagnosis.Jobs.Count);
        Assert.All(diagnosis.Jobs, job => Assert.Equal(3, job.ExitCode));
        Assert.Equal("lint", Assert.Single(result.Passed).Name);
        Assert.Equal(15, diagnosis.Evidence.StartLine);
        Assert.Equal(17, diagnosis.Evidence.EndLine);
    }

    [Fact]
    public void TheCauseIsPreferredToTheFinalSymptom()
    {
        var result = LogHarness.Diagnose(("build.log", LogHarness.GitHubJob("make", ["cc -c a.c", "a.c:3:10: fatal error: zlib.h: No such file or directory", "compilation terminated.", "make: *** [Makefile:4: a.o] Error 1"], 2)));
        Assert.Equal("LG101", result.Diagnoses[0].RuleId);
        Assert.Contains("zlib.h", result.Diagnoses[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryFailedLogGetsADiagnosisEvenWithoutASignature()
    {
        var result = LogHarness.Diagnose(("deploy.log", LogHarness.GitHubJob("./deploy.sh", ["uploading bundle", "Error: bucket 'acme-prod' rejected the object: checksum mismatch", "rollback started"], 1)));
        var diagnosis = Assert.Single(result.Diagnoses);
        Assert.True(diagnosis.IsGeneral);
        Assert.Equal("LG001", diagnosis.RuleId);
        Assert.Contains("checksum mismatch", diagnosis.Evidence.Lines[0], StringComparison.Ordinal);
        Assert.True(diagnosis.Confidence < 0.5);
    }

    [Fact]
    public void AFailureWithNoOutputStillPointsAtTheMarker()
    {
        var result = LogHarness.Diagnose(("quiet.log", LogHarness.GitHubJob("./check.sh", ["checking"], 3)));
        var diagnosis = Assert.Single(result.Diagnoses);
        Assert.Equal("LG001", diagnosis.RuleId);
        Assert.Contains("exit code 3", diagnosis.Evidence.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void APassingLogIsQuiet()
    {
        var result = LogHarness.Diagnose(("ok.log", LogHarness.GitHubJob("pytest", ["collected 3 items", "...", "3 passed in 0.1s"], null)));
        Assert.Empty(result.Diagnoses);
        Assert.Single(result.Passed);
    }

    [Fact]
    public void LintFindingsAreSummarisedPerFile()
    {
        var result = LogHarness.Diagnose(("lint.log", LogHarness.GitHubJob("flake8", ["src/a.py:1:1: E128 x", "src/a.py:2:1: E128 x", "src/a.py:3:1: E122 y", "src/b.py:9:1: F401 z"], 1)));
        var diagnosis = Assert.Single(result.Diagnoses);
        Assert.Equal("LG030", diagnosis.RuleId);
        Assert.Equal("4 lint findings in 2 files", diagnosis.Message);
        Assert.Equal(["src/a.py: 3 (E128 x2, E122 x1)", "src/b.py: 1 (F401 x1)"], diagnosis.Summary);
    }

    [Fact]
    public void LinksPointIntoTheRepositoryAndCiteCheckFindings()
    {
        using var tree = new TempTree();
        tree.Write("tests/test_hf.py", "import sys\ntry:\n    import playwright\nexcept ImportError:\n    sys.exit(1)\n")
            .Write("Dockerfile", "FROM python:3.11-slim\nRUN wget -qO- https://x/key | apt-key add - \\\n    && apt-get update\n")
            .Write(".github/workflows/ci.yml", "jobs:\n  test:\n    steps:\n      - uses: actions/checkout@v4\n      - name: Test\n        run: pytest\n");
        var rule = new RuleDescriptor("PY040", "test-module-exits", Severity.Error, "s", "w", "use pytest.importorskip");
        var finding = new Finding { Rule = rule, Severity = Severity.Error, Location = new SourceLocation("tests/test_hf.py", 4, 5), Message = "sys.exit at import", FixAdvice = "use pytest.importorskip" };
        var engine = new DiagnoseEngine(new DiagnoseOptions { RepositoryRoot = tree.Root, CheckFindings = [finding] });

        var pytest = engine.Diagnose([LogHarness.Input(LogHarness.GitHubJob("pytest", InternalError, 3), "test.log")]).Diagnoses[0];
        Assert.Contains(pytest.Related, related => related.Location == new SourceLocation("tests/test_hf.py", 4));
        Assert.Contains(pytest.Related, related => related.Location == new SourceLocation(".github/workflows/ci.yml", 6));
        Assert.Equal(finding, Assert.Single(pytest.CitedFindings));

        var build = engine.Diagnose([LogHarness.Input("Step 2/3 : RUN wget -qO- https://x/key | apt-key add -     && apt-get update\n/bin/sh: 1: apt-key: not found\nThe command '/bin/sh -c wget' returned a non-zero code: 127\n", "build.log")]).Diagnoses[0];
        Assert.Equal("LG122", build.RuleId);
        Assert.Contains(build.Related, related => related.Location == new SourceLocation("Dockerfile", 2));
    }

    [Fact]
    public void APlantedTokenAppearsInNoOutputFormat()
    {
        const string token = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
        string log = LogHarness.GitHubJob("docker push", [$"+ echo {token} | docker login ghcr.io -u bot --password-stdin", $"+ docker login -p {token} ghcr.io", "denied: permission_denied: write_package"], 1);
        var result = LogHarness.Diagnose(("push.log", log));
        Assert.Equal("LG140", result.Diagnoses[0].RuleId);
        Assert.DoesNotContain(token, result.Diagnoses[0].Evidence.Lines.Concat([result.Diagnoses[0].Message]), StringComparer.Ordinal);

        var outputs = new List<string>();
        foreach (var write in new Action<Stream>[]
        {
            stream => DiagnoseJsonWriter.Write(stream, result),
            stream => DiagnoseSarifWriter.Write(stream, result),
            stream => Text(stream, writer => DiagnoseTextWriter.Write(writer, result)),
            stream => Text(stream, writer => DiagnoseGithubWriter.Write(writer, result)),
            stream => Text(stream, writer => DiagnoseMarkdownWriter.Write(writer, result)),
        })
        {
            using var stream = new MemoryStream();
            write(stream);
            outputs.Add(Encoding.UTF8.GetString(stream.ToArray()));
        }

        Assert.All(outputs, output =>
        {
            Assert.DoesNotContain("aBcDeFgHiJkLmNoPqRsTuVwXyZ", output, StringComparison.Ordinal);
            Assert.Contains("LG140", output, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TheJsonReportHasATopLevelDiagnosesArray()
    {
        var result = LogHarness.Diagnose(("a.log", "fatal: No url found for submodule path 'docs/sdk' in .gitmodules\n"));
        using var stream = new MemoryStream();
        DiagnoseJsonWriter.Write(stream, result);
        using var json = System.Text.Json.JsonDocument.Parse(stream.ToArray());
        var first = json.RootElement.GetProperty("diagnoses")[0];
        Assert.Equal("LG150", first.GetProperty("ruleId").GetString());
        Assert.Equal(1, first.GetProperty("evidence").GetProperty("startLine").GetInt32());
        foreach (string property in new[] { "name", "title", "category", "confidence", "jobs", "related", "fix" })
        {
            Assert.True(first.TryGetProperty(property, out _), property);
        }
    }

    [Fact]
    public void TheMarkdownReportHasTheIncidentSections()
    {
        var result = LogHarness.Diagnose(("a.log", "fatal: No url found for submodule path 'docs/sdk' in .gitmodules\n"), ("b.log", "all fine\n"));
        var writer = new StringWriter();
        DiagnoseMarkdownWriter.Write(writer, result);
        string text = writer.ToString();
        foreach (string section in new[] { "## Summary", "**Status:**", "**Root cause:**", "**Impact:**", "**Recommended action:**", "## What works and what fails", "| b | works |", "## Evidence", "## Fixes by priority", "## Files involved" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheCorpusFieldCaseMatrixIsGroupedEndToEnd()
    {
        var result = new DiagnoseEngine().Diagnose([RepoRoot.Combine("examples", "case-c-accel-lib", "logs")]);
        var first = result.Diagnoses[0];
        Assert.Equal("LG010", first.RuleId);
        Assert.Equal(4, first.Jobs.Count);
        Assert.Contains(result.Diagnoses, diagnosis => diagnosis.RuleId == "LG150");
        Assert.DoesNotContain(result.Diagnoses, diagnosis => diagnosis.RuleId == "LG012");
        Assert.Contains(result.Passed, job => job.Name == "lint");
    }

    private static void Text(Stream stream, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(stream, leaveOpen: true);
        write(writer);
    }
}
