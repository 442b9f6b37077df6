using Drydock.Logs.Analysis;
using Drydock.Testing;

namespace Drydock.Logs.Tests;

/// <summary>A container named in a compose log is traced to its service block, command override and the CMD it runs.</summary>
public sealed class ComposeServiceLocatorTests
{
    private const string Compose = """
        services:
          redis:
            image: redis:7
          websocket:
            build:
              context: .
              dockerfile: docker/Dockerfile
            container_name: cc-executor-websocket
            command: ["python", "-m", "executor.server"]
          api:
            build: .
        """;

    [Fact]
    public void AContainerNameLeadsToTheServiceItsCommandAndTheDockerfileCmd()
    {
        using var tree = Repository();
        var places = Locator(tree.Root).Locate("cc-executor-websocket");
        Assert.Equal(
            ["compose.yaml:4-9 the compose service 'websocket'", "compose.yaml:9-9 the command compose runs for 'websocket'", "docker/Dockerfile:6-0 the CMD the container of 'websocket' runs"],
            places.Select(place => $"{place.Location.Path}:{place.Location.Line}-{place.Location.EndLine} {place.Message}").ToArray());
    }

    [Theory]
    [InlineData("api")]
    [InlineData("api-1")]
    [InlineData("shop-api")]
    [InlineData("shop-api-1")]
    [InlineData("shop_api_1")]
    public void ComposeNamesOfAServiceAllFindIt(string name)
    {
        using var tree = Repository("name: shop\n");
        var places = Locator(tree.Root).Locate(name);
        Assert.Equal("the compose service 'api'", places[0].Message);
        Assert.Equal(["Dockerfile:3 ENTRYPOINT", "Dockerfile:6 CMD"], places.Skip(1).Select(place => $"{place.Location.Path}:{place.Location.Line} {place.Message.Split(' ')[1]}").ToArray());
    }

    [Fact]
    public void UnknownNamesBrokenFilesAndVariablesLinkNothing()
    {
        using var tree = Repository();
        Assert.Empty(Locator(tree.Root).Locate("postgres"));

        using var broken = new TempTree();
        broken.Write("compose.yaml", "services:\n  api: [\n");
        Assert.Empty(Locator(broken.Root).Locate("api"));

        using var variable = new TempTree();
        variable.Write("compose.yaml", "services:\n  api:\n    build: ${CONTEXT}\n");
        Assert.Equal(["the compose service 'api'"], Locator(variable.Root).Locate("api").Select(place => place.Message).ToArray());
    }

    [Fact]
    public void NamesComeFromComposePrefixesAndContainerMessages()
    {
        string[] lines =
        [
            "cc-executor-websocket  | Demo complete. Run with --server to start the WebSocket server.",
            "dependency failed to start: container cc-executor-websocket exited (0)",
            "plain line without a name",
        ];
        Assert.Equal(["cc-executor-websocket", "cc-executor-websocket"], ComposeServiceLocator.NamesIn(lines).ToArray());
    }

    [Fact]
    public void AComposeFileInASubfolderResolvesItsBuildContextFromThere()
    {
        using var tree = new TempTree();
        tree.Write("deployment/docker-compose.yml", "services:\n  worker:\n    build:\n      context: ..\n      dockerfile: deployment/Dockerfile\n");
        tree.Write("deployment/Dockerfile", "FROM python:3.12-slim\nCMD [\"python\", \"-m\", \"worker\"]\n");
        var places = Locator(tree.Root).Locate("worker");
        Assert.Equal(["deployment/docker-compose.yml:2", "deployment/Dockerfile:2"], places.Select(place => $"{place.Location.Path}:{place.Location.Line}").ToArray());
    }

    [Theory]
    [InlineData("compose.yaml", true)]
    [InlineData("docker-compose.yml", true)]
    [InlineData("docker-compose.prod.yml", true)]
    [InlineData("compose.override.yaml", true)]
    [InlineData("composer.yaml", false)]
    [InlineData("my-compose.yml", false)]
    public void ComposeFileNamesAreRecognised(string name, bool expected) => Assert.Equal(expected, ComposeServiceLocator.IsComposeFileName(name));

    private static ComposeServiceLocator Locator(string root) =>
        new(root, [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(path => ComposeServiceLocator.IsComposeFileName(Path.GetFileName(path))).Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))]);

    [Fact]
    public void TheProjectNameDefaultsToTheComposeFilesFolder()
    {
        using var tree = new TempTree();
        tree.Write("Deploy.Stack/compose.yaml", "services:\n  api:\n    image: nginx\n");
        Assert.Single(Locator(tree.Root).Locate("deploystack-api-1"));
        Assert.Empty(Locator(tree.Root).Locate("other-api-1"));
    }

    private static TempTree Repository(string header = "")
    {
        var tree = new TempTree();
        tree.Write("compose.yaml", header + Compose + "\n");
        tree.Write("docker/Dockerfile", "FROM python:3.12-slim AS build\nCMD [\"echo\", \"builder\"]\nFROM python:3.12-slim\nCOPY . /app\nWORKDIR /app\nCMD [\"python\", \"-m\", \"executor\"]\n");
        tree.Write("Dockerfile", "FROM python:3.12-slim\nCOPY . /app\nENTRYPOINT [\"python\", \\\n  \"-m\", \"api\"]\nUSER 1000\nCMD [\"--port\", \"8000\"]\n");
        return tree;
    }
}
