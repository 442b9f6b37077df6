using System.Numerics;

namespace Drydock.Debian.Index;

/// <summary>
/// A set of Debian architectures, as a bit mask in the order of <see cref="Names"/> (the order of the
/// index file's "arches" line, checked when the index loads).
/// </summary>
public readonly record struct ArchSet(int Mask)
{
    /// <summary>Debian architecture names, in bit order.</summary>
    public static readonly IReadOnlyList<string> Names = ["amd64", "arm64", "armhf", "armel", "i386", "ppc64el", "s390x", "riscv64"];

    public static ArchSet None => new(0);

    public static ArchSet Amd64 => Of("amd64");

    public static ArchSet Arm64 => Of("arm64");

    public bool IsEmpty => Mask == 0;

    public int Count => BitOperations.PopCount((uint)Mask);

    public static ArchSet Of(params ReadOnlySpan<string> architectures)
    {
        int mask = 0;
        foreach (string name in architectures)
        {
            int bit = IndexOf(name);
            if (bit < 0)
            {
                throw new ArgumentException($"'{name}' is not a Debian architecture Drydock indexes", nameof(architectures));
            }

            mask |= 1 << bit;
        }

        return new ArchSet(mask);
    }

    /// <summary>The Debian architecture of a Docker/OCI platform ("linux/arm64", "linux/arm/v7"), or null.</summary>
    public static string? DebianArchitectureOf(string platform)
    {
        string value = platform.Trim().ToLowerInvariant();
        if (value.StartsWith("linux/", StringComparison.Ordinal))
        {
            value = value["linux/".Length..];
        }

        return value switch
        {
            "amd64" or "x86_64" or "amd64/v2" or "amd64/v3" or "amd64/v4" => "amd64",
            "arm64" or "arm64/v8" or "aarch64" => "arm64",
            "arm" or "arm/v7" or "armhf" => "armhf",
            "arm/v6" or "arm/v5" or "armel" => "armel",
            "386" or "i386" => "i386",
            "ppc64le" or "ppc64el" => "ppc64el",
            "s390x" => "s390x",
            "riscv64" => "riscv64",
            _ => null,
        };
    }

    public static ArchSet FromPlatforms(IEnumerable<string> platforms)
    {
        int mask = 0;
        foreach (string platform in platforms)
        {
            if (DebianArchitectureOf(platform) is { } arch)
            {
                mask |= 1 << IndexOf(arch);
            }
        }

        return new ArchSet(mask);
    }

    public bool Contains(string architecture)
    {
        int bit = IndexOf(architecture);
        return bit >= 0 && (Mask & (1 << bit)) != 0;
    }

    public ArchSet Union(ArchSet other) => new(Mask | other.Mask);

    public ArchSet Intersect(ArchSet other) => new(Mask & other.Mask);

    public ArchSet Except(ArchSet other) => new(Mask & ~other.Mask);

    public bool IsSubsetOf(ArchSet other) => (Mask & ~other.Mask) == 0;

    public IEnumerable<string> Architectures()
    {
        for (int bit = 0; bit < Names.Count; bit++)
        {
            if ((Mask & (1 << bit)) != 0)
            {
                yield return Names[bit];
            }
        }
    }

    public override string ToString() => IsEmpty ? "none" : string.Join(", ", Architectures());

    private static int IndexOf(string architecture)
    {
        for (int i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], architecture, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
