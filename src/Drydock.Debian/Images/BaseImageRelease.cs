namespace Drydock.Debian.Images;

/// <summary>What kind of system a base image is, as far as apt package checks go.</summary>
public enum BaseImageFamily
{
    /// <summary>A Debian release Drydock can name (see <see cref="BaseImageRelease.Codename"/>).</summary>
    Debian,

    /// <summary>Ubuntu: apt, but Ubuntu's archive is not indexed here; not checked.</summary>
    Ubuntu,

    /// <summary>Alpine (apk), Red Hat UBI, Windows...: not apt at all; not checked.</summary>
    OtherDistribution,

    /// <summary>FROM scratch: there is no package manager.</summary>
    Scratch,

    /// <summary>An image Drydock has no knowledge of, or a tag too vague to name one release.</summary>
    Unknown,
}

/// <summary>How Drydock knows the release.</summary>
public enum ReleaseCertainty
{
    /// <summary>The tag names it (-bookworm, -slim-trixie, debian:12).</summary>
    Named,

    /// <summary>A bare or -slim tag of a version still built: it follows Debian stable, which changed on a known date.</summary>
    FollowsStable,

    /// <summary>A version no longer built: frozen on the release of its last build.</summary>
    Frozen,

    /// <summary>Not known: see the explanation.</summary>
    None,
}

/// <summary>The distribution release a FROM image runs, and how Drydock knows it.</summary>
/// <param name="Image">The image reference as resolved (ARGs expanded).</param>
/// <param name="Codename">The Debian codename when <paramref name="Family"/> is Debian and the release is known.</param>
/// <param name="Explanation">One sentence for messages: "python:3.11-slim follows Debian stable: trixie since 2025-08-09".</param>
/// <param name="PreviousCodename">For <see cref="ReleaseCertainty.FollowsStable"/>, the release the tag followed before its last change.</param>
public sealed record BaseImageRelease(
    string Image,
    BaseImageFamily Family,
    string? Codename,
    ReleaseCertainty Certainty,
    string Explanation,
    string? PreviousCodename = null)
{
    /// <summary>True when the packages of this image can be checked against the Debian index.</summary>
    public bool IsCheckable => Family == BaseImageFamily.Debian && Codename is not null;
}
