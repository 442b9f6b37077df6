using Drydock.Analysis;
using Drydock.Logs.Analysis;
using Drydock.Logs.Model;
using Drydock.Testing;

namespace Drydock.Logs.Tests;

/// <summary>
/// The field cases' container and build logs, diagnosed against their example repositories: the diagnosis points
/// at the instruction or service that failed and cites the `drydock check` finding that explains it.
/// </summary>
public sealed class ContainerLinkTests
{
    [Fact]
    public void AContainerThatExitsBeforeItsHealthcheckLeadsToItsServiceAndTheDemoOnlyCmd()
    {
        var diagnosis = Diagnose("case-b-executor-stack", "compose-up.log");
        Assert.Equal("LG137", diagnosis.RuleId);
        Assert.Contains(diagnosis.Related, place => place.Location.Path == "deployment/docker-compose.yml" && place.Location.Line == 14 && place.Message == "the compose service 'websocket'");
        Assert.Contains(diagnosis.Related, place => place.Location.Path == "deployment/Dockerfile" && place.Message.StartsWith("the CMD", StringComparison.Ordinal));
        var cmd = Assert.Single(diagnosis.CitedFindings, finding => finding.RuleId == "DF056");
        Assert.Equal("deployment/Dockerfile", cmd.Location.Path);
    }

    [Fact]
    public void AnExecFormatErrorAtComposeUpLeadsToTheServiceAndCitesTheStaleTagAndTheCmd()
    {
        var diagnosis = Diagnose("case-a-crawler-mcp", "compose-up.log");
        Assert.Equal("LG132", diagnosis.RuleId);
        Assert.Contains(diagnosis.CitedFindings, finding => finding.RuleId == "DC025");
        Assert.Contains(diagnosis.CitedFindings, finding => finding.RuleId == "DF055");
    }

    [Fact]
    public void TheFailedBuildKitStepIsTheOneWhoseLinesHoldTheErrorNotTheCachedStepBeforeIt()
    {
        // "#7 [3/8] ... CACHED" is followed directly by "#8 [4/8] RUN ... apt-key add -": the chunk starts on #8's
        // first line, which also closes #7's range.
        var diagnosis = Diagnose("case-a-crawler-mcp", "build-apt-key.log");
        Assert.Equal("LG122", diagnosis.RuleId);
        Assert.Contains(diagnosis.Related, place => place.Location.Path == "Dockerfile" && place.Location.Line == 19);
        Assert.DoesNotContain(diagnosis.Related, place => place.Location.Path == "Dockerfile" && place.Location.Line == 8);
        Assert.Contains(diagnosis.CitedFindings, finding => finding.RuleId == "DF040" && finding.Location.Line == 19);
    }

    [Fact]
    public void ASubmoduleWithoutAUrlCitesTheCheckoutStepThatFetchesIt()
    {
        // The finding sits on the step's `submodules: recursive` input, below the `uses:` line the log's title names.
        var diagnosis = Diagnose("case-c-accel-lib", "multiarch build (linux-arm64).log");
        Assert.Equal("LG150", diagnosis.RuleId);
        Assert.Contains(diagnosis.Related, place => place.Location == new Findings.SourceLocation(".github/workflows/multiarch.yml", 15));
        Assert.Contains(diagnosis.CitedFindings, finding => finding.RuleId == "GA046" && finding.Location.Path == ".github/workflows/multiarch.yml");
    }

    private static Diagnosis Diagnose(string example, string log)
    {
        string root = RepoRoot.Combine("examples", example);
        var check = new CheckEngine([new Docker.Rules.DockerfileAnalyzer(), new Compose.ComposeAnalyzer(), new Python.PythonAnalyzer(), new Workflows.WorkflowAnalyzer(), new CrossFile.CrossFileAnalyzer()])
            .Run(Project.Open(root));
        var engine = new DiagnoseEngine(new DiagnoseOptions { RepositoryRoot = root, CheckFindings = check.Findings, MaxDegreeOfParallelism = 1 });
        var result = engine.Diagnose([Path.Combine(root, "logs", log)]);
        return result.Diagnoses[0];
    }
}
