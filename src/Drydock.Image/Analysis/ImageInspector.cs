using System.Text.Json;
using Drydock.Image.Model;
using Drydock.Image.Parsing;
using Drydock.Image.Sources;

namespace Drydock.Image.Analysis;

/// <summary>
/// Reads an image from a source: the index, then per platform the manifest, the config and every layer, streamed
/// once (decompressed, digest-checked, applied to the merged filesystem). Failures become <see cref="ImageProblem"/>s,
/// never exceptions. <paramref name="perPlatform"/> runs while a platform's filesystem is held, which is released after.
/// </summary>
public static class ImageInspector
{
    private const int ExecutableHeadBytes = 4096;
    private const int AccountFileHeadBytes = 64 * 1024;
    private const int SecretFileHeadBytes = 16 * 1024;

    public static ImageInspection Inspect(ImageSource source, ImageOptions options, Action<PlatformInspection>? perPlatform = null)
    {
        var inspection = new ImageInspection { Reference = source.Reference };
        ImageRoot root;
        try
        {
            root = source.ReadRoot();
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            inspection.Problems.Add(ToProblem(e));
            inspection.Notes.AddRange(source.Notes);
            return inspection;
        }

        var platforms = new List<(ImagePlatform? Platform, Descriptor? Descriptor, ImageManifest? Manifest)>();
        if (root.Index is { } index)
        {
            inspection.Index = index;
            inspection.TopMediaType = index.MediaType;
            foreach (var descriptor in index.Manifests.Where(d => !IsAttestation(d)))
            {
                platforms.Add((descriptor.Platform, descriptor, null));
            }
        }
        else
        {
            inspection.TopMediaType = root.Manifest!.MediaType;
            platforms.Add((null, root.Descriptor, root.Manifest));
        }

        if (options.Platform is { } wanted)
        {
            var chosen = platforms.Where(p => p.Platform is null || p.Platform.Satisfies(wanted)).ToList();
            if (chosen.Count == 0)
            {
                string available = string.Join(", ", platforms.Select(p => p.Platform?.ToString()).OfType<string>());
                inspection.Problems.Add(new ImageProblem(ImageProblemKind.PlatformNotFound, $"the image has no {wanted} variant; it has {available}"));
            }

            platforms = chosen;
        }

        foreach (var (platform, descriptor, manifest) in platforms)
        {
            var inspected = new PlatformInspection { IndexPlatform = platform, ManifestDescriptor = descriptor, Manifest = manifest };
            inspection.Platforms.Add(inspected);
            InspectPlatform(source, inspected, options);
            if (inspected.Config is not null && options.Platform is { } requested && platform is null && !inspected.Config.Platform.Satisfies(requested))
            {
                inspection.Problems.Add(new ImageProblem(ImageProblemKind.PlatformNotFound, $"the image is {inspected.Config.Platform}, not {requested}"));
            }

            try
            {
                perPlatform?.Invoke(inspected);
            }
            finally
            {
                Summarize(inspected);
                inspected.FileSystem = null;
            }
        }

        inspection.Notes.AddRange(source.Notes);
        return inspection;
    }

    private static bool IsAttestation(Descriptor descriptor) =>
        descriptor.Annotations.TryGetValue("vnd.docker.reference.type", out string? type) && type == "attestation-manifest"
        || descriptor.Platform is { Os: "unknown", Architecture: "unknown" };

    private static void InspectPlatform(ImageSource source, PlatformInspection platform, ImageOptions options)
    {
        try
        {
            if (platform.Manifest is null)
            {
                var child = source.ReadChild(platform.ManifestDescriptor!);
                platform.Manifest = child.Manifest ?? throw new ImageReadException($"{platform.ManifestDescriptor!.Digest} is a nested index; only one level of index is supported");
            }

            byte[] configBytes = source.ReadDocument(platform.Manifest.Config);
            using (var document = Json.TryParse(configBytes, out string? error) ?? throw new ImageReadException($"config {platform.Manifest.Config.Digest} is not valid JSON: {error}"))
            {
                platform.Config = ImageConfig.Parse(document.RootElement) ?? throw new ImageReadException($"config {platform.Manifest.Config.Digest} is not a JSON object");
            }

            var builder = new FileSystemBuilder(HeadPolicy);
            var history = platform.Config.History.Where(entry => !entry.EmptyLayer).Select(entry => entry.CreatedBy).ToList();
            for (int i = 0; i < platform.Manifest.Layers.Count; i++)
            {
                var layer = platform.Manifest.Layers[i];
                options.Progress?.Report(new ImageProgress(platform.IndexPlatform, i + 1, platform.Manifest.Layers.Count, layer.Size));
                string? diffId = i < platform.Config.DiffIds.Count ? platform.Config.DiffIds[i] : null;
                platform.Layers.Add(ReadLayer(source, builder, i, layer, diffId, i < history.Count ? history[i] : "", options.Limits));
            }

            if (platform.Config.DiffIds.Count != platform.Manifest.Layers.Count && platform.Config.DiffIds.Count > 0)
            {
                platform.Problems.Add(new ImageProblem(ImageProblemKind.Unreadable, $"the manifest lists {platform.Manifest.Layers.Count} layers but the config's rootfs.diff_ids lists {platform.Config.DiffIds.Count}"));
            }

            platform.FileSystem = builder.FileSystem;
            platform.LayerProblems.AddRange(builder.Problems);
            platform.Waste.AddRange(builder.Waste);
            platform.TotalFileBytes = builder.TotalFileBytes;
            platform.HeadsTruncated = builder.HeadsTruncated;
            var wastedByLayer = builder.Waste.GroupBy(copy => copy.Layer).ToDictionary(group => group.Key, group => group.Sum(copy => copy.Bytes));
            for (int i = 0; i < platform.Layers.Count; i++)
            {
                platform.Layers[i] = platform.Layers[i] with { WastedBytes = wastedByLayer.GetValueOrDefault(i) };
            }

            var resolver = new CommandResolver(builder.FileSystem, platform.Config);
            platform.Entrypoint = resolver.Resolve(CommandResolver.Argv(platform.Config));
            if (HealthcheckArgv(platform.Config) is { } healthArgv)
            {
                platform.Healthcheck = resolver.Resolve(healthArgv);
            }
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            platform.Problems.Add(ToProblem(e));
            platform.FileSystem = null;
        }
    }

    /// <summary>The argv the runtime runs for a healthcheck; null when there is none or it is disabled.</summary>
    public static IReadOnlyList<string>? HealthcheckArgv(ImageConfig config)
    {
        var test = config.Healthcheck?.Test;
        if (test is null || test.Count == 0)
        {
            return null;
        }

        return test[0] switch
        {
            "CMD" when test.Count > 1 => [.. test.Skip(1)],
            "CMD-SHELL" when test.Count > 1 => ["/bin/sh", "-c", test[1]],
            _ => null,
        };
    }

    private static LayerInfo ReadLayer(ImageSource source, FileSystemBuilder builder, int index, Descriptor layer, string? diffId, string createdBy, DecompressionLimits limits)
    {
        using var raw = source.OpenVerified(layer);
        try
        {
            return ReadLayerStream(raw, builder, index, layer, diffId, createdBy, limits);
        }
        catch (Exception e) when (e is InvalidDataException or ZstdSharp.ZstdException)
        {
            // Corrupt compressed data is most often a damaged blob: when the digest disagrees, say that instead.
            raw.DrainAndVerify();
            throw new ImageReadException($"layer {index + 1} ({layer.Digest}) is not valid {layer.MediaType} data: {e.Message}");
        }
    }

    private static LayerInfo ReadLayerStream(DigestVerifyingStream raw, FileSystemBuilder builder, int index, Descriptor layer, string? diffId, string createdBy, DecompressionLimits limits)
    {
        var (tar, compression) = LayerStreams.OpenTar(raw, () => raw.BytesRead, layer.MediaType, limits, $"layer {index + 1} ({layer.Digest})");
        using (tar)
        {
            using var uncompressed = diffId is not null && Descriptor.IsValidDigest(diffId) ? new DigestVerifyingStream(tar, diffId, -1) : null;
            var reader = new TarStreamReader((Stream?)uncompressed ?? tar);
            var applied = builder.Apply(index, reader);
            if (reader.Problem is { } problem)
            {
                throw new ImageReadException($"layer {index + 1} ({layer.Digest}): {problem.Message} at byte {problem.Offset} of its tar stream");
            }

            // Read to the very end so that both digests are checked, whatever trails the tar's end marker.
            uncompressed?.DrainAndVerify();
            raw.DrainAndVerify();
            return new LayerInfo(index, layer.Digest, layer.MediaType, compression, raw.BytesRead, applied.UncompressedBytes, applied.FileBytes, applied.Entries, createdBy);
        }
    }

    /// <summary>Which files' first bytes are worth keeping: executables, account files, well-known secret files.</summary>
    private static int HeadPolicy(string path, TarEntry entry)
    {
        if (path is "etc/passwd" or "etc/group")
        {
            return AccountFileHeadBytes;
        }

        string name = path[(path.LastIndexOf('/') + 1)..];
        foreach (var rule in ImageKnowledge.SecretFiles)
        {
            if (rule.Name == name)
            {
                return SecretFileHeadBytes;
            }
        }

        return (entry.Mode & 0b001_001_001) != 0 ? ExecutableHeadBytes : 0;
    }

    private static void Summarize(PlatformInspection platform)
    {
        if (platform.FileSystem is not { } fileSystem)
        {
            return;
        }

        var files = new PriorityQueue<SizedPath, long>();
        var folders = new Dictionary<FsNode, long>();
        foreach (var node in fileSystem.Root.Descendants())
        {
            if (node.Kind != FsNodeKind.File || node.StoredBytes == 0)
            {
                continue;
            }

            files.Enqueue(new SizedPath(node.Path, node.StoredBytes), node.StoredBytes);
            if (files.Count > 10)
            {
                files.Dequeue();
            }

            for (var parent = node.Parent; parent?.Parent is not null; parent = parent.Parent)
            {
                folders[parent] = folders.GetValueOrDefault(parent) + node.StoredBytes;
            }
        }

        var largest = new List<SizedPath>();
        while (files.Count > 0)
        {
            largest.Add(files.Dequeue());
        }

        largest.Reverse();
        platform.LargestFiles = largest;
        platform.LargestFolders = [.. folders.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key.Path, StringComparer.Ordinal).Take(10).Select(pair => new SizedPath(pair.Key.Path, pair.Value))];
    }

    private static bool IsReadFailure(Exception e) =>
        e is ImageReadException or IOException or InvalidDataException or JsonException or UnauthorizedAccessException or ZstdSharp.ZstdException or HttpRequestException or NotSupportedException;

    private static ImageProblem ToProblem(Exception e) => e switch
    {
        ImageReadException { Failure: ImageReadFailure.DigestMismatch } => new ImageProblem(ImageProblemKind.DigestMismatch, e.Message),
        ImageReadException => new ImageProblem(ImageProblemKind.Unreadable, e.Message),
        InvalidDataException => new ImageProblem(ImageProblemKind.Unreadable, "a layer is not valid compressed data: " + e.Message),
        _ => new ImageProblem(ImageProblemKind.Unreadable, $"{e.GetType().Name}: {e.Message}"),
    };
}
