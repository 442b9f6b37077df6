using Drydock.Debian.Index;

namespace Drydock.Debian.Advice;

/// <summary>What `apt-get install NAME` will do on a Debian release, for the architectures a build targets.</summary>
public enum PackageVerdict
{
    /// <summary>A real package in an enabled component, on every target architecture.</summary>
    Available,

    /// <summary>A virtual name with a single provider (apt picks it), or with a provider named in the same command.</summary>
    Virtual,

    /// <summary>Installable from a third-party repository the stage configures, for every target architecture.</summary>
    FromThirdParty,

    /// <summary>The release has no such name on any target architecture, and no known repository provides it.</summary>
    Missing,

    /// <summary>The name exists on some target architectures and not others (an arch-only package).</summary>
    MissingOnSomeArchitectures,

    /// <summary>The package lives in contrib, non-free or non-free-firmware, which the stage does not enable.</summary>
    NeedsComponent,

    /// <summary>A virtual name with several providers: apt refuses ("has no installation candidate") until one is named.</summary>
    VirtualWithSeveralProviders,

    /// <summary>Not in Debian; it comes from a third-party repository the stage does not add.</summary>
    ThirdPartyNotConfigured,

    /// <summary>From a third-party repository that has no packages for some target architectures (or whose sources line excludes them).</summary>
    ThirdPartyMissingArchitectures,

    /// <summary>The index has no data for this release or for any of the target architectures: nothing was checked.</summary>
    NotChecked,
}

/// <summary>The answer of <see cref="PackageAdvisor.Check"/>: the verdict, and the words for a finding or a diagnosis.</summary>
/// <param name="MissingOn">The target architectures where the install fails.</param>
/// <param name="Suggestions">Packages to install instead (replacements, nearest names, a provider to choose).</param>
/// <param name="Message">One line: what is wrong ("Debian bookworm has no package libavcodec58 ..."); empty when nothing is.</param>
/// <param name="Advice">What to do; empty when nothing is wrong.</param>
public sealed record PackageCheck(
    string Package,
    string Release,
    PackageVerdict Verdict,
    ArchSet Targets,
    ArchSet MissingOn,
    PackageComponent Component,
    IReadOnlyList<string> Suggestions,
    ThirdPartyRepository? Repository,
    string Message,
    string Advice)
{
    public bool IsProblem => Verdict is not (PackageVerdict.Available or PackageVerdict.Virtual or PackageVerdict.FromThirdParty or PackageVerdict.NotChecked);
}
