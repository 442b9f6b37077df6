using Drydock.Image.Model;

namespace Drydock.Image.Sources;

/// <summary>An OCI image layout folder: oci-layout, index.json and blobs/&lt;alg&gt;/&lt;hex&gt;.</summary>
public sealed class OciLayoutSource : ImageSource
{
    private readonly string root;
    private readonly string? tag;

    public OciLayoutSource(string root, string? tag, string reference)
    {
        this.root = Path.GetFullPath(root);
        this.tag = tag;
        Reference = reference;
    }

    public override string Reference { get; }

    public static bool IsLayout(string directory) => File.Exists(Path.Combine(directory, "index.json")) && Directory.Exists(Path.Combine(directory, "blobs"));

    public override ImageRoot ReadRoot()
    {
        string indexPath = Path.Combine(root, "index.json");
        if (!File.Exists(indexPath))
        {
            throw new ImageReadException($"{root} is not an OCI image layout: index.json is missing", ImageReadFailure.NotFound);
        }

        if (new FileInfo(indexPath).Length > MaxDocumentBytes)
        {
            throw new ImageReadException($"{indexPath} is larger than {MaxDocumentBytes} bytes", ImageReadFailure.TooLarge);
        }

        var top = ParseRoot(File.ReadAllBytes(indexPath), MediaTypes.OciIndex, null);
        if (top.Index is null)
        {
            throw new ImageReadException($"{indexPath} is a manifest, not the index an OCI layout needs");
        }

        return ChooseFromLayoutIndex(top.Index, tag, "the OCI layout " + root);
    }

    protected override Stream OpenRaw(Descriptor descriptor)
    {
        // The digest was validated as algorithm:lowercase-hex, so the path cannot leave blobs/.
        string[] parts = descriptor.Digest.Split(':');
        string path = Path.Combine(root, "blobs", parts[0], parts[1]);
        if (!File.Exists(path))
        {
            throw new ImageReadException($"blob {descriptor.Digest} is missing from {Path.Combine(root, "blobs")}", ImageReadFailure.NotFound);
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
    }
}
