using System.Text.Json;
using Drydock.Image.Model;
using Drydock.Image.Parsing;
using Drydock.IO;

namespace Drydock.Image.Sources;

/// <summary>
/// A <c>docker save</c>, <c>podman save</c> or skopeo archive: an uncompressed tar holding either the legacy layout
/// (manifest.json, &lt;id&gt;/layer.tar, repositories), the Docker 25+ OCI layout with a manifest.json beside it,
/// or a bare OCI layout (skopeo oci-archive). manifest.json is preferred where it exists, since some Docker 25.x
/// versions wrote an index.json with empty layers. The archive is indexed once; members are read in place.
/// </summary>
public sealed class DockerArchiveSource : ImageSource
{
    private const int MaxLinkHops = 16;
    private readonly string path;
    private readonly string? tag;
    private readonly Dictionary<string, TarEntry> members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> dataOffsets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> blobMembers = new(StringComparer.Ordinal);

    public DockerArchiveSource(string path, string? tag, string reference)
    {
        this.path = Path.GetFullPath(path);
        this.tag = tag;
        Reference = reference;
    }

    public override string Reference { get; }

    public override ImageRoot ReadRoot()
    {
        IndexMembers();
        if (members.ContainsKey("manifest.json"))
        {
            return FromManifestJson();
        }

        if (members.ContainsKey("index.json"))
        {
            var top = ParseRoot(ReadMember("index.json"), MediaTypes.OciIndex, null);
            if (top.Index is null)
            {
                throw new ImageReadException($"{path}: index.json is not an image index");
            }

            return ChooseFromLayoutIndex(top.Index, tag, "the archive " + path);
        }

        throw new ImageReadException($"{path} is a tar archive but holds neither manifest.json (docker save) nor index.json (OCI layout)");
    }

    protected override Stream OpenRaw(Descriptor descriptor)
    {
        if (!blobMembers.TryGetValue(descriptor.Digest, out string? member))
        {
            string[] parts = descriptor.Digest.Split(':');
            member = $"blobs/{parts[0]}/{parts[1]}";
        }

        return OpenMember(member);
    }

    private ImageRoot FromManifestJson()
    {
        using var document = Json.TryParse(ReadMember("manifest.json"), out string? error)
            ?? throw new ImageReadException($"{path}: manifest.json is not valid JSON: {error}");
        if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() == 0)
        {
            throw new ImageReadException($"{path}: manifest.json lists no images");
        }

        var images = document.RootElement.EnumerateArray().ToList();
        var chosen = images[0];
        if (tag is not null)
        {
            var match = images.FirstOrDefault(image => Json.Strings(image, "RepoTags").Any(repoTag => repoTag == tag || repoTag.EndsWith(":" + tag, StringComparison.Ordinal)));
            if (match.ValueKind != JsonValueKind.Object)
            {
                throw new ImageReadException($"{path} has no image tagged '{tag}'; RepoTags present: {string.Join(", ", images.SelectMany(image => Json.Strings(image, "RepoTags")))}", ImageReadFailure.NotFound);
            }

            chosen = match;
        }
        else if (images.Count > 1)
        {
            Notes.Add($"{path} holds {images.Count} images; inspecting the first ({string.Join(", ", Json.Strings(chosen, "RepoTags"))}). Name one with :TAG.");
        }

        Names.AddRange(Json.Strings(chosen, "RepoTags"));
        string configMember = Json.String(chosen, "Config");
        var layerMembers = Json.Strings(chosen, "Layers");
        if (configMember.Length == 0)
        {
            throw new ImageReadException($"{path}: manifest.json names no Config");
        }

        string configDigest = DigestFromName(configMember) ?? throw new ImageReadException($"{path}: cannot tell the digest of config {configMember}");
        long configSize = Resolve(configMember) is { } configEntry ? members[configEntry].Size : throw new ImageReadException($"{path}: config {configMember} is missing from the archive", ImageReadFailure.NotFound);
        blobMembers[configDigest] = configMember;
        var config = new Descriptor(MediaTypes.DockerConfig, configDigest, configSize);

        // Legacy layer.tar members are named by layer id, not content: their digest is the config's diff_id.
        using var configDocument = Json.TryParse(ReadDocument(config), out string? configError)
            ?? throw new ImageReadException($"{path}: config {configMember} is not valid JSON: {configError}");
        var diffIds = ImageConfig.Parse(configDocument.RootElement)?.DiffIds ?? [];
        var layers = new List<Descriptor>();
        for (int i = 0; i < layerMembers.Count; i++)
        {
            string member = layerMembers[i];
            string? resolved = Resolve(member) ?? throw new ImageReadException($"{path}: layer {member} is missing from the archive", ImageReadFailure.NotFound);
            string? digest = DigestFromName(member) ?? DigestFromName(resolved) ?? (i < diffIds.Count && Descriptor.IsValidDigest(diffIds[i]) ? diffIds[i] : null);
            if (digest is null)
            {
                throw new ImageReadException($"{path}: cannot tell the digest of layer {member}");
            }

            blobMembers[digest] = member;
            layers.Add(new Descriptor(MediaTypes.OciLayer, digest, members[resolved].Size));
        }

        return new ImageRoot(null, new ImageManifest(MediaTypes.DockerManifest, config, layers), null);
    }

    /// <summary>sha256 from "blobs/sha256/HEX", "HEX.json", "HEX.tar" or "HEX/layer.tar" when HEX is a full digest.</summary>
    private static string? DigestFromName(string member)
    {
        string[] parts = member.Split('/');
        if (parts.Length == 3 && parts[0] == "blobs" && Descriptor.IsValidDigest(parts[1] + ":" + parts[2]))
        {
            return parts[1] + ":" + parts[2];
        }

        string file = parts[^1];
        foreach (string suffix in new[] { ".json", ".tar" })
        {
            if (file.EndsWith(suffix, StringComparison.Ordinal) && Descriptor.IsValidDigest("sha256:" + file[..^suffix.Length]))
            {
                return "sha256:" + file[..^suffix.Length];
            }
        }

        return null;
    }

    private void IndexMembers()
    {
        if (members.Count > 0)
        {
            return;
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> magic = stackalloc byte[4];
        int got = file.Read(magic);
        if (got >= 2 && magic[0] == 0x1F && magic[1] == 0x8B)
        {
            throw new ImageReadException($"{path} is gzip-compressed; decompress it first (gunzip -k) so its members can be read in place");
        }

        file.Position = 0;
        var reader = new TarStreamReader(file);
        while (reader.Next() is { } entry)
        {
            string name = Normalize(entry.Name);
            if (name.Length == 0)
            {
                continue;
            }

            members[name] = entry;
            dataOffsets[name] = reader.Position;
            if (members.Count > 1_000_000)
            {
                throw new ImageReadException($"{path} holds more than a million members: not an image archive");
            }
        }

        if (reader.Problem is { } problem)
        {
            throw new ImageReadException($"{path}: {problem.Message} (at byte {problem.Offset})");
        }

        if (members.Count == 0)
        {
            throw new ImageReadException($"{path} is empty or not a tar archive");
        }
    }

    private static string Normalize(string name)
    {
        var parts = new List<string>();
        foreach (string part in name.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    /// <summary>Follows symlinks and hard links inside the archive (Docker 25 links layer.tar to blobs/).</summary>
    private string? Resolve(string member)
    {
        string name = Normalize(member);
        for (int hop = 0; hop < MaxLinkHops; hop++)
        {
            if (!members.TryGetValue(name, out var entry))
            {
                return null;
            }

            switch (entry.Kind)
            {
                case TarEntryKind.File:
                    return name;
                case TarEntryKind.Symlink:
                    string directory = name.Contains('/', StringComparison.Ordinal) ? name[..name.LastIndexOf('/')] : "";
                    name = Normalize(entry.LinkName.StartsWith('/') ? entry.LinkName : directory + "/" + entry.LinkName);
                    break;
                case TarEntryKind.HardLink:
                    name = Normalize(entry.LinkName);
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private byte[] ReadMember(string member)
    {
        string resolved = Resolve(member) ?? throw new ImageReadException($"{path}: {member} is missing", ImageReadFailure.NotFound);
        if (members[resolved].Size > MaxDocumentBytes)
        {
            throw new ImageReadException($"{path}: {member} is larger than {MaxDocumentBytes} bytes", ImageReadFailure.TooLarge);
        }

        using var stream = OpenMember(resolved);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private Stream OpenMember(string member)
    {
        string resolved = Resolve(member) ?? throw new ImageReadException($"{path}: {member} is missing from the archive", ImageReadFailure.NotFound);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        file.Position = dataOffsets[resolved];
        return new BoundedStream(file, members[resolved].Size);
    }

    /// <summary>A window of a file: the member's data and nothing after it.</summary>
    private sealed class BoundedStream(Stream inner, long length) : ForwardReadStream
    {
        private long remaining = length;

        public override int Read(Span<byte> buffer)
        {
            if (remaining <= 0)
            {
                return 0;
            }

            int read = inner.Read(buffer[..(int)Math.Min(buffer.Length, remaining)]);
            remaining -= read;
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
