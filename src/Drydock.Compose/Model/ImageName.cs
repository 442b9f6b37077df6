namespace Drydock.Compose.Model;

/// <summary>An image reference split as the engine does: [registry/]repository[:tag][@digest].</summary>
public sealed record ImageName(string? Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>Docker Hub's official images live in "library/": a repository without a '/' and no registry.</summary>
    public bool IsDockerHubLibrary => Registry is null && !Repository.Contains('/', StringComparison.Ordinal);

    public static ImageName Parse(string reference)
    {
        string rest = reference.Trim();
        string? digest = null;
        int at = rest.IndexOf('@');
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
        }

        string? registry = null;
        int slash = rest.IndexOf('/');
        if (slash > 0)
        {
            string first = rest[..slash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            {
                registry = first;
                rest = rest[(slash + 1)..];
            }
        }

        string? tag = null;
        int colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
        }

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
