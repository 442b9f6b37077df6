using Drydock.Containers;

namespace Drydock.Compose.Model;

/// <summary>An image reference split as the engine does: [registry/]repository[:tag][@digest].</summary>
public sealed record ImageName(string? Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>Docker Hub's official images live in "library/": a repository without a '/' and no registry.</summary>
    public bool IsDockerHubLibrary => Registry is null && !Repository.Contains('/', StringComparison.Ordinal);

    public static ImageName Parse(string reference)
    {
        var (registry, rest, tag, digest) = ImageReferenceParts.Split(reference.Trim());
        if (registry is "docker.io" or "index.docker.io")
        {
            registry = null;
            if (rest.StartsWith("library/", StringComparison.Ordinal))
            {
                rest = rest["library/".Length..];
            }
        }

        return new ImageName(registry, rest, tag, digest);
    }
}
