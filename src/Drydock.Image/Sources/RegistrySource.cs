using System.Net;
using System.Net.Http.Headers;
using Drydock.Image.Model;

namespace Drydock.Image.Sources;

/// <summary>registry/repository:tag or @digest, with Docker Hub's defaults.</summary>
public sealed record RegistryReference(string Registry, string Repository, string? Tag, string? Digest)
{
    public string Reference => Digest ?? Tag ?? "latest";

    public override string ToString() => $"{Registry}/{Repository}{(Digest is not null ? "@" + Digest : ":" + (Tag ?? "latest"))}";

    public bool IsLoopback => Host is "localhost" or "127.0.0.1" or "[::1]" or "::1" || Host.StartsWith("127.", StringComparison.Ordinal);

    private string Host => Registry.StartsWith('[') ? Registry[..(Registry.IndexOf(']', StringComparison.Ordinal) + 1)] : Registry.Split(':')[0];

    public static RegistryReference? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Any(char.IsWhiteSpace))
        {
            return null;
        }

        string? digest = null;
        int at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = text[(at + 1)..];
            text = text[..at];
            if (!Descriptor.IsValidDigest(digest))
            {
                return null;
            }
        }

        string? tag = null;
        int slash = text.LastIndexOf('/');
        int colon = text.LastIndexOf(':');
        if (colon > slash)
        {
            tag = text[(colon + 1)..];
            text = text[..colon];
        }

        string registry = "registry-1.docker.io";
        string repository = text;
        int first = text.IndexOf('/', StringComparison.Ordinal);
        if (first > 0)
        {
            string head = text[..first];
            if (head.Contains('.', StringComparison.Ordinal) || head.Contains(':', StringComparison.Ordinal) || head == "localhost")
            {
                registry = head is "docker.io" or "index.docker.io" ? "registry-1.docker.io" : head;
                repository = text[(first + 1)..];
            }
        }

        if (registry == "registry-1.docker.io" && !repository.Contains('/', StringComparison.Ordinal))
        {
            repository = "library/" + repository;
        }

        if (repository.Length == 0 || repository.Split('/').Any(part => part.Length == 0 || part is "." or ".."))
        {
            return null;
        }

        return new RegistryReference(registry, repository, tag, digest);
    }
}

/// <summary>
/// A registry over the OCI distribution API. Manifests are asked for with all four manifest and index media types;
/// a 401 answers with the WWW-Authenticate challenge (Bearer token flow, or Basic); blobs are streamed and verified.
/// HTTPS always, except for loopback registries or when <c>insecure</c> is set.
/// </summary>
public sealed class RegistrySource : ImageSource
{
    private readonly RegistryReference reference;
    private readonly HttpClient http;
    private readonly bool ownsClient;
    private readonly RegistryCredentials credentials;
    private readonly string baseUrl;
    private AuthenticationHeaderValue? authorization;

    public RegistrySource(RegistryReference reference, bool insecure, RegistryCredentials? credentials = null, HttpClient? client = null)
    {
        this.reference = reference;
        this.credentials = credentials ?? new RegistryCredentials();
        ownsClient = client is null;
        http = client ?? new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = true }) { Timeout = TimeSpan.FromMinutes(30) };
        string scheme = insecure || reference.IsLoopback ? "http" : "https";
        baseUrl = $"{scheme}://{reference.Registry}/v2/{reference.Repository}";
    }

    public override string Reference => reference.ToString();

    public override ImageRoot ReadRoot()
    {
        var descriptor = new Descriptor("", reference.Digest ?? "", -1);
        var (bytes, mediaType) = FetchManifest(reference.Reference, descriptor.Digest.Length > 0 ? descriptor.Digest : null);
        return ParseRoot(bytes, mediaType, reference.Digest is null ? null : descriptor with { MediaType = mediaType });
    }

    public override byte[] ReadDocument(Descriptor descriptor)
    {
        if (MediaTypes.IsIndex(descriptor.MediaType) || MediaTypes.IsManifest(descriptor.MediaType))
        {
            return FetchManifest(descriptor.Digest, descriptor.Digest).Bytes;
        }

        return base.ReadDocument(descriptor);
    }

    protected override Stream OpenRaw(Descriptor descriptor)
    {
        var response = Send(HttpMethod.Get, $"{baseUrl}/blobs/{descriptor.Digest}", accept: null);
        return response.Content.ReadAsStream();
    }

    private (byte[] Bytes, string MediaType) FetchManifest(string manifestReference, string? expectedDigest)
    {
        using var response = Send(HttpMethod.Get, $"{baseUrl}/manifests/{manifestReference}", MediaTypes.AcceptedManifests);
        string mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        var descriptor = new Descriptor(mediaType, expectedDigest ?? "", response.Content.Headers.ContentLength ?? -1);
        using var body = response.Content.ReadAsStream();
        using var stream = expectedDigest is null ? body : new DigestVerifyingStream(body, expectedDigest, -1);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16384];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxDocumentBytes)
            {
                throw new ImageReadException($"manifest {manifestReference} of {Reference} is larger than {MaxDocumentBytes} bytes", ImageReadFailure.TooLarge);
            }
        }

        return (buffer.ToArray(), descriptor.MediaType);
    }

    private HttpResponseMessage Send(HttpMethod method, string url, IReadOnlyList<string>? accept)
    {
        for (int attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url);
            foreach (string type in accept ?? [])
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
            }

            request.Headers.Authorization = authorization;
            HttpResponseMessage response;
            try
            {
                response = http.Send(request, HttpCompletionOption.ResponseHeadersRead);
            }
            catch (HttpRequestException e)
            {
                throw new ImageReadException($"cannot reach {reference.Registry}: {e.Message}", ImageReadFailure.Unreadable);
            }
            catch (TaskCanceledException)
            {
                throw new ImageReadException($"{reference.Registry} did not answer in time", ImageReadFailure.Unreadable);
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                var challenge = response.Headers.WwwAuthenticate.FirstOrDefault();
                response.Dispose();
                authorization = Authenticate(challenge);
                if (authorization is not null)
                {
                    continue;
                }

                throw new ImageReadException($"{reference.Registry} asks for credentials ({challenge?.Scheme ?? "no challenge"}) and none were found: set DRYDOCK_REGISTRY_USER and DRYDOCK_REGISTRY_PASSWORD or run docker login", ImageReadFailure.Unauthorized);
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            var status = response.StatusCode;
            response.Dispose();
            throw status switch
            {
                HttpStatusCode.NotFound => new ImageReadException($"{Reference}: {url[(baseUrl.Length + 1)..]} not found on {reference.Registry}", ImageReadFailure.NotFound),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ImageReadException($"{reference.Registry} refused the credentials for {reference.Repository} ({(int)status})", ImageReadFailure.Unauthorized),
                _ => new ImageReadException($"{reference.Registry} answered {(int)status} {status} for {url}", ImageReadFailure.Unreadable),
            };
        }
    }

    private AuthenticationHeaderValue? Authenticate(AuthenticationHeaderValue? challenge)
    {
        var credential = credentials.For(reference.Registry);
        if (challenge is null)
        {
            return credential is null ? null : new AuthenticationHeaderValue("Basic", credential.BasicHeader);
        }

        if (string.Equals(challenge.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return credential is null ? null : new AuthenticationHeaderValue("Basic", credential.BasicHeader);
        }

        if (!string.Equals(challenge.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parameters = BearerChallenge.Parse(challenge.Parameter ?? "");
        if (!parameters.TryGetValue("realm", out string? realm) || !Uri.TryCreate(realm, UriKind.Absolute, out var realmUri) || realmUri.Scheme is not ("https" or "http"))
        {
            throw new ImageReadException($"{reference.Registry} sent a Bearer challenge without a usable realm", ImageReadFailure.Unauthorized);
        }

        var query = new List<string>();
        if (parameters.TryGetValue("service", out string? service))
        {
            query.Add("service=" + Uri.EscapeDataString(service));
        }

        query.Add("scope=" + Uri.EscapeDataString(parameters.TryGetValue("scope", out string? scope) ? scope : $"repository:{reference.Repository}:pull"));
        string tokenUrl = realm + (realm.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join('&', query);
        using var request = new HttpRequestMessage(HttpMethod.Get, tokenUrl);
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credential.BasicHeader);
        }

        using var response = http.Send(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new ImageReadException($"the token service of {reference.Registry} answered {(int)response.StatusCode}{(credential is null ? " (no credentials were found)" : "")}", ImageReadFailure.Unauthorized);
        }

        using var body = response.Content.ReadAsStream();
        using var limited = new MemoryStream();
        body.CopyTo(limited, 16384);
        using var document = Json.TryParse(limited.ToArray(), out _);
        string token = document is null ? "" : Json.String(document.RootElement, "token");
        if (token.Length == 0 && document is not null)
        {
            token = Json.String(document.RootElement, "access_token");
        }

        return token.Length > 0 ? new AuthenticationHeaderValue("Bearer", token)
            : throw new ImageReadException($"the token service of {reference.Registry} returned no token", ImageReadFailure.Unauthorized);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsClient)
        {
            http.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Parses the parameters of a WWW-Authenticate Bearer challenge: realm="...",service="...",scope="...".</summary>
public static class BearerChallenge
{
    public static Dictionary<string, string> Parse(string parameters)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int i = 0;
        while (i < parameters.Length)
        {
            while (i < parameters.Length && (parameters[i] == ',' || char.IsWhiteSpace(parameters[i])))
            {
                i++;
            }

            int equals = parameters.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }

            string key = parameters[i..equals].Trim();
            i = equals + 1;
            string value;
            if (i < parameters.Length && parameters[i] == '"')
            {
                var builder = new System.Text.StringBuilder();
                i++;
                while (i < parameters.Length && parameters[i] != '"')
                {
                    if (parameters[i] == '\\' && i + 1 < parameters.Length)
                    {
                        i++;
                    }

                    builder.Append(parameters[i]);
                    i++;
                }

                i++;
                value = builder.ToString();
            }
            else
            {
                int comma = parameters.IndexOf(',', i);
                value = (comma < 0 ? parameters[i..] : parameters[i..comma]).Trim();
                i = comma < 0 ? parameters.Length : comma;
            }

            result[key] = value;
        }

        return result;
    }
}
