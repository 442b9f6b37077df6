namespace Drydock.Image.Sources;

/// <summary>
/// Turns what the user typed into a source: <c>oci:DIR[:tag]</c>, <c>docker-archive:FILE[:tag]</c>,
/// <c>oci-archive:FILE[:tag]</c>, an existing directory or .tar file (detected), or <c>registry/repo:tag</c>.
/// </summary>
public static class ImageReferences
{
    public static string Classify(string reference)
    {
        if (reference.StartsWith("oci:", StringComparison.Ordinal))
        {
            return "oci";
        }

        if (reference.StartsWith("docker-archive:", StringComparison.Ordinal) || reference.StartsWith("oci-archive:", StringComparison.Ordinal))
        {
            return "archive";
        }

        if (Directory.Exists(reference))
        {
            return "oci";
        }

        return File.Exists(reference) ? "archive" : "registry";
    }

    /// <summary>Opens the source; throws <see cref="ImageReadException"/> for a reference that names nothing usable.</summary>
    public static ImageSource Open(string reference, bool insecure, RegistryCredentials? credentials = null, HttpClient? client = null)
    {
        switch (Classify(reference))
        {
            case "oci":
                {
                    var (path, tag) = SplitPathAndTag(reference.StartsWith("oci:", StringComparison.Ordinal) ? reference[4..] : reference, Directory.Exists);
                    return new OciLayoutSource(path, tag, reference);
                }

            case "archive":
                {
                    string body = reference.StartsWith("docker-archive:", StringComparison.Ordinal) ? reference["docker-archive:".Length..]
                        : reference.StartsWith("oci-archive:", StringComparison.Ordinal) ? reference["oci-archive:".Length..]
                        : reference;
                    var (path, tag) = SplitPathAndTag(body, File.Exists);
                    return new DockerArchiveSource(path, tag, reference);
                }

            default:
                var parsed = RegistryReference.Parse(reference)
                    ?? throw new ImageReadException($"'{reference}' is neither an existing directory or archive nor a registry reference (registry/repository:tag)", ImageReadFailure.NotFound);
                return new RegistrySource(parsed, insecure, credentials, client);
        }
    }

    /// <summary>"DIR:tag" where DIR exists wins over a DIR whose name contains a colon.</summary>
    private static (string Path, string? Tag) SplitPathAndTag(string text, Func<string, bool> exists)
    {
        if (exists(text))
        {
            return (text, null);
        }

        int colon = text.LastIndexOf(':');
        if (colon > 0 && exists(text[..colon]))
        {
            return (text[..colon], text[(colon + 1)..]);
        }

        return (text, null);
    }
}
