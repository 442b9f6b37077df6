using Drydock.Containers;

namespace Drydock.Docker.Model;

/// <summary>
/// An image reference split as the distribution spec does: <c>[registry/]repository[:tag][@digest]</c>.
/// The first path component is a registry when it holds a '.' or ':' or is <c>localhost</c>.
/// </summary>
public sealed record ImageReference
{
    public required string Original { get; init; }

    /// <summary>The registry host as written, null for Docker Hub's implicit one.</summary>
    public string? Registry { get; init; }

    /// <summary>The path without registry, tag or digest: <c>python</c>, <c>library/python</c>, <c>acme/api</c>.</summary>
    public required string Repository { get; init; }

    public string? Tag { get; init; }

    public string? Digest { get; init; }

    public bool IsScratch => Registry is null && Repository == "scratch" && Tag is null && Digest is null;

    /// <summary>The registry host, docker.io when implicit.</summary>
    public string Domain => Registry ?? "docker.io";

    /// <summary>The last path component: <c>python</c> for <c>docker.io/library/python:3.12</c>.</summary>
    public string Name => Repository[(Repository.LastIndexOf('/') + 1)..];

    public bool HasTagOrDigest => Tag is not null || Digest is not null;

    public static ImageReference? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.AsSpan().IndexOfAny(" \t\"'$") >= 0)
        {
            return null;
        }

        var (registry, rest, tag, digest) = ImageReferenceParts.Split(text);
        if (rest.Length == 0 || (tag is not null && tag.Length == 0) || (digest is not null && digest.Length == 0))
        {
            return null;
        }

        return new ImageReference { Original = text, Registry = registry, Repository = rest, Tag = tag, Digest = digest };
    }

    public override string ToString() => Original;
}
