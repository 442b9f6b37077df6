namespace Drydock.Debian.Index;

/// <summary>The archive component a package lives in. Debian's Docker images enable only main.</summary>
public enum PackageComponent
{
    /// <summary>The name is only virtual (other packages provide it); no component of its own.</summary>
    None,
    Main,
    Contrib,
    NonFree,
    NonFreeFirmware,
}

/// <summary>A Debian release as the index covers it.</summary>
/// <param name="Codename">bullseye, bookworm, trixie...</param>
/// <param name="Major">11, 12, 13...</param>
/// <param name="PointVersion">The point release the data was taken from (12.15).</param>
/// <param name="IndexDate">The date of the Release file the data came from (yyyy-MM-dd).</param>
/// <param name="Architectures">The architectures the index has data for in this release.</param>
public sealed record DebianRelease(string Codename, int Major, string PointVersion, string IndexDate, ArchSet Architectures)
{
    internal int Column { get; init; }
}

/// <summary>What one release knows of one package name.</summary>
/// <param name="Component">Where the real package lives; <see cref="PackageComponent.None"/> for a purely virtual name.</param>
/// <param name="RealArchitectures">Architectures with a real package of this name ("Architecture: all" counts as every one).</param>
/// <param name="ProvidedArchitectures">Architectures where some other package Provides the name.</param>
/// <param name="Providers">For a purely virtual name, the first providers (sorted); <see cref="MoreProviders"/> counts the rest.</param>
public sealed record PackageRecord(
    string Name,
    PackageComponent Component,
    ArchSet RealArchitectures,
    ArchSet ProvidedArchitectures,
    IReadOnlyList<string> Providers,
    int MoreProviders)
{
    public bool IsVirtualOnly => RealArchitectures.IsEmpty;

    /// <summary>Architectures where `apt-get install NAME` can find something (real or provided).</summary>
    public ArchSet InstallableArchitectures => RealArchitectures.Union(ProvidedArchitectures);
}

public static class PackageComponents
{
    public static string ToName(this PackageComponent component) => component switch
    {
        PackageComponent.Main => "main",
        PackageComponent.Contrib => "contrib",
        PackageComponent.NonFree => "non-free",
        PackageComponent.NonFreeFirmware => "non-free-firmware",
        _ => "none",
    };
}
