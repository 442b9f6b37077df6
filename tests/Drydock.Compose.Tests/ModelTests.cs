using Drydock.Analysis;
using Drydock.Compose.Model;
using Drydock.Findings;
using Drydock.Testing;

namespace Drydock.Compose.Tests;

public sealed class ModelTests
{
    [Fact]
    public void Override_extends_include_and_merge_keys_merge_as_compose_does()
    {
        using var tree = new TempTree()
            .Write("compose.yaml", """
                include:
                  - ops/monitoring.yaml
                x-base: &base
                  restart: always
                  environment:
                    A: "1"
                services:
                  api:
                    <<: *base
                    extends:
                      file: common.yaml
                      service: py
                    image: ghcr.io/acme/api:${TAG:-dev}
                    command: python -m api
                    ports: ["8000:8000"]
                    environment:
                      B: "2"
                    healthcheck:
                      test: curl -f http://localhost:8000/
                      interval: 10s
                    depends_on:
                      db:
                        condition: service_healthy
                    profiles: [web]
                """)
            .Write("compose.override.yaml", """
                services:
                  api:
                    command: ["python", "-m", "api", "--reload"]
                    ports: ["5678:5678"]
                    environment:
                      B: "override"
                    healthcheck:
                      retries: 7
                """)
            .Write("common.yaml", """
                services:
                  py:
                    build:
                      context: .
                      args:
                        PY: "3.12"
                    environment:
                      BASE: "yes"
                """)
            .Write("ops/monitoring.yaml", """
                services:
                  db:
                    image: postgres:16
                volumes:
                  pgdata:
                """)
            .Write(".env", "TAG=1.2.3\n");
        var project = Project.Open(tree.Root);
        var set = project.Model<ComposeSet>(ComposeSet.Build);
        var stack = Assert.Single(set.Stacks);
        Assert.Equal(["compose.yaml", "ops/monitoring.yaml", "compose.override.yaml"], stack.Files.Select(file => file.Path));
        Assert.Equal(["api", "db"], stack.Services.Select(service => service.Name));
        Assert.Contains("pgdata", stack.Volumes.Keys);

        var api = stack.Service("api")!;
        Assert.Equal("ghcr.io/acme/api:1.2.3", api.ImageReference);
        Assert.True(api.Command!.IsList);
        Assert.Equal(["python", "-m", "api", "--reload"], api.Command.Words);
        Assert.Equal("compose.override.yaml", api.Command.Node.File.Path);
        Assert.Equal(["8000:8000", "5678:5678"], api.Ports.Select(port => port.Node.Value));
        // A YAML merge key is shallow: the service's own environment replaces the anchor's, so A is gone.
        Assert.Equal(["B", "BASE"], api.Environment.Select(entry => entry.Name).Order(StringComparer.Ordinal));
        Assert.Equal("override", api.Environment.Single(entry => entry.Name == "B").Value);
        Assert.Equal("yes", api.Environment.Single(entry => entry.Name == "BASE").Value);
        Assert.Equal(["common.yaml", "compose.yaml", "compose.override.yaml"], api.Layers.Select(layer => layer.File.Path));
        Assert.Equal(HealthcheckTestForm.Shell, api.Healthcheck!.Form);
        Assert.Equal(7, api.Healthcheck.Retries);
        Assert.Equal(TimeSpan.FromSeconds(10), api.Healthcheck.Interval!.Value);
        Assert.Equal("", api.Build!.ContextPath);
        Assert.Equal("Dockerfile", api.Build.DockerfilePath);
        Assert.Equal("3.12", Assert.Single(api.Build.Args).Value);
        Assert.Equal(ComposeDependency.ServiceHealthy, Assert.Single(api.DependsOn).Condition);
        Assert.False(api.IsInDefaultProfile);
        Assert.Null(api.Extends!.Problem);
        var location = api.Command.Node.Location;
        Assert.Equal(3, location.Line);
    }

    [Fact]
    public void Each_folder_is_a_stack_and_extra_files_layer_over_the_main_file()
    {
        using var tree = new TempTree()
            .Write("docker-compose.yml", "services:\n  web:\n    image: nginx:1.27\n")
            .Write("docker-compose.override.yml", "services:\n  web:\n    ports: [\"80:80\"]\n")
            .Write("docker-compose.prod.yml", "services:\n  web:\n    restart: always\n")
            .Write("deploy/compose.yml", "services:\n  api:\n    image: api:1\n");
        var set = Project.Open(tree.Root).Model<ComposeSet>(ComposeSet.Build);
        Assert.Equal(3, set.Stacks.Count);
        Assert.Contains(set.Stacks, stack => stack.Files.Select(file => file.Path).SequenceEqual(["docker-compose.yml", "docker-compose.override.yml"]));
        Assert.Contains(set.Stacks, stack => stack.Files.Select(file => file.Path).SequenceEqual(["docker-compose.yml", "docker-compose.prod.yml"]));
        Assert.Contains(set.Stacks, stack => stack.Directory == "deploy" && stack.Services.Single().Name == "api");
    }

    [Theory]
    [InlineData("", "empty compose file")]
    [InlineData("just a string\n", "Top-level object must be a mapping")]
    [InlineData("a: 1\n---\nb: 2\n", "several YAML documents")]
    public void Degenerate_documents_are_DC000_with_a_clear_message(string content, string message)
    {
        using var tree = new TempTree().Write("compose.yaml", content);
        var finding = Assert.Single(Run(tree.Root));
        Assert.Equal("DC000", finding.Rule.Id);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_invalid_utf8_and_huge_files_are_DC000_not_crashes()
    {
        using var tree = new TempTree()
            .WriteBytes("a/compose.yaml", [0x73, 0x00, 0x01, 0x02])
            .WriteBytes("b/compose.yaml", [0x73, 0x3A, 0x20, 0xC3, 0x28, 0x0A])
            .Write("c/compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    environment:\n" + string.Concat(Enumerable.Range(0, 1_300_000).Select(i => $"      V{i}: \"{i}\"\n")));
        Assert.True(new FileInfo(tree.Path("c/compose.yaml")).Length > 20_000_000);
        var findings = Run(tree.Root);
        Assert.Equal(["a/compose.yaml", "b/compose.yaml", "c/compose.yaml"], findings.Select(finding => finding.Location.Path));
        Assert.All(findings, finding => Assert.Equal("DC000", finding.Rule.Id));
        Assert.Contains("NUL", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("invalid UTF-8", findings[1].Message, StringComparison.Ordinal);
        Assert.Contains("MiB", findings[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_key_bomb_is_bounded()
    {
        var lines = new List<string> { "x-a: &a {k: v}" };
        string previous = "a";
        foreach (char name in "bcdefghijklmnop")
        {
            lines.Add($"x-{name}: &{name}");
            lines.Add("  <<: [" + string.Join(", ", Enumerable.Repeat("*" + previous, 9)) + "]");
            previous = name.ToString();
        }

        lines.Add("services:\n  web:\n    <<: *" + previous + "\n    image: nginx:1.27");
        using var tree = new TempTree().Write("compose.yaml", string.Join('\n', lines) + "\n");
        var finding = Assert.Single(Run(tree.Root));
        Assert.Equal("DC000", finding.Rule.Id);
        Assert.Contains("YAML bomb", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_port_in_use_runs_only_with_the_switch_and_names_the_socket()
    {
        using var tree = new TempTree().Write("compose.yaml", "services:\n  redis:\n    image: redis:7.2\n    ports:\n      - \"6380:6379\"\n      - \"127.0.0.1:8080:80\"\n");
        const string procTcp = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n   0: 00000000:18EC 00000000:0000 0A 00000000:00000000 00:00000000 00000000   999        0 4242 1 0 100 0 0 10 0\n   1: 0100007F:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000   999        0 4243 1 0 100 0 0 10 0\n";
        var analyzer = new ComposeAnalyzer(() => Parsing.ProcNetTcp.ParseListening(procTcp));

        Assert.Empty(new CheckEngine([analyzer]).Run(Project.Open(tree.Root)).Findings);

        var project = new Project(tree.Root, Configuration.DrydockConfig.Default, Discovery.RepositoryScanner.Scan(tree.Root)) { Switches = new HashSet<string> { "host-ports" } };
        var finding = Assert.Single(new CheckEngine([analyzer]).Run(project).Findings);
        Assert.Equal("DC010", finding.Rule.Id);
        Assert.Equal(5, finding.Location.Line);
        Assert.Contains("host port 6380 of 'redis'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("0.0.0.0:6380 (uid 999, inode 4242)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pragmas_in_compose_files_suppress_findings()
    {
        using var tree = new TempTree().Write("compose.yaml", "services:\n  proxy:\n    # drydock ignore=DC015\n    privileged: true\n    image: traefik:3.1\n");
        var result = new CheckEngine([new ComposeAnalyzer(() => [])]).Run(Project.Open(tree.Root));
        Assert.Empty(result.Findings);
        Assert.Equal(1, result.SuppressedCount);
    }

    internal static IReadOnlyList<Finding> Run(string root)
    {
        var result = new CheckEngine([new ComposeAnalyzer(() => [])]).Run(Project.Open(root));
        Assert.Empty(result.Notes);
        return result.Findings;
    }
}
