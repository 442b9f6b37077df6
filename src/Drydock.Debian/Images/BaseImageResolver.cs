namespace Drydock.Debian.Images;

/// <summary>
/// Names the distribution release of a FROM image from its reference alone (no registry access):
/// explicit codename suffixes, bare and -slim tags that follow Debian stable (which moved on known dates),
/// version tags frozen on the release of their last build, and Ubuntu/Alpine bases that are not checked.
/// </summary>
public sealed class BaseImageResolver
{
    private static readonly string[] MirrorPrefixes = ["docker.io/", "index.docker.io/", "registry-1.docker.io/", "public.ecr.aws/docker/", "mirror.gcr.io/"];

    private readonly BaseImageKnowledge knowledge;
    private readonly TimeProvider clock;

    public BaseImageResolver(TimeProvider? clock = null)
        : this(BaseImageKnowledge.Shared, clock ?? TimeProvider.System)
    {
    }

    internal BaseImageResolver(BaseImageKnowledge knowledge, TimeProvider clock)
    {
        this.knowledge = knowledge;
        this.clock = clock;
    }

    /// <summary>Resolves <paramref name="image"/> (variables already expanded) as of today.</summary>
    public BaseImageRelease Resolve(string image)
    {
        string reference = image.Trim();
        if (reference.Length == 0 || reference.Contains('$', StringComparison.Ordinal))
        {
            return Unknown(reference, $"the image reference '{reference}' is not fully known (an unresolved variable)");
        }

        if (string.Equals(reference, "scratch", StringComparison.OrdinalIgnoreCase))
        {
            return new BaseImageRelease(reference, BaseImageFamily.Scratch, null, ReleaseCertainty.None, "FROM scratch has no package manager");
        }

        var (repository, tag) = Split(reference);
        string[] words = tag.Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (OfficialName(repository) is not { } name)
        {
            return Unknown(reference, $"{reference} is not an official image Drydock knows the distribution of; its packages are not checked");
        }

        knowledge.Images.TryGetValue(name, out var entry);
        if (DistributionWord(reference, words) is { } named)
        {
            return named;
        }

        if (entry is null)
        {
            return Unknown(reference, $"{name} is not an image Drydock knows the distribution of; its packages are not checked");
        }

        switch (entry.Family)
        {
            case "ubuntu":
                return new BaseImageRelease(reference, BaseImageFamily.Ubuntu, null, ReleaseCertainty.None,
                    $"{reference} is Ubuntu-based; Ubuntu's package index is not included, so its packages are not checked");
            case "alpine":
                return new BaseImageRelease(reference, BaseImageFamily.OtherDistribution, null, ReleaseCertainty.None,
                    $"{reference} is Alpine Linux (apk), not checked against Debian");
            case "vague":
                return Unknown(reference, $"{reference}: too vague to tell the Debian release ({entry.Source})");
            default:
                break;
        }

        string first = words.Length > 0 ? words[0] : "latest";
        if (CodenameTag(reference, entry, first) is { } aliased)
        {
            return aliased;
        }

        bool versioned = first.Length > 0 && char.IsAsciiDigit(first[0]);
        if (versioned && entry.Frozen.FirstOrDefault(rule => rule.Matches(first)) is { } frozen)
        {
            return new BaseImageRelease(reference, BaseImageFamily.Debian, frozen.Value, ReleaseCertainty.Frozen,
                $"{reference} is no longer rebuilt; its last images were Debian {frozen.Value} ({frozen.Source})");
        }

        if (versioned && entry.Vague.FirstOrDefault(rule => rule.Matches(first)) is { } vague)
        {
            return Unknown(reference, $"{reference}: too vague to tell the Debian release: {vague.Value}");
        }

        return FollowsStable(reference);
    }

    private BaseImageRelease FollowsStable(string reference)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (current, previous) = knowledge.StableOn(today);
        string before = previous is null ? "" : $"; it was {previous.Codename} before";
        return new BaseImageRelease(reference, BaseImageFamily.Debian, current.Codename, ReleaseCertainty.FollowsStable,
            $"{reference} follows Debian stable: {current.Codename} since {current.StableFrom:yyyy-MM-dd}{before}",
            previous?.Codename);
    }

    private BaseImageRelease? DistributionWord(string reference, string[] words)
    {
        foreach (string word in words)
        {
            if (knowledge.Release(word) is { } release)
            {
                string major = release.Major is { } number ? $" ({number})" : "";
                return new BaseImageRelease(reference, BaseImageFamily.Debian, release.Codename, ReleaseCertainty.Named, $"{reference} names Debian {release.Codename}{major}");
            }

            if (knowledge.UbuntuCodenames.Contains(word))
            {
                return new BaseImageRelease(reference, BaseImageFamily.Ubuntu, null, ReleaseCertainty.None,
                    $"{reference} names Ubuntu {word}; Ubuntu's package index is not included, so its packages are not checked");
            }

            string family = word.StartsWith("alpine", StringComparison.Ordinal) ? "alpine" : word;
            if (knowledge.OtherDistributions.TryGetValue(family, out string? other))
            {
                return new BaseImageRelease(reference, BaseImageFamily.OtherDistribution, null, ReleaseCertainty.None,
                    $"{reference} is {other}, which is not checked against Debian");
            }
        }

        return null;
    }

    private BaseImageRelease? CodenameTag(string reference, ImageEntry entry, string first)
    {
        string major = first.Split('.')[0];
        if (!entry.CodenameTags.TryGetValue(first, out string? codename) && !entry.CodenameTags.TryGetValue(major, out codename))
        {
            return first == "latest" && entry.CodenameTags.Count > 0 ? FollowsStable(reference) : null;
        }

        if (codename == "stable")
        {
            return FollowsStable(reference);
        }

        if (codename == "oldstable")
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var (_, previous) = knowledge.StableOn(today);
            return previous is null ? null : new BaseImageRelease(reference, BaseImageFamily.Debian, previous.Codename, ReleaseCertainty.FollowsStable,
                $"{reference} follows Debian oldstable: {previous.Codename}");
        }

        return new BaseImageRelease(reference, BaseImageFamily.Debian, codename, ReleaseCertainty.Named, $"{reference} names Debian {codename}");
    }

    private static (string Repository, string Tag) Split(string reference)
    {
        int at = reference.IndexOf('@', StringComparison.Ordinal);
        string withoutDigest = at < 0 ? reference : reference[..at];
        int slash = withoutDigest.LastIndexOf('/');
        int colon = withoutDigest.LastIndexOf(':');
        return colon > slash
            ? (withoutDigest[..colon], withoutDigest[(colon + 1)..])
            : (withoutDigest, "latest");
    }

    private static string? OfficialName(string repository)
    {
        string name = repository.ToLowerInvariant();
        foreach (string prefix in MirrorPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name[prefix.Length..];
                break;
            }
        }

        if (name.StartsWith("library/", StringComparison.Ordinal))
        {
            name = name["library/".Length..];
        }

        return name.Contains('/', StringComparison.Ordinal) ? null : name;
    }

    private static BaseImageRelease Unknown(string reference, string explanation) =>
        new(reference, BaseImageFamily.Unknown, null, ReleaseCertainty.None, explanation);
}
