using Drydock.Logs.Parsing;

namespace Drydock.Logs.Tests;

public sealed class StructureTests
{
    [Fact]
    public void GitHubStepsAndTheFailingStepAreFound()
    {
        var scan = LogHarness.Scan(LogHarness.GitHubJob("pytest -q", ["collected 0 items", "", "===== no tests ran in 0.01s ====="], 5));
        Assert.True((scan.Formats & LogFormats.GitHubActions) != 0);
        Assert.Equal("Run pytest -q", scan.FailingStep?.Name);
        Assert.Equal(5, scan.ExitCode);
        Assert.Contains(scan.Steps, step => step.Name == "Run actions/checkout@v4" && !step.Failed);
    }

    [Fact]
    public void BuildKitStepsKeepTheirPlatformAndTheDockerfileExcerpt()
    {
        string log = string.Join('\n',
            "#7 [linux/arm64 4/8] RUN apt-get update && apt-get install -y google-chrome-stable",
            "#7 3.1 E: Unable to locate package google-chrome-stable",
            "#7 ERROR: process \"/bin/sh -c apt-get update\" did not complete successfully: exit code: 100",
            "------",
            "Dockerfile:19",
            "--------------------",
            "  19 | >>> RUN apt-get update && apt-get install -y google-chrome-stable",
            "--------------------",
            "ERROR: failed to solve: process \"/bin/sh -c apt-get update\" did not complete successfully: exit code: 100") + "\n";
        var scan = LogHarness.Scan(log);
        var step = scan.FailingDockerStep;
        Assert.NotNull(step);
        Assert.Equal("linux/arm64", step.Platform);
        Assert.Equal(100, step.ExitCode);
        Assert.Equal(new DockerfileExcerpt(5, "Dockerfile", 19), Assert.Single(scan.DockerfileExcerpts));
        Assert.Equal(2, scan.Hits.Single(hit => hit.Signature.Id == "LG120").MatchLine);
    }

    [Theory]
    [InlineData("Step : x\n")]
    [InlineData("Step  : x\nStep 1/2 : RUN true\n")]
    public void AStepLineWithoutACounterIsPlainText(string log)
    {
        // Found by the coverage-guided fuzzer (fuzz/): the counter was sliced before checking it was there.
        var scan = LogHarness.Scan(log);
        Assert.Null(scan.Problem);
        Assert.DoesNotContain(scan.Steps, step => step.Name.StartsWith("Step  :", StringComparison.Ordinal) || step.Name.StartsWith("Step :", StringComparison.Ordinal));
    }

    [Fact]
    public void TheLegacyBuilderStepFails()
    {
        var scan = LogHarness.Scan("Step 4/9 : RUN wget -qO- https://x/key | apt-key add -\n ---> Running in 4c5d\n/bin/sh: 1: apt-key: not found\nThe command '/bin/sh -c wget -qO- https://x/key | apt-key add -' returned a non-zero code: 127\n");
        Assert.True((scan.Formats & LogFormats.LegacyBuilder) != 0);
        Assert.Equal(127, scan.FailingDockerStep?.ExitCode);
        Assert.Equal("wget -qO- https://x/key | apt-key add -", scan.FailingDockerStep?.Instruction?[4..]);
    }

    [Fact]
    public void GitLabSectionsTravisFoldsAndJenkinsStagesBecomeSteps()
    {
        var gitlab = LogHarness.Scan("section_start:1741684338:step_script\r\u001b[0KExecuting \"step_script\"\n\u001b[32;1m$ make test\u001b[0;m\nboom\nsection_end:1741684401:step_script\r\u001b[0K\nERROR: Job failed: exit code 2\n");
        Assert.True((gitlab.Formats & LogFormats.GitLab) != 0);
        Assert.Equal("step_script", gitlab.FailingStep?.Name);
        Assert.Equal(2, gitlab.ExitCode);

        var travis = LogHarness.Scan("travis_fold:start:install\r\u001b[0K$ bundle install\nok\ntravis_fold:end:install\r\u001b[0K\n$ bundle exec rspec\nThe command \"bundle exec rspec\" exited with 1.\n");
        Assert.True((travis.Formats & LogFormats.Travis) != 0);
        Assert.True(travis.Failed);

        var jenkins = LogHarness.Scan("[Pipeline] stage\n[Pipeline] { (Test)\n+ make test\nboom\nERROR: script returned exit code 2\nFinished: FAILURE\n");
        Assert.Equal("Test", jenkins.FailingStep?.Name);
    }

    [Fact]
    public void AComposeServicePrefixIsStrippedForMatchingAndNamed()
    {
        var result = LogHarness.Diagnose(("compose.log", "Attaching to crawl4ai-mcp-server\ncrawl4ai-mcp-server  | exec /usr/local/bin/python: exec format error\ncrawl4ai-mcp-server exited with code 1\n"));
        var diagnosis = Assert.Single(result.Diagnoses);
        Assert.Equal("LG132", diagnosis.RuleId);
        Assert.Contains("crawl4ai-mcp-server", diagnosis.Message, StringComparison.Ordinal);
        Assert.Contains("/usr/local/bin/python", diagnosis.Message, StringComparison.Ordinal);
        Assert.Equal(2, diagnosis.Evidence.StartLine);
    }

    [Fact]
    public void ExecFormatErrorInsideABuildStepMeansMissingQemu()
    {
        var result = LogHarness.Diagnose(("build.log", "#8 [linux/arm64 2/6] RUN apt-get update\n#8 0.105 exec /bin/sh: exec format error\n#8 ERROR: process \"/bin/sh -c apt-get update\" did not complete successfully: exit code: 1\n"));
        var diagnosis = result.Diagnoses[0];
        Assert.Equal("LG133", diagnosis.RuleId);
        Assert.Contains("linux/arm64", diagnosis.Message, StringComparison.Ordinal);
    }
}
