using System.Diagnostics;
using Drydock.Image.Analysis;
using Drydock.Image.Sources;
using Drydock.Image.Tests.Support;
using Drydock.Testing;

namespace Drydock.Image.Tests;

/// <summary>Images read over the distribution API from loopback registries only.</summary>
public sealed class RegistryTests
{
    private static RegistryCredentials Env(string? user, string? password) =>
        new(name => name switch { "DRYDOCK_REGISTRY_USER" => user, "DRYDOCK_REGISTRY_PASSWORD" => password, _ => null }, dockerConfigPath: "/nonexistent");

    [BusyboxFact]
    public void BearerTokenFlowReadsAMultiArchIndex()
    {
        using var temp = new TempTree();
        string layout = ImageWriter.WriteLayout(temp.Path("img"), "v1", Busybox.Image("amd64"), Busybox.Image("arm64"));
        using var registry = new FakeRegistry(layout, "bearer");
        var source = ImageReferences.Open($"127.0.0.1:{registry.Port}/team/app:v1", insecure: false, Env(registry.User, registry.Password));
        var report = Inspect.Run(source);
        Assert.Equal(["linux/amd64", "linux/arm64"], report.Image.Platforms.Select(p => p.Label).ToArray());
        Assert.Equal(["IM030"], Inspect.Ids(report));
        foreach (string type in new[] { "application/vnd.oci.image.index.v1+json", "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.docker.distribution.manifest.v2+json" })
        {
            Assert.All(registry.AcceptHeaders, accept => Assert.Contains(type, accept, StringComparison.Ordinal));
        }

        Assert.Contains("/token", registry.Requests);
    }

    [BusyboxFact]
    public void BasicAuthFromDockerConfigWorks()
    {
        using var temp = new TempTree();
        string layout = ImageWriter.WriteLayout(temp.Path("img"), "v1", Busybox.Image("amd64"));
        using var registry = new FakeRegistry(layout, "basic");
        string auth = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{registry.User}:{registry.Password}"));
        temp.Write("docker/config.json", $"{{\"auths\":{{\"127.0.0.1:{registry.Port}\":{{\"auth\":\"{auth}\"}}}}}}");
        var credentials = new RegistryCredentials(_ => null, temp.Path("docker/config.json"));
        var report = Inspect.Run(ImageReferences.Open($"127.0.0.1:{registry.Port}/team/app:v1", insecure: false, credentials));
        Assert.Equal(["IM030"], Inspect.Ids(report));
    }

    [BusyboxFact]
    public void MissingOrWrongCredentialsSayWhatToDo()
    {
        using var temp = new TempTree();
        string layout = ImageWriter.WriteLayout(temp.Path("img"), "v1", Busybox.Image("amd64"));
        using var registry = new FakeRegistry(layout, "bearer");
        var none = Inspect.Run(ImageReferences.Open($"127.0.0.1:{registry.Port}/team/app:v1", insecure: false, Env(null, null)));
        Assert.Contains(none.Findings, f => f.RuleId == "IM000" && f.Message.Contains("no credentials were found", StringComparison.Ordinal));
        var wrong = Inspect.Run(ImageReferences.Open($"127.0.0.1:{registry.Port}/team/app:v1", insecure: false, Env("ci", "wrong")));
        Assert.Contains(wrong.Findings, f => f.RuleId == "IM000" && f.Message.Contains("token service", StringComparison.Ordinal));
        Assert.DoesNotContain(wrong.Findings, f => f.Message.Contains("wrong", StringComparison.Ordinal));
    }

    [BusyboxFact]
    public void TamperedBlobFromTheRegistryIsADigestMismatch()
    {
        using var temp = new TempTree();
        string layout = ImageWriter.WriteLayout(temp.Path("img"), "v1", Busybox.Image("amd64"));
        using var registry = new FakeRegistry(layout, "none");
        string biggest = Directory.GetFiles(Path.Combine(layout, "blobs", "sha256")).OrderByDescending(f => new FileInfo(f).Length).First();
        registry.Tampered.Add("sha256:" + Path.GetFileName(biggest));
        var report = Inspect.Run(ImageReferences.Open($"127.0.0.1:{registry.Port}/team/app:v1", insecure: false));
        Assert.Contains(report.Findings, f => f.RuleId == "IM001");
    }

    [Fact]
    public void BearerChallengeParametersParse()
    {
        var parameters = BearerChallenge.Parse("realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/busybox:pull\"");
        Assert.Equal("https://auth.docker.io/token", parameters["realm"]);
        Assert.Equal("registry.docker.io", parameters["service"]);
        Assert.Equal("repository:library/busybox:pull", parameters["scope"]);
    }

    /// <summary>The real thing: Debian's docker-registry, fixtures pushed with skopeo, read back over HTTP.</summary>
    [ToolFact("docker-registry", "skopeo")]
    public void RealRegistryServesSkopeoPushedFixtures()
    {
        using var temp = new TempTree();
        string layout = ImageWriter.WriteLayout(temp.Path("img"), "v1", Busybox.Image("amd64"), Busybox.Image("arm64") with { Cmd = ["/usr/local/bin/python"] });
        int port = FakeRegistry.FreePort();
        temp.Write("registry.yml", $"""
            version: 0.1
            log:
              level: error
            storage:
              filesystem:
                rootdirectory: {temp.Path("storage")}
            http:
              addr: 127.0.0.1:{port}
            """);
        using var registry = Process.Start(new ProcessStartInfo("docker-registry", ["serve", temp.Path("registry.yml")]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        try
        {
            WaitForPort(port);
            var push = Process.Start(new ProcessStartInfo("skopeo", ["copy", "--all", "--quiet", "--dest-tls-verify=false", $"oci:{layout}:v1", $"docker://127.0.0.1:{port}/team/app:v1"]) { RedirectStandardError = true })!;
            string error = push.StandardError.ReadToEnd();
            Assert.True(push.WaitForExit(120_000), "skopeo copy timed out");
            Assert.True(push.ExitCode == 0, error);
            var report = Inspect.Run(ImageReferences.Open($"127.0.0.1:{port}/team/app:v1", insecure: false));
            Assert.Equal(["linux/amd64", "linux/arm64"], report.Image.Platforms.Select(p => p.Label).ToArray());
            Assert.Contains(report.Findings, f => f.RuleId == "IM010" && f.Location.Path.Contains("[linux/arm64]", StringComparison.Ordinal));
            Assert.DoesNotContain(report.Findings, f => f.RuleId is "IM000" or "IM001");
        }
        finally
        {
            registry.Kill();
            registry.WaitForExit(10_000);
        }
    }

    private static void WaitForPort(int port)
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                client.Connect(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException($"docker-registry did not listen on 127.0.0.1:{port}");
    }
}
