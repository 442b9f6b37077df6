using Drydock.Analysis;
using Drydock.Compose.Model;
using Drydock.Compose.Parsing;
using Drydock.Compose.Rules;
using Drydock.Findings;

namespace Drydock.Compose;

/// <summary>The DC rules that read compose files alone. Rules are listed explicitly (NativeAOT: no reflection).</summary>
public sealed class ComposeAnalyzer : IAnalyzer
{
    private static readonly IReadOnlyList<IComposeRule> AllRules =
    [
        new ComposeUnparsableRule(),
        new ComposeUnknownKeyRule(),
        new ComposeWrongTypeRule(),
        new ComposeInvalidValueRule(),
        new HealthyDependencyWithoutHealthcheckRule(),
        new HealthcheckSlowStartRule(),
        new HealthcheckTimeoutNotBelowIntervalRule(),
        new BuildContextMissingRule(),
        new BuildDockerfileMissingRule(),
        new DuplicateHostPortRule(),
        new HostPortInUseRule(),
        new UndefinedVariableRule(),
        new DuplicateContainerNameRule(),
        new ImageMutableTagRule(),
        new BuildImageShadowsRemoteRule(),
        new PrivilegedContainerRule(),
        new DockerSocketMountedRule(),
        new DependsOnUndefinedServiceRule(),
        new DependsOnCycleRule(),
        new UndefinedNetworkRule(),
        new UndefinedVolumeRule(),
        new UndefinedSecretOrConfigRule(),
        new UnresolvedReferenceRule(),
        new EnvFileMissingRule(),
        new ObsoleteVersionKeyRule(),
        new BuildImageRegistryTagRule(),
    ];

    private readonly Func<IReadOnlyList<ListeningSocket>> listeningSockets;

    /// <param name="listeningSockets">Where DC010 reads the machine's listening sockets; defaults to /proc/net/tcp and tcp6.</param>
    public ComposeAnalyzer(Func<IReadOnlyList<ListeningSocket>>? listeningSockets = null)
    {
        this.listeningSockets = listeningSockets ?? ReadProcNet;
    }

    public IReadOnlyList<RuleDescriptor> Rules { get; } = [.. AllRules.Select(rule => rule.Rule)];

    /// <summary>The rule objects, for tests that check every rule class is listed.</summary>
    public static IReadOnlyList<IComposeRule> RuleInstances => AllRules;

    public void Analyze(Project project, FindingSink sink)
    {
        var compose = project.Model<ComposeSet>(ComposeSet.Build);
        if (compose.Files.Count == 0)
        {
            return;
        }

        var context = new ComposeContext(project, compose, sink, listeningSockets);
        foreach (var rule in AllRules)
        {
            rule.Check(context);
        }
    }

    /// <summary>The machine's listening TCP sockets; empty where /proc is not available.</summary>
    public static IReadOnlyList<ListeningSocket> ReadProcNet()
    {
        var sockets = new List<ListeningSocket>();
        foreach (string path in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            try
            {
                if (File.Exists(path))
                {
                    sockets.AddRange(ProcNetTcp.ParseListening(File.ReadAllText(path)));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // No /proc (macOS, Windows, a locked-down container): nothing to compare against.
            }
        }

        return sockets;
    }
}
