using Drydock.Compose.Model;

namespace Drydock.CrossFile.Platforms;

/// <summary>
/// The platforms compose builds each Dockerfile for: a built service's <c>build.platforms</c> entries and its
/// <c>platform</c> (compose builds the image for the platform the service runs on). Services that pull, build from a
/// remote context or an inline Dockerfile are not sites; a value with a variable in it is unknown.
/// </summary>
internal static class ComposePlatformSites
{
    public static IEnumerable<PlatformSite> Of(ComposeSet compose)
    {
        foreach (var stack in compose.Stacks)
        {
            foreach (var service in stack.Services)
            {
                if (service.Build is not { IsRemoteContext: false, DockerfileInline: null, ContextPath: not null, DockerfilePath: { } dockerfile } build)
                {
                    continue;
                }

                if (service.Platform is { } platform)
                {
                    yield return Site(dockerfile, PlatformSiteKind.ComposePlatform, $"'platform' of compose service '{service.Name}'", platform);
                }

                foreach (var entry in build.Platforms)
                {
                    yield return Site(dockerfile, PlatformSiteKind.ComposeBuildPlatforms, $"'build.platforms' of compose service '{service.Name}'", entry);
                }
            }
        }
    }

    private static PlatformSite Site(string dockerfile, PlatformSiteKind kind, string description, ComposeValue value)
    {
        bool known = value.IsScalar && !value.IsInterpolated && !string.IsNullOrWhiteSpace(value.Value);
        return new PlatformSite(dockerfile, kind, value.Location, description, known ? [value.Value!.Trim()] : [], known);
    }
}
