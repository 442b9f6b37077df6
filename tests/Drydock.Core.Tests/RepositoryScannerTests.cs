using Drydock.Discovery;
using Drydock.Testing;

namespace Drydock.Core.Tests;

public class RepositoryScannerTests
{
    [Theory]
    [InlineData("Dockerfile", FileKind.Dockerfile)]
    [InlineData("deploy/Containerfile", FileKind.Dockerfile)]
    [InlineData("api.Dockerfile", FileKind.Dockerfile)]
    [InlineData("Dockerfile.prod", FileKind.Dockerfile)]
    [InlineData("Dockerfile.md", FileKind.Other)]
    [InlineData("Dockerfile.dockerignore", FileKind.DockerIgnore)]
    [InlineData(".dockerignore", FileKind.DockerIgnore)]
    [InlineData("compose.yaml", FileKind.Compose)]
    [InlineData("docker-compose.override.yml", FileKind.Compose)]
    [InlineData(".github/workflows/ci.yml", FileKind.Workflow)]
    [InlineData("ci.yml", FileKind.Other)]
    [InlineData(".github/actions/setup/action.yml", FileKind.CompositeAction)]
    [InlineData("tests/test_x.py", FileKind.Python)]
    [InlineData("requirements-dev.txt", FileKind.Requirements)]
    [InlineData("pyproject.toml", FileKind.PyProject)]
    [InlineData(".gitmodules", FileKind.GitModules)]
    [InlineData("Makefile", FileKind.Makefile)]
    public void Files_are_classified_by_name_and_place(string path, FileKind kind)
    {
        Assert.Equal(kind, FileClassifier.Classify(path));
    }

    [Fact]
    public void Files_under_a_folder_are_its_whole_subtree_and_nothing_beside_it()
    {
        using var tree = new TempTree();
        foreach (string path in new[] { "tests/test_a.py", "tests/unit/test_b.py", "tests2/test_c.py", "tests.py", "src/app.py", "README.md" })
        {
            tree.Write(path, "x\n");
        }

        var inventory = RepositoryScanner.Scan(tree.Root, [], null);
        Assert.Equal(["tests/test_a.py", "tests/unit/test_b.py"], inventory.FilesUnder("tests/"));
        Assert.Equal(["tests/unit/test_b.py"], inventory.FilesUnder("/tests/unit"));
        Assert.Empty(inventory.FilesUnder("test"));
        Assert.Empty(inventory.FilesUnder("docs"));
        Assert.Equal(6, inventory.FilesUnder("").Count);
        Assert.Equal(inventory.FilesUnder("").Order(StringComparer.Ordinal), inventory.FilesUnder(""));
    }

    [Fact]
    public void The_walk_skips_gitignored_vendored_and_excluded_paths()
    {
        using var tree = new TempTree();
        tree.Write(".gitignore", "secret/\n*.log\n")
            .Write("Dockerfile", "FROM python:3.12\n")
            .Write("secret/Dockerfile", "FROM x\n")
            .Write("build.log", "")
            .Write("node_modules/pkg/Dockerfile", "FROM y\n")
            .Write("services/api/Dockerfile.prod", "FROM z\n")
            .Write("services/api/.gitignore", "local.Dockerfile\n")
            .Write("services/api/local.Dockerfile", "FROM w\n")
            .Write("third/Dockerfile", "FROM v\n");

        var inventory = RepositoryScanner.Scan(tree.Root, ["third/**"]);

        Assert.Equal(["Dockerfile", "services/api/Dockerfile.prod"], inventory.OfKind(FileKind.Dockerfile).Select(file => file.RelativePath));
        Assert.False(inventory.FileExists("build.log"));
        Assert.True(inventory.DirectoryExists("services/api"));
    }

    [Fact]
    public void A_symlink_loop_does_not_trap_the_walk()
    {
        using var tree = new TempTree();
        tree.Write("a/Dockerfile", "FROM x\n");
        Directory.CreateSymbolicLink(tree.Path("a/loop"), tree.Path("a"));
        var inventory = RepositoryScanner.Scan(tree.Root);
        Assert.Single(inventory.OfKind(FileKind.Dockerfile));
    }
}
