namespace Drydock.Image.Model;

/// <summary>The manifest, index and layer media types of OCI and Docker schema 2.</summary>
public static class MediaTypes
{
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerConfig = "application/vnd.docker.container.image.v1+json";
    public const string OciLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";
    public const string OciLayerZstd = "application/vnd.oci.image.layer.v1.tar+zstd";
    public const string OciLayer = "application/vnd.oci.image.layer.v1.tar";
    public const string DockerLayerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    /// <summary>What a registry is asked for: all four, so that it never falls back to schema 1 or a converted form.</summary>
    public static IReadOnlyList<string> AcceptedManifests { get; } = [OciIndex, OciManifest, DockerManifestList, DockerManifest];

    public static bool IsIndex(string? mediaType) => mediaType is OciIndex or DockerManifestList;

    public static bool IsManifest(string? mediaType) => mediaType is OciManifest or DockerManifest;

    /// <summary>OCI configs have no Healthcheck field: a Docker HEALTHCHECK is dropped when an image is converted to OCI.</summary>
    public static bool IsOci(string? mediaType) => mediaType is not null && mediaType.StartsWith("application/vnd.oci.", StringComparison.Ordinal);
}
