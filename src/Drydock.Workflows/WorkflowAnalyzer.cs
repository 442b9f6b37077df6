using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;
using Drydock.Workflows.Rules;

namespace Drydock.Workflows;

/// <summary>The GA rules that read workflows and composite actions alone, listed explicitly (no reflection at run time).</summary>
public sealed class WorkflowAnalyzer : IAnalyzer
{
    public static readonly IReadOnlyList<IWorkflowRule> AllRules =
    [
        new WorkflowUnparsableRule(),
        new UnknownKeyRule(),
        new RequiredKeyMissingRule(),
        new ExpressionSyntaxRule(),
        new ExpressionContextUnknownRule(),
        new RunnerLabelUnknownRule(),
        new NeedsJobUnknownRule(),
        new NeedsCycleRule(),
        new CronInvalidRule(),
        new FilterGlobInvalidRule(),
        new MatrixFilterMatchesNothingRule(),
        new MatrixKeyUnknownRule(),
        new ActionVersionRetiredRule(),
        new ActionRuntimeDeprecatedRule(),
        new WorkflowCommandDeprecatedRule(),
        new ActionInputUnknownRule(),
        new ActionInputRequiredMissingRule(),
        new MultiPlatformWithoutQemuRule(),
        new BuildxSetupMissingRule(),
        new GhcrPushWithoutPackagesWriteRule(),
        new PushFromForkPullRequestRule(),
        new ImageTagsUnusedRule(),
        new StepOutputReferenceInvalidRule(),
        new SelfHostedArm64RunnerRule(),
        new ContinueOnErrorTestJobRule(),
        new ScriptInjectionRule(),
        new PullRequestTargetCheckoutHeadRule(),
        new SecretEchoedRule(),
        new ActionUnpinnedRule(),
        new CheckoutSubmodulesMissingRule(),
        new LocalActionMissingRule(),
        new EventUnknownRule(),
        new IfAlwaysTrueRule(),
    ];

    private readonly IReadOnlyList<IWorkflowRule> rules;

    public WorkflowAnalyzer()
        : this(AllRules)
    {
    }

    /// <summary>Runs only the given rules (tests, benchmarks).</summary>
    public WorkflowAnalyzer(IReadOnlyList<IWorkflowRule> rules)
    {
        this.rules = rules;
    }

    public IReadOnlyList<RuleDescriptor> Rules => [.. rules.Select(rule => rule.Rule)];

    public void Analyze(Project project, FindingSink sink)
    {
        var workflows = project.Model(WorkflowSet.Build);
        if (workflows.Files.Count == 0 && workflows.Problems.Count == 0)
        {
            return;
        }

        // Each rule reads the shared, finished model and reports to the thread-safe sink: run them side by side
        // (the engine sorts the findings). A rule's exception still reaches the engine as itself.
        try
        {
            Parallel.ForEach(rules, rule => rule.Check(workflows, project, sink));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
