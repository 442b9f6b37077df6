using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Model;

namespace Drydock.Image.Analysis;

/// <summary>A rule over one platform of an image: its config, merged filesystem and resolved commands.</summary>
public interface IPlatformRule
{
    RuleDescriptor Descriptor { get; }

    void Check(PlatformContext context, FindingSink sink);
}

/// <summary>A rule over the image as a whole: its index, its platforms side by side, the host.</summary>
public interface IImageRule
{
    RuleDescriptor Descriptor { get; }

    void Check(ImageContext context, FindingSink sink);
}

public sealed record ImageContext(ImageInspection Image, ImageOptions Options)
{
    /// <summary>The Dockerfile, stage and compose service the image was matched to; null without <c>--repo</c>.</summary>
    public Matching.RepositoryMatch? Repository { get; init; }

    public SourceLocation Location() => new(Image.Reference);
}

public sealed record PlatformContext(ImageInspection Image, PlatformInspection Platform, ImageOptions Options)
{
    public ImageConfig Config => Platform.Config!;

    public LayeredFileSystem FileSystem => Platform.FileSystem!;

    /// <summary>"REF [linux/arm64]" or "REF [linux/arm64] /usr/local/bin/python": where image findings point.</summary>
    public SourceLocation Location(string? imagePath = null) =>
        new(imagePath is null ? $"{Image.Reference} [{Platform.Label}]" : $"{Image.Reference} [{Platform.Label}] {imagePath}");
}
