using Drydock.Findings;

namespace Drydock.CrossFile.Platforms;

/// <summary>Where a build of a Dockerfile names its platforms.</summary>
public enum PlatformSiteKind
{
    /// <summary>docker/build-push-action's <c>platforms</c> input.</summary>
    BuildPushAction,

    /// <summary><c>docker build --platform</c> or <c>docker buildx build --platform</c> in a workflow <c>run:</c> step.</summary>
    WorkflowCommand,

    /// <summary>A compose service's <c>platform</c>.</summary>
    ComposePlatform,

    /// <summary>A compose service's <c>build.platforms</c> entry.</summary>
    ComposeBuildPlatforms,

    /// <summary><c>docker build --platform</c> or <c>docker buildx build --platform</c> in a Makefile recipe line.</summary>
    MakefileRecipe,
}

/// <summary>
/// One place of the repository that builds a Dockerfile for named platforms: a workflow step, a compose service or a
/// Makefile recipe line.
/// <see cref="Platforms"/> are as written ("linux/amd64"), matrix values substituted; <see cref="IsKnown"/> is false
/// when an expression or a variable leaves some of them unknown (the known ones are still listed).
/// </summary>
public sealed record PlatformSite(
    string DockerfilePath,
    PlatformSiteKind Kind,
    SourceLocation Location,
    string Description,
    IReadOnlyList<string> Platforms,
    bool IsKnown)
{
    /// <summary>The CPU architectures of <see cref="Platforms"/> ("linux/arm64" gives "arm64"), unparseable entries left out.</summary>
    public IReadOnlySet<string> Architectures { get; } = PlatformNames.ArchitecturesOf(Platforms);

    /// <summary>"path:line", for messages.</summary>
    public string Where => Location.Line > 0 ? $"{Location.Path}:{Location.Line}" : Location.Path;
}

/// <summary>Docker/OCI platform strings read as CPU architectures, the way buildx normalises them.</summary>
public static class PlatformNames
{
    /// <summary>
    /// The architecture of a platform: "linux/arm64" and "linux/arm64/v8" give "arm64", "linux/arm/v7" gives "arm",
    /// a bare "amd64" gives itself; aliases (x86_64, aarch64) are normalised. Null for an empty, variable or
    /// unparseable value.
    /// </summary>
    public static string? ArchitectureOf(string platform)
    {
        string value = platform.Trim().ToLowerInvariant();
        if (value.Length == 0 || value.Contains('$', StringComparison.Ordinal) || value.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        string[] parts = value.Split('/');
        string architecture = parts.Length switch
        {
            1 => parts[0],
            _ => parts[1],
        };

        architecture = architecture switch
        {
            "x86_64" or "x86-64" => "amd64",
            "aarch64" => "arm64",
            "armhf" or "armel" => "arm",
            "i386" or "i686" => "386",
            _ => architecture,
        };

        // A single word is an architecture only when it is one buildx knows ("local" and OS names are not).
        bool known = architecture is "amd64" or "arm64" or "arm" or "386" or "ppc64le" or "s390x" or "riscv64" or "mips64le" or "loong64";
        return architecture.Length > 0 && (parts.Length > 1 || known) ? architecture : null;
    }

    public static IReadOnlySet<string> ArchitecturesOf(IEnumerable<string> platforms) =>
        platforms.Select(ArchitectureOf).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>A comma or newline separated platform list, trimmed, empty entries dropped.</summary>
    public static IReadOnlyList<string> SplitList(string value) =>
        value.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
