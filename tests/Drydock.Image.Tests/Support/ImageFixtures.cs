using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Drydock.Image.Tests.Support;

/// <summary>One member of a fixture layer.</summary>
public sealed record LayerFile(string Name, byte[] Content, int Mode = 0b110_100_100, TarEntryType Type = TarEntryType.RegularFile, string LinkName = "", int Uid = 0, int Gid = 0)
{
    public static LayerFile Text(string name, string content, int mode = 0b110_100_100) => new(name, Encoding.UTF8.GetBytes(content), mode);

    public static LayerFile Exec(string name, byte[] content) => new(name, content, 0b111_101_101);

    public static LayerFile Dir(string name, int mode = 0b111_101_101, int uid = 0, int gid = 0) => new(name, [], mode, TarEntryType.Directory, Uid: uid, Gid: gid);

    public static LayerFile Symlink(string name, string target) => new(name, [], 0b111_111_111, TarEntryType.SymbolicLink, target);

    public static LayerFile HardLink(string name, string target) => new(name, [], 0b110_100_100, TarEntryType.HardLink, target);
}

public enum Compression
{
    None,
    Gzip,
    Zstd,
}

/// <summary>A fixture layer: its files and how it is compressed.</summary>
public sealed record FixtureLayer(IReadOnlyList<LayerFile> Files, Compression Compression = Compression.Gzip, string CreatedBy = "")
{
    public byte[] Tar()
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var file in Files)
            {
                var entry = new PaxTarEntry(file.Type, file.Name)
                {
                    Mode = (UnixFileMode)file.Mode,
                    Uid = file.Uid,
                    Gid = file.Gid,
                    ModificationTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
                };
                if (file.Type is TarEntryType.SymbolicLink or TarEntryType.HardLink)
                {
                    entry.LinkName = file.LinkName;
                }
                else if (file.Type == TarEntryType.RegularFile)
                {
                    entry.DataStream = new MemoryStream(file.Content);
                }

                writer.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }
}

/// <summary>A fixture image for one platform.</summary>
public sealed record FixtureImage(string Architecture, IReadOnlyList<FixtureLayer> Layers)
{
    public string Os { get; init; } = "linux";

    public string Variant { get; init; } = "";

    /// <summary>The architecture the index lists the manifest under, when it should differ from the config's.</summary>
    public string? ListedAs { get; init; }

    public IReadOnlyList<string> Entrypoint { get; init; } = [];

    public IReadOnlyList<string> Cmd { get; init; } = [];

    public IReadOnlyList<string> Env { get; init; } = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"];

    public string User { get; init; } = "";

    public string WorkingDir { get; init; } = "";

    public IReadOnlyList<string> Volumes { get; init; } = [];

    public IReadOnlyList<string>? Healthcheck { get; init; }

    public IReadOnlyList<string> History { get; init; } = [];

    /// <summary>Config labels (org.opencontainers.image.source, revision, title).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Docker media types (which keep Healthcheck) instead of OCI ones.</summary>
    public bool DockerMediaTypes { get; init; }
}

/// <summary>Writes OCI layouts and docker save archives by hand: tar, gzip/zstd, JSON and sha256, nothing else.</summary>
public static class ImageWriter
{
    public static string Sha256(byte[] data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));

    public static byte[] Compress(byte[] tar, Compression compression)
    {
        switch (compression)
        {
            case Compression.Gzip:
                {
                    using var output = new MemoryStream();
                    using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
                    {
                        gzip.Write(tar);
                    }

                    return output.ToArray();
                }

            case Compression.Zstd:
                using (var compressor = new ZstdSharp.Compressor(3))
                {
                    return compressor.Wrap(tar).ToArray();
                }

            default:
                return tar;
        }
    }

    public sealed record WrittenManifest(string Digest, long Size, string MediaType, string Architecture, string Os, string Variant, byte[] Config, IReadOnlyList<(byte[] Tar, string DiffId)> Layers);

    /// <summary>Writes the blobs of one image into blobs/ and returns its manifest descriptor.</summary>
    public static WrittenManifest WriteImage(string layout, FixtureImage image)
    {
        var layerDescriptors = new List<(string MediaType, string Digest, long Size)>();
        var layers = new List<(byte[], string)>();
        foreach (var layer in image.Layers)
        {
            byte[] tar = layer.Tar();
            byte[] blob = Compress(tar, layer.Compression);
            string digest = WriteBlob(layout, blob);
            string mediaType = image.DockerMediaTypes ? "application/vnd.docker.image.rootfs.diff.tar.gzip"
                : layer.Compression switch
                {
                    Compression.Gzip => "application/vnd.oci.image.layer.v1.tar+gzip",
                    Compression.Zstd => "application/vnd.oci.image.layer.v1.tar+zstd",
                    _ => "application/vnd.oci.image.layer.v1.tar",
                };
            layerDescriptors.Add((mediaType, digest, blob.Length));
            layers.Add((tar, Sha256(tar)));
        }

        byte[] config = Config(image, layers.Select(layer => layer.Item2).ToList());
        string configDigest = WriteBlob(layout, config);
        byte[] manifest = Json(writer =>
        {
            writer.WriteNumber("schemaVersion", 2);
            writer.WriteString("mediaType", image.DockerMediaTypes ? "application/vnd.docker.distribution.manifest.v2+json" : "application/vnd.oci.image.manifest.v1+json");
            writer.WriteStartObject("config");
            writer.WriteString("mediaType", image.DockerMediaTypes ? "application/vnd.docker.container.image.v1+json" : "application/vnd.oci.image.config.v1+json");
            writer.WriteString("digest", configDigest);
            writer.WriteNumber("size", config.Length);
            writer.WriteEndObject();
            writer.WriteStartArray("layers");
            foreach (var (mediaType, digest, size) in layerDescriptors)
            {
                writer.WriteStartObject();
                writer.WriteString("mediaType", mediaType);
                writer.WriteString("digest", digest);
                writer.WriteNumber("size", size);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
        string manifestDigest = WriteBlob(layout, manifest);
        string manifestType = image.DockerMediaTypes ? "application/vnd.docker.distribution.manifest.v2+json" : "application/vnd.oci.image.manifest.v1+json";
        return new WrittenManifest(manifestDigest, manifest.Length, manifestType, image.ListedAs ?? image.Architecture, image.Os, image.Variant, config, layers);
    }

    /// <summary>An OCI layout with one image, or a multi-platform index of several, tagged <paramref name="tag"/>.</summary>
    public static string WriteLayout(string layout, string tag, params FixtureImage[] images)
    {
        Directory.CreateDirectory(Path.Combine(layout, "blobs", "sha256"));
        File.WriteAllText(Path.Combine(layout, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        var manifests = images.Select(image => WriteImage(layout, image)).ToList();
        string topDigest;
        long topSize;
        string topType;
        if (manifests.Count == 1)
        {
            (topDigest, topSize, topType) = (manifests[0].Digest, manifests[0].Size, manifests[0].MediaType);
        }
        else
        {
            byte[] index = Json(writer =>
            {
                writer.WriteNumber("schemaVersion", 2);
                writer.WriteString("mediaType", "application/vnd.oci.image.index.v1+json");
                writer.WriteStartArray("manifests");
                foreach (var manifest in manifests)
                {
                    WriteDescriptor(writer, manifest.MediaType, manifest.Digest, manifest.Size, (manifest.Os, manifest.Architecture, manifest.Variant), null);
                }

                writer.WriteEndArray();
            });
            (topDigest, topSize, topType) = (WriteBlob(layout, index), index.Length, "application/vnd.oci.image.index.v1+json");
        }

        File.WriteAllBytes(Path.Combine(layout, "index.json"), Json(writer =>
        {
            writer.WriteNumber("schemaVersion", 2);
            writer.WriteString("mediaType", "application/vnd.oci.image.index.v1+json");
            writer.WriteStartArray("manifests");
            WriteDescriptor(writer, topType, topDigest, topSize, null, tag);
            writer.WriteEndArray();
        }));
        return layout;
    }

    /// <summary>A legacy docker save tarball (manifest.json, &lt;id&gt;/layer.tar, repositories) or the Docker 25+ form (OCI layout plus manifest.json).</summary>
    public static string WriteDockerSave(string path, string repoTag, FixtureImage image, bool docker25)
    {
        string staging = path + ".d";
        Directory.CreateDirectory(staging);
        using var output = File.Create(path);
        using var writer = new TarWriter(output, TarEntryFormat.Pax);
        var config = Config(image, image.Layers.Select(layer => Sha256(layer.Tar())).ToList());
        string configHex = Sha256(config)[7..];
        var layerPaths = new List<string>();
        void Add(string name, byte[] data) => writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data), Mode = (UnixFileMode)0b110_100_100 });
        if (docker25)
        {
            WriteLayout(staging, repoTag.Split(':')[^1], image);
            foreach (string file in Directory.GetFiles(staging, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                Add(Path.GetRelativePath(staging, file).Replace('\\', '/'), File.ReadAllBytes(file));
            }

            // Docker 25 wrote the layers uncompressed; the fixture keeps the layout's gzip layers and lists them in manifest.json.
            using var manifestDocument = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(staging, "index.json")));
            string manifestDigest = manifestDocument.RootElement.GetProperty("manifests")[0].GetProperty("digest").GetString()!;
            using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(staging, "blobs", "sha256", manifestDigest[7..])));
            configHex = manifest.RootElement.GetProperty("config").GetProperty("digest").GetString()![7..];
            layerPaths.AddRange(manifest.RootElement.GetProperty("layers").EnumerateArray().Select(layer => "blobs/sha256/" + layer.GetProperty("digest").GetString()![7..]));
            Add("manifest.json", Json(writer2 => { }, array: true, body: w =>
            {
                w.WriteStartObject();
                w.WriteString("Config", "blobs/sha256/" + configHex);
                w.WriteStartArray("RepoTags");
                w.WriteStringValue(repoTag);
                w.WriteEndArray();
                w.WriteStartArray("Layers");
                layerPaths.ForEach(w.WriteStringValue);
                w.WriteEndArray();
                w.WriteEndObject();
            }));
        }
        else
        {
            Add(configHex + ".json", config);
            int index = 0;
            foreach (var layer in image.Layers)
            {
                string id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"layer-{index++}")));
                writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, id + "/") { Mode = (UnixFileMode)0b111_101_101 });
                Add(id + "/layer.tar", layer.Tar());
                Add(id + "/VERSION", Encoding.UTF8.GetBytes("1.0"));
                layerPaths.Add(id + "/layer.tar");
            }

            Add("manifest.json", Json(_ => { }, array: true, body: w =>
            {
                w.WriteStartObject();
                w.WriteString("Config", configHex + ".json");
                w.WriteStartArray("RepoTags");
                w.WriteStringValue(repoTag);
                w.WriteEndArray();
                w.WriteStartArray("Layers");
                layerPaths.ForEach(w.WriteStringValue);
                w.WriteEndArray();
                w.WriteEndObject();
            }));
            Add("repositories", Encoding.UTF8.GetBytes($"{{\"{repoTag.Split(':')[0]}\":{{\"{repoTag.Split(':')[1]}\":\"{configHex}\"}}}}"));
        }

        Directory.Delete(staging, recursive: true);
        return path;
    }

    public static string WriteBlob(string layout, byte[] data)
    {
        string digest = Sha256(data);
        string directory = Path.Combine(layout, "blobs", "sha256");
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, digest[7..]), data);
        return digest;
    }

    private static byte[] Config(FixtureImage image, IReadOnlyList<string> diffIds) => Json(writer =>
    {
        writer.WriteString("architecture", image.Architecture);
        writer.WriteString("os", image.Os);
        if (image.Variant.Length > 0)
        {
            writer.WriteString("variant", image.Variant);
        }

        writer.WriteStartObject("config");
        WriteArray(writer, "Env", image.Env);
        if (image.Entrypoint.Count > 0) { WriteArray(writer, "Entrypoint", image.Entrypoint); }
        if (image.Cmd.Count > 0) { WriteArray(writer, "Cmd", image.Cmd); }
        if (image.User.Length > 0) { writer.WriteString("User", image.User); }
        if (image.WorkingDir.Length > 0) { writer.WriteString("WorkingDir", image.WorkingDir); }
        if (image.Volumes.Count > 0)
        {
            writer.WriteStartObject("Volumes");
            foreach (string volume in image.Volumes) { writer.WriteStartObject(volume); writer.WriteEndObject(); }
            writer.WriteEndObject();
        }

        if (image.Labels.Count > 0)
        {
            writer.WriteStartObject("Labels");
            foreach (var (key, value) in image.Labels)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        if (image.Healthcheck is { } test)
        {
            writer.WriteStartObject("Healthcheck");
            WriteArray(writer, "Test", test);
            writer.WriteNumber("Interval", 30_000_000_000);
            writer.WriteNumber("Retries", 3);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("rootfs");
        writer.WriteString("type", "layers");
        WriteArray(writer, "diff_ids", diffIds);
        writer.WriteEndObject();
        writer.WriteStartArray("history");
        for (int i = 0; i < image.Layers.Count; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("created_by", i < image.History.Count ? image.History[i] : image.Layers[i].CreatedBy);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    private static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteDescriptor(Utf8JsonWriter writer, string mediaType, string digest, long size, (string Os, string Arch, string Variant)? platform, string? tag)
    {
        writer.WriteStartObject();
        writer.WriteString("mediaType", mediaType);
        writer.WriteString("digest", digest);
        writer.WriteNumber("size", size);
        if (platform is { } p)
        {
            writer.WriteStartObject("platform");
            writer.WriteString("architecture", p.Arch);
            writer.WriteString("os", p.Os);
            if (p.Variant.Length > 0)
            {
                writer.WriteString("variant", p.Variant);
            }

            writer.WriteEndObject();
        }

        if (tag is not null)
        {
            writer.WriteStartObject("annotations");
            writer.WriteString("org.opencontainers.image.ref.name", tag);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write, bool array = false, Action<Utf8JsonWriter>? body = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (array)
            {
                writer.WriteStartArray();
                body?.Invoke(writer);
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteStartObject();
                write(writer);
                writer.WriteEndObject();
            }
        }

        return buffer.ToArray();
    }
}
