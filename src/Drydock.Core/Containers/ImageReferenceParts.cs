namespace Drydock.Containers;

/// <summary>
/// An image reference split as the engine and the distribution spec do: <c>[registry/]repository[:tag][@digest]</c>.
/// The first path component is a registry when it holds a '.' or ':' or is <c>localhost</c>. Nothing is checked or
/// normalised here: the Dockerfile and compose models each add their own validation and defaults on top.
/// </summary>
/// <param name="Registry">The registry host as written, null when the reference names none (Docker Hub's implicit one).</param>
/// <param name="Repository">The path without registry, tag or digest: <c>python</c>, <c>library/python</c>, <c>acme/api</c>.</param>
/// <param name="Tag">The text after the last ':' of the last path component, null when there is none.</param>
/// <param name="Digest">The text after '@', null when there is none.</param>
public readonly record struct ImageReferenceParts(string? Registry, string Repository, string? Tag, string? Digest)
{
    public static ImageReferenceParts Split(string reference)
    {
        string rest = reference;
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

        return new ImageReferenceParts(registry, rest, tag, digest);
    }
}
