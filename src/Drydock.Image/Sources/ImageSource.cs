using System.Text.Json;
using Drydock.Image.Model;

namespace Drydock.Image.Sources;

/// <summary>The top of an image as a source holds it: an index of platforms, or a single manifest.</summary>
public sealed record ImageRoot(ImageIndex? Index, ImageManifest? Manifest, Descriptor? Descriptor);

/// <summary>
/// Where an image's documents and blobs come from: an OCI layout folder, a docker save archive or a registry.
/// Every read is bounded and verified against its digest; layer blobs are streamed, never held whole.
/// </summary>
public abstract class ImageSource : IDisposable
{
    /// <summary>Manifests, indexes and configs larger than this are refused (real ones are a few KB).</summary>
    public const int MaxDocumentBytes = 8 << 20;

    /// <summary>How the user named the image, for locations and messages.</summary>
    public abstract string Reference { get; }

    /// <summary>Things the reader had to choose or could not honour (several images in an archive, a tag not found).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Names the chosen image carries in the source (docker save RepoTags, OCI ref.name annotations), for --repo matching.</summary>
    public List<string> Names { get; } = [];

    public abstract ImageRoot ReadRoot();

    /// <summary>The raw bytes of a blob (still compressed for layers). Callers verify with <see cref="OpenVerified"/>.</summary>
    protected abstract Stream OpenRaw(Descriptor descriptor);

    /// <summary>A blob's bytes, checked against the descriptor's digest and size as they are read.</summary>
    public DigestVerifyingStream OpenVerified(Descriptor descriptor) => new(OpenRaw(descriptor), descriptor.Digest, descriptor.Size);

    /// <summary>A small document (manifest, index, config), read whole and verified.</summary>
    public virtual byte[] ReadDocument(Descriptor descriptor)
    {
        if (descriptor.Size > MaxDocumentBytes)
        {
            throw new ImageReadException($"{descriptor.MediaType} {descriptor.Digest} declares {descriptor.Size} bytes; documents over {MaxDocumentBytes} bytes are refused", ImageReadFailure.TooLarge);
        }

        using var stream = OpenVerified(descriptor);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxDocumentBytes)
            {
                throw new ImageReadException($"{descriptor.Digest} is larger than {MaxDocumentBytes} bytes: refused", ImageReadFailure.TooLarge);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Reads the manifest a descriptor (from an index) points at.</summary>
    public ImageRoot ReadChild(Descriptor descriptor) => ParseRoot(ReadDocument(descriptor), descriptor.MediaType, descriptor);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Parses an index or a manifest, telling them apart by media type or, failing that, by shape.</summary>
    protected static ImageRoot ParseRoot(byte[] bytes, string mediaTypeHint, Descriptor? descriptor)
    {
        using var document = Json.TryParse(bytes, out string? error)
            ?? throw new ImageReadException($"{Describe(descriptor)} is not valid JSON: {error}");
        var root = document.RootElement;
        string mediaType = Json.String(root, "mediaType");
        if (mediaType.Length == 0)
        {
            mediaType = mediaTypeHint;
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("schemaVersion", out var schema) && schema.TryGetInt32(out int version) && version == 1)
        {
            throw new ImageReadException($"{Describe(descriptor)} is a Docker schema 1 manifest, which is deprecated and not supported; push the image again with a current client");
        }

        if (MediaTypes.IsIndex(mediaType) || (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("manifests", out _)))
        {
            var index = ImageIndex.Parse(root, MediaTypes.IsIndex(mediaType) ? mediaType : MediaTypes.OciIndex)
                ?? throw new ImageReadException($"{Describe(descriptor)} is not a valid image index");
            return new ImageRoot(index, null, descriptor);
        }

        var manifest = ImageManifest.Parse(root, MediaTypes.IsManifest(mediaType) ? mediaType : MediaTypes.OciManifest)
            ?? throw new ImageReadException($"{Describe(descriptor)} is neither an image index nor a manifest with a config and layers");
        return new ImageRoot(null, manifest, descriptor);
    }

    protected static string Describe(Descriptor? descriptor) => descriptor is null ? "the image's top document" : $"{descriptor.MediaType} {descriptor.Digest}";

    private static IEnumerable<string> NamesOf(Descriptor descriptor) =>
        new[] { "io.containerd.image.name", "org.opencontainers.image.ref.name" }
            .Select(key => descriptor.Annotations.TryGetValue(key, out string? name) ? name : null)
            .OfType<string>();

    /// <summary>Chooses the descriptors of an OCI index.json that a tag names (or all when no tag is given).</summary>
    protected ImageRoot ChooseFromLayoutIndex(ImageIndex index, string? tag, string where)
    {
        var candidates = index.Manifests;
        if (tag is not null)
        {
            candidates = [.. index.Manifests.Where(d => d.RefName is { } name && (name == tag || name.EndsWith(":" + tag, StringComparison.Ordinal)))];
            if (candidates.Count == 0)
            {
                string known = string.Join(", ", index.Manifests.Select(d => d.RefName).OfType<string>().Distinct(StringComparer.Ordinal));
                throw new ImageReadException($"{where} has no image tagged '{tag}' (org.opencontainers.image.ref.name); tags present: {(known.Length > 0 ? known : "none")}", ImageReadFailure.NotFound);
            }
        }

        if (candidates.Count == 0)
        {
            throw new ImageReadException($"{where} lists no manifests", ImageReadFailure.NotFound);
        }

        if (candidates.Count == 1 || candidates.All(d => MediaTypes.IsManifest(d.MediaType) && d.Platform is not null))
        {
            Names.AddRange(candidates.SelectMany(NamesOf).Distinct(StringComparer.Ordinal));
        }

        if (candidates.Count == 1)
        {
            return ReadChild(candidates[0]);
        }

        // Several entries: a set of per-platform manifests reads as an index; anything else needs a tag.
        if (candidates.All(d => MediaTypes.IsManifest(d.MediaType) && d.Platform is not null))
        {
            return new ImageRoot(new ImageIndex(MediaTypes.OciIndex, candidates), null, null);
        }

        var first = candidates[0];
        Names.AddRange(NamesOf(first));
        Notes.Add($"{where} holds {candidates.Count} images; inspecting the first ({first.RefName ?? first.Digest}). Name one with :TAG.");
        return ReadChild(first);
    }
}
