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
        var places = new ComposeServiceLocator(tree.Root).Locate("cc-executor-websocket");
        Assert.Equal(
            ["compose.yaml:4-9 the compose service 'websocket'", "compose.yaml:9-9 the command compose runs for 'websocket'", "docker/Dockerfile:6-0 the CMD the container of 'websocket' runs"],
            places.Select(place => $"{place.Location.Path}:{place.Location.Line}-{place.Location.EndLine} {place.Message}").ToArray());
    }

    [Theory]
    [InlineData("api")]
    [InlineData("api-1")]
    [InlineData("myproject-api-1")]
    [InlineData("myproject_api_1")]
    public void ComposeNamesOfAServiceAllFindIt(string name)
    {
        using var tree = Repository();
        var places = new ComposeServiceLocator(tree.Root).Locate(name);
        Assert.Equal("the compose service 'api'", places[0].Message);
        Assert.Equal(["Dockerfile:3 ENTRYPOINT", "Dockerfile:6 CMD"], places.Skip(1).Select(place => $"{place.Location.Path}:{place.Location.Line} {place.Message.Split(' ')[1]}").ToArray());
    }

    [Fact]
    public void UnknownNamesBrokenFilesAndVariablesLinkNothing()
    {
        using var tree = Repository();
        Assert.Empty(new ComposeServiceLocator(tree.Root).Locate("postgres"));

        using var broken = new TempTree();
        broken.Write("compose.yaml", "services:\n  api: [\n");
        Assert.Empty(new ComposeServiceLocator(broken.Root).Locate("api"));

        using var variable = new TempTree();
        variable.Write("compose.yaml", "services:\n  api:\n    build: ${CONTEXT}\n");
        Assert.Equal(["the compose service 'api'"], new ComposeServiceLocator(variable.Root).Locate("api").Select(place => place.Message).ToArray());
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

    private static TempTree Repository()
    {
        var tree = new TempTree();
        tree.Write("compose.yaml", Compose + "\n");
        tree.Write("docker/Dockerfile", "FROM python:3.12-slim AS build\nCMD [\"echo\", \"builder\"]\nFROM python:3.12-slim\nCOPY . /app\nWORKDIR /app\nCMD [\"python\", \"-m\", \"executor\"]\n");
        tree.Write("Dockerfile", "FROM python:3.12-slim\nCOPY . /app\nENTRYPOINT [\"python\", \\\n  \"-m\", \"api\"]\nUSER 1000\nCMD [\"--port\", \"8000\"]\n");
        return tree;
    }
}
