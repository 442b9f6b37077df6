using System.Collections.Frozen;
using Drydock.Analysis;
using Drydock.Compose.Model;
using Drydock.Discovery;
using Drydock.Docker.Model;
using Drydock.Docker.Rules;
using Drydock.Findings;
using Drydock.Make.Model;
using Drydock.Workflows.Model;

namespace Drydock.CrossFile.Platforms;

/// <summary>
/// Which platforms the repository builds each Dockerfile for, and where that is written: the workflows'
/// docker/build-push-action and docker build commands, compose services, and docker build commands in Makefile
/// recipes. Built once per project: <c>project.Model(BuildTargets.Build)</c>. Ask <see cref="For"/> for a stage's target architectures.
/// </summary>
public sealed class BuildTargets
{
    private readonly FrozenDictionary<string, IReadOnlyList<PlatformSite>> byDockerfile;

    private BuildTargets(IReadOnlyList<PlatformSite> sites)
    {
        Sites = sites;
        byDockerfile = sites.GroupBy(site => site.DockerfilePath, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => (IReadOnlyList<PlatformSite>)[.. group], StringComparer.Ordinal);
    }

    /// <summary>
    /// Every site, workflows first (file and step order), then compose (a compose file shared by several stacks counts
    /// once), then Makefiles (file and line order).
    /// </summary>
    public IReadOnlyList<PlatformSite> Sites { get; }

    public static BuildTargets Build(Project project)
    {
        var sites = new List<PlatformSite>();
        if (project.Files.OfKind(FileKind.Workflow).Count > 0)
        {
            sites.AddRange(WorkflowPlatformSites.Of(project.Model(WorkflowSet.Build)));
        }

        if (project.Files.OfKind(FileKind.Compose).Count > 0)
        {
            sites.AddRange(ComposePlatformSites.Of(project.Model(ComposeSet.Build)));
        }

        if (project.Files.OfKind(FileKind.Makefile).Count > 0)
        {
            sites.AddRange(MakefilePlatformSites.Of(project.Model(MakefileSet.Build)));
        }

        return new BuildTargets([.. sites.DistinctBy(site => (site.DockerfilePath, site.Kind, site.Location))]);
    }

    /// <summary>The sites that build the Dockerfile at <paramref name="dockerfilePath"/> (repository-relative) for named platforms.</summary>
    public IReadOnlyList<PlatformSite> SitesFor(string dockerfilePath) => byDockerfile.GetValueOrDefault(dockerfilePath) ?? [];

    /// <summary>
    /// The architectures <paramref name="stage"/> is built for: the platform its FROM chain pins, else every architecture
    /// the sites name for its Dockerfile (plus the default pair when some site's value is unknown), else the default pair.
    /// </summary>
    public TargetPlatforms For(Stage stage)
    {
        if (FieldCaseFacts.PinnedPlatform(stage) is { } pinned)
        {
            return new TargetPlatforms(new HashSet<string>(StringComparer.Ordinal) { pinned.Architecture }, TargetOrigin.Pinned, [], pinned.Stage);
        }

        var sites = SitesFor(stage.Document.Path);
        var architectures = sites.SelectMany(site => site.Architectures).ToHashSet(StringComparer.Ordinal);
        bool unknown = sites.Any(site => !site.IsKnown);
        if (architectures.Count == 0)
        {
            return new TargetPlatforms(FieldCaseFacts.DefaultArchitectures, TargetOrigin.Default, sites, null);
        }

        if (unknown)
        {
            architectures.UnionWith(FieldCaseFacts.DefaultArchitectures);
        }

        return new TargetPlatforms(architectures, unknown ? TargetOrigin.NamedAndDefault : TargetOrigin.Named, sites, null);
    }
}

/// <summary>Why a stage is built for its architectures.</summary>
public enum TargetOrigin
{
    /// <summary>Nothing names a platform (or only unknown values do): the default pair, amd64 and arm64.</summary>
    Default,

    /// <summary>Workflows, compose files or Makefiles name the platforms.</summary>
    Named,

    /// <summary>Some sites name platforms and some hold unknown values: those named plus the default pair.</summary>
    NamedAndDefault,

    /// <summary>FROM --platform of the stage chain pins one platform.</summary>
    Pinned,
}

/// <summary>The architectures a stage is built for, and the sites or the FROM that say so.</summary>
public sealed record TargetPlatforms(IReadOnlySet<string> Architectures, TargetOrigin Origin, IReadOnlyList<PlatformSite> Sites, Stage? PinnedBy)
{
    /// <summary>
    /// Where the build for <paramref name="architectures"/> comes from, for a message: " (asked for by
    /// .github/workflows/publish.yml:62)"; empty when nothing names them (the defaults, or a pinned FROM).
    /// </summary>
    public string Reason(IEnumerable<string> architectures)
    {
        var wanted = architectures.ToHashSet(StringComparer.Ordinal);
        var sites = Sites.Where(site => site.Architectures.Overlaps(wanted)).Select(site => site.Where).Distinct(StringComparer.Ordinal).ToList();
        return sites.Count == 0 ? "" : $" (asked for by {string.Join(", ", sites)})";
    }

    /// <summary>Related locations: each site that builds one of <paramref name="architectures"/>.</summary>
    public IReadOnlyList<RelatedLocation> Related(IEnumerable<string> architectures)
    {
        var wanted = architectures.ToHashSet(StringComparer.Ordinal);
        return [.. Sites.Where(site => site.Architectures.Overlaps(wanted))
            .Select(site => new RelatedLocation(site.Location, $"{site.Description} builds {string.Join(", ", site.Platforms)}"))];
    }
}
