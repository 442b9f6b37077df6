using Drydock.Analysis;
using Drydock.CrossFile.Rules.Python;
using Drydock.CrossFile.Rules.Workflows;
using Drydock.Docker.Model;
using Drydock.Findings;
using Drydock.Python.Model;
using Drydock.Workflows.Model;

namespace Drydock.CrossFile;

/// <summary>A rule that reads several models at once.</summary>
public interface ICrossFileRule
{
    RuleDescriptor Descriptor { get; }

    void Check(CrossFileContext context);
}

/// <summary>The models a cross-file rule reads, each built once and shared with the single-file analyzers.</summary>
public sealed class CrossFileContext
{
    internal CrossFileContext(Project project, FindingSink sink)
    {
        Project = project;
        Sink = sink;
        Dockerfiles = project.Model(DockerfileSet.Build);
        pythonProject = new Lazy<PythonProject>(() => project.Model(PythonProject.Build));
        workflows = new Lazy<WorkflowSet>(() => project.Model(WorkflowSet.Build));
    }

    private readonly Lazy<PythonProject> pythonProject;

    private readonly Lazy<WorkflowSet> workflows;

    public Project Project { get; }

    public FindingSink Sink { get; }

    public DockerfileSet Dockerfiles { get; }

    public PythonProject Python => pythonProject.Value;

    public WorkflowSet Workflows => workflows.Value;

    public Drydock.Compose.Model.ComposeSet Compose => Project.Model(Drydock.Compose.Model.ComposeSet.Build);
}

/// <summary>
/// Rules that tie files of different kinds together: a Dockerfile's CMD against the Python sources it runs, the
/// base image against requires-python, what the image installs against what the code imports. Rules are listed
/// explicitly (NativeAOT: no reflection at run time); a test proves every rule class is here.
/// </summary>
public sealed class CrossFileAnalyzer : IAnalyzer
{
    public static IReadOnlyList<ICrossFileRule> AllRules { get; } =
    [
        new Rules.Docker.ArchOnlyPackageUnguardedRule(),
        new Rules.Docker.AptPackageUnavailableRule(),
        new BasePythonOutsideRequiresPythonRule(),
        new CmdTargetMissingRule(),
        new CmdMainDoesNotServeRule(),
        new CmdFlagRejectedByArgparseRule(),
        new HeavyDependencyUnusedRule(),
        new RequirementsBuildWithoutCompilerRule(),
        new BuildPushPathMissingRule(),
        new BuildPushTargetMissingRule(),
        new BuildPushArgUndeclaredRule(),
        new MatrixPythonOutsideRequiresPythonRule(),
        new PytestStepCollectsNothingRule(),
        new TestInstallMissingExtraRule(),
        new CheckoutSubmoduleWithoutUrlRule(),
        new Rules.Compose.HealthcheckBinaryNotInImageRule(),
        new Rules.Compose.HealthcheckImageNotInspectedRule(),
        new Rules.Compose.HealthyDependencyImageWithoutHealthcheckRule(),
        new Rules.Compose.BuildTargetStageMissingRule(),
        new Rules.Compose.BuildArgNotDeclaredRule(),
        new Rules.Compose.PublishedPortNotListenedRule(),
        new Rules.Compose.PlatformConflictsWithDockerfileRule(),
        new Rules.Compose.CommandTargetMissingRule(),
        new Rules.Compose.CommandMainDoesNotServeRule(),
        new Rules.Compose.CommandFlagRejectedByArgparseRule(),
        new Rules.Make.MakeTargetMissingRule(),
        new Rules.Make.RunMakeTargetMissingRule(),
    ];

    public IReadOnlyList<RuleDescriptor> Rules { get; } = [.. AllRules.Select(rule => rule.Descriptor)];

    public void Analyze(Project project, FindingSink sink)
    {
        bool hasDockerfiles = project.Files.OfKind(Discovery.FileKind.Dockerfile).Count > 0;
        if (!hasDockerfiles && project.Files.OfKind(Discovery.FileKind.Workflow).Count == 0)
        {
            return;
        }

        var context = new CrossFileContext(project, sink);
        foreach (var rule in AllRules.Where(rule => hasDockerfiles || rule is IWorkflowCrossFileRule))
        {
            rule.Check(context);
        }
    }
}
