using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Drydock.Image.Model;

namespace Drydock.Image.Sources;

public sealed record RegistryCredential(string Username, string Password)
{
    public string BasicHeader => Convert.ToBase64String(Encoding.UTF8.GetBytes(Username + ":" + Password));

    public override string ToString() => $"{Username}:***";
}

/// <summary>
/// Finds credentials for a registry host: DRYDOCK_REGISTRY_USER/DRYDOCK_REGISTRY_PASSWORD first, then
/// ~/.docker/config.json (<c>auths</c> with base64 "user:password", then <c>credHelpers</c>/<c>credsStore</c>
/// through a docker-credential-* helper when one is installed).
/// </summary>
public sealed class RegistryCredentials
{
    private readonly Func<string, string?> environment;
    private readonly string? dockerConfigPath;

    public RegistryCredentials(Func<string, string?>? environment = null, string? dockerConfigPath = null)
    {
        this.environment = environment ?? Environment.GetEnvironmentVariable;
        this.dockerConfigPath = dockerConfigPath ?? DefaultDockerConfig(this.environment);
    }

    public RegistryCredential? For(string host)
    {
        string? user = environment("DRYDOCK_REGISTRY_USER");
        string? password = environment("DRYDOCK_REGISTRY_PASSWORD");
        if (!string.IsNullOrEmpty(user) && password is not null)
        {
            return new RegistryCredential(user, password);
        }

        return FromDockerConfig(host);
    }

    private static string? DefaultDockerConfig(Func<string, string?> environment)
    {
        string? directory = environment("DOCKER_CONFIG");
        if (string.IsNullOrEmpty(directory))
        {
            string? home = environment("HOME");
            if (string.IsNullOrEmpty(home))
            {
                return null;
            }

            directory = Path.Combine(home, ".docker");
        }

        return Path.Combine(directory, "config.json");
    }

    private RegistryCredential? FromDockerConfig(string host)
    {
        if (dockerConfigPath is null || !File.Exists(dockerConfigPath) || new FileInfo(dockerConfigPath).Length > ImageSource.MaxDocumentBytes)
        {
            return null;
        }

        using var document = Json.TryParse(File.ReadAllBytes(dockerConfigPath), out _);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var root = document.RootElement;
        var keys = HostKeys(host);
        if (root.TryGetProperty("credHelpers", out var helpers) && helpers.ValueKind == JsonValueKind.Object)
        {
            foreach (string key in keys)
            {
                if (helpers.TryGetProperty(key, out var helper) && helper.ValueKind == JsonValueKind.String && FromHelper(helper.GetString()!, key) is { } fromHelper)
                {
                    return fromHelper;
                }
            }
        }

        if (root.TryGetProperty("auths", out var auths) && auths.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in auths.EnumerateObject())
            {
                if (!keys.Contains(StripScheme(entry.Name)) || entry.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                string auth = Json.String(entry.Value, "auth");
                if (auth.Length > 0 && TryDecodeAuth(auth) is { } decoded)
                {
                    return decoded;
                }

                string username = Json.String(entry.Value, "username");
                if (username.Length > 0)
                {
                    return new RegistryCredential(username, Json.String(entry.Value, "password"));
                }
            }
        }

        if (root.TryGetProperty("credsStore", out var store) && store.ValueKind == JsonValueKind.String)
        {
            foreach (string key in keys)
            {
                if (FromHelper(store.GetString()!, key) is { } fromStore)
                {
                    return fromStore;
                }
            }
        }

        return null;
    }

    private static HashSet<string> HostKeys(string host)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { host };
        if (host is "registry-1.docker.io" or "docker.io" or "index.docker.io")
        {
            keys.Add("index.docker.io/v1/");
            keys.Add("index.docker.io");
            keys.Add("docker.io");
        }

        return keys;
    }

    private static string StripScheme(string key) =>
        key.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? key[8..]
        : key.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? key[7..]
        : key;

    internal static RegistryCredential? TryDecodeAuth(string auth)
    {
        try
        {
            string text = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
            int colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 ? new RegistryCredential(text[..colon], text[(colon + 1)..]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Runs docker-credential-NAME get, only when it is on PATH; a failing helper means no credential.</summary>
    private RegistryCredential? FromHelper(string name, string serverUrl)
    {
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            return null;
        }

        string program = "docker-credential-" + name;
        string? found = (environment("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program)).FirstOrDefault(File.Exists);
        if (found is null)
        {
            return null;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo(found, "get")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            process.StandardInput.Write(serverUrl);
            process.StandardInput.Close();
            string output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(10_000) || process.ExitCode != 0)
            {
                return null;
            }

            using var document = Json.TryParse(Encoding.UTF8.GetBytes(output), out _);
            if (document is null)
            {
                return null;
            }

            string user = Json.String(document.RootElement, "Username");
            string secret = Json.String(document.RootElement, "Secret");
            return user.Length > 0 ? new RegistryCredential(user, secret) : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return null;
        }
    }
}
