using Drydock.Containers;
using Drydock.Discovery;

namespace Drydock.Core.Tests;

public class ContainerAndPathTests
{
    [Theory]
    [InlineData("python", null, "python", null, null)]
    [InlineData("python:3.12-slim", null, "python", "3.12-slim", null)]
    [InlineData("library/python:3.12", null, "library/python", "3.12", null)]
    [InlineData("docker.io/library/python:3.12", "docker.io", "library/python", "3.12", null)]
    [InlineData("ghcr.io/acme/api:1.0@sha256:abc", "ghcr.io", "acme/api", "1.0", "sha256:abc")]
    [InlineData("localhost:5000/app", "localhost:5000", "app", null, null)]
    [InlineData("localhost/app:dev", "localhost", "app", "dev", null)]
    [InlineData("acme/api", null, "acme/api", null, null)]
    [InlineData("registry:5000/team/app", "registry:5000", "team/app", null, null)]
    [InlineData("app:", null, "app", "", null)]
    [InlineData("app@", null, "app", null, "")]
    [InlineData("", null, "", null, null)]
    public void Image_references_split_into_registry_repository_tag_and_digest(string text, string? registry, string repository, string? tag, string? digest)
    {
        Assert.Equal(new ImageReferenceParts(registry, repository, tag, digest), ImageReferenceParts.Split(text));
    }

    [Theory]
    [InlineData("", "", "")]
    [InlineData("", "a/b.txt", "a/b.txt")]
    [InlineData("deploy", "", "deploy")]
    [InlineData("deploy", "app.py", "deploy/app.py")]
    [InlineData("deploy", "./app.py", "deploy/app.py")]
    [InlineData("deploy", "../src//app.py", "src/app.py")]
    [InlineData("deploy", "..", "")]
    [InlineData("deploy", "../..", null)]
    [InlineData("", "..", null)]
    [InlineData("", "./a/./b/../c/", "a/c")]
    [InlineData("a/./b", "c", "a/b/c")]
    [InlineData("a/b/..", "c", "a/c")]
    [InlineData("a/", "c", "a/c")]
    public void Repository_paths_resolve_dot_segments_and_stay_inside_the_root(string directory, string path, string? expected)
    {
        Assert.Equal(expected, RepositoryPath.Combine(directory, path));
    }
}
