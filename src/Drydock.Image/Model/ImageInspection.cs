using Drydock.Image.Analysis;
using Drydock.Image.Sources;

namespace Drydock.Image.Model;

public enum ImageProblemKind
{
    Unreadable,
    DigestMismatch,
    PlatformNotFound,
}

/// <summary>Something that stopped the reading of an image or of one platform of it.</summary>
public sealed record ImageProblem(ImageProblemKind Kind, string Message);

/// <summary>One layer as shipped and as applied, with the history step that made it.</summary>
public sealed record LayerInfo(
    int Index,
    string Digest,
    string MediaType,
    LayerCompression Compression,
    long CompressedSize,
    long UncompressedSize,
    long FileBytes,
    int Entries,
    string CreatedBy)
{
    public long WastedBytes { get; init; }
}

/// <summary>A path and how many bytes it holds (a file, or everything under a folder).</summary>
public sealed record SizedPath(string Path, long Bytes);

/// <summary>One platform of an image: its documents, layers, merged filesystem and what its commands resolve to.</summary>
public sealed class PlatformInspection
{
    /// <summary>The platform the index claims; null for a single-manifest image.</summary>
    public ImagePlatform? IndexPlatform { get; init; }

    public Descriptor? ManifestDescriptor { get; init; }

    public ImageManifest? Manifest { get; set; }

    public ImageConfig? Config { get; set; }

    /// <summary>The merged filesystem while rules run; released afterwards so memory does not grow with platforms.</summary>
    public LayeredFileSystem? FileSystem { get; set; }

    public List<LayerInfo> Layers { get; } = [];

    public List<LayerProblem> LayerProblems { get; } = [];

    public List<ImageProblem> Problems { get; } = [];

    public List<WastedCopy> Waste { get; } = [];

    public long TotalFileBytes { get; set; }

    /// <summary>True when the cap on kept file heads was reached: some formats are unknown, never guessed.</summary>
    public bool HeadsTruncated { get; set; }

    public CommandResolution? Entrypoint { get; set; }

    public CommandResolution? Healthcheck { get; set; }

    public IReadOnlyList<SizedPath> LargestFiles { get; set; } = [];

    public IReadOnlyList<SizedPath> LargestFolders { get; set; } = [];

    /// <summary>The platform rules reason about: the config's, or the index's when the config could not be read.</summary>
    public ImagePlatform? Platform => Config?.Platform is { Architecture.Length: > 0 } configured ? configured : IndexPlatform;

    public string Label => (IndexPlatform ?? Config?.Platform)?.ToString() ?? "image";

    public long CompressedBytes => Layers.Sum(layer => layer.CompressedSize);

    public long UncompressedBytes => Layers.Sum(layer => layer.UncompressedSize);

    public long WastedBytes => Waste.Sum(copy => copy.Bytes);

    /// <summary>Share of shipped file bytes that the container can see: 1 when nothing is overwritten or deleted.</summary>
    public double Efficiency => TotalFileBytes == 0 ? 1 : 1 - ((double)WastedBytes / TotalFileBytes);

    public bool Complete => Problems.Count == 0 && Config is not null;
}

/// <summary>An image as read: where from, its index (if any), its platforms, and what could not be read.</summary>
public sealed class ImageInspection
{
    public required string Reference { get; init; }

    public ImageIndex? Index { get; set; }

    public string TopMediaType { get; set; } = "";

    public List<PlatformInspection> Platforms { get; } = [];

    public List<ImageProblem> Problems { get; } = [];

    public List<string> Notes { get; } = [];
}
