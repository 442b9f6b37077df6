using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Drydock.Image.Tests.Support;

/// <summary>
/// A loopback registry serving one OCI layout over the distribution API, with Bearer token auth (a token service
/// at /token that wants Basic credentials) or plain Basic auth. Records the Accept headers it saw.
/// </summary>
public sealed class FakeRegistry : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly string layout;
    private readonly string auth;
    private readonly Thread thread;
    private const string Token = "fake-registry-token";

    public FakeRegistry(string layout, string auth, string user = "ci", string password = "hunter2")
    {
        this.layout = layout;
        this.auth = auth;
        User = user;
        Password = password;
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        thread = new Thread(Serve) { IsBackground = true };
        thread.Start();
    }

    public int Port { get; }

    public string User { get; }

    public string Password { get; }

    public List<string> AcceptHeaders { get; } = [];

    public List<string> Requests { get; } = [];

    /// <summary>Digests whose blob is served with one byte flipped.</summary>
    public HashSet<string> Tampered { get; } = [];

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private void Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = listener.GetContext();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                Handle(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
                // The client went away: nothing to answer.
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        string path = request.Url!.AbsolutePath;
        lock (Requests)
        {
            Requests.Add(path);
        }

        string basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
        if (path == "/token")
        {
            if (request.Headers["Authorization"] != basic || request.QueryString["service"] != "fake" || request.QueryString["scope"] is not { } scope || !scope.StartsWith("repository:", StringComparison.Ordinal))
            {
                response.StatusCode = 401;
                return;
            }

            Write(response, "application/json", Encoding.UTF8.GetBytes($"{{\"token\":\"{Token}\"}}"));
            return;
        }

        string expected = auth == "bearer" ? "Bearer " + Token : basic;
        if (auth != "none" && request.Headers["Authorization"] != expected)
        {
            response.StatusCode = 401;
            response.AddHeader("WWW-Authenticate", auth == "bearer"
                ? $"Bearer realm=\"http://127.0.0.1:{Port}/token\",service=\"fake\",scope=\"repository:team/app:pull\""
                : "Basic realm=\"fake\"");
            return;
        }

        string[] parts = path.Split('/');
        // /v2/team/app/manifests/<ref> or /v2/team/app/blobs/<digest>
        if (parts.Length < 6 || parts[1] != "v2")
        {
            response.StatusCode = 404;
            return;
        }

        string kind = parts[^2];
        string reference = parts[^1];
        if (kind == "manifests")
        {
            lock (AcceptHeaders)
            {
                AcceptHeaders.Add(request.Headers["Accept"] ?? "");
            }

            string digest = reference.StartsWith("sha256:", StringComparison.Ordinal) ? reference : TopDigest(out _);
            string mediaType = reference.StartsWith("sha256:", StringComparison.Ordinal) ? MediaTypeOf(digest) : TopDigest(out string topType) is var _ ? topType : "";
            Write(response, mediaType, Blob(digest));
            return;
        }

        if (kind == "blobs" && File.Exists(BlobPath(reference)))
        {
            byte[] data = Blob(reference);
            if (Tampered.Contains(reference))
            {
                data[^1] ^= 0xFF;
            }

            Write(response, "application/octet-stream", data);
            return;
        }

        response.StatusCode = 404;
    }

    private string TopDigest(out string mediaType)
    {
        using var index = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(layout, "index.json")));
        var top = index.RootElement.GetProperty("manifests")[0];
        mediaType = top.GetProperty("mediaType").GetString()!;
        return top.GetProperty("digest").GetString()!;
    }

    private string MediaTypeOf(string digest)
    {
        using var document = System.Text.Json.JsonDocument.Parse(Blob(digest));
        return document.RootElement.TryGetProperty("mediaType", out var type) ? type.GetString()! : "application/vnd.oci.image.manifest.v1+json";
    }

    private string BlobPath(string digest) => Path.Combine(layout, "blobs", "sha256", digest.Length > 7 ? digest[7..] : "missing");

    private byte[] Blob(string digest) => File.ReadAllBytes(BlobPath(digest));

    private static void Write(HttpListenerResponse response, string contentType, byte[] body)
    {
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        thread.Join(TimeSpan.FromSeconds(5));
    }
}
