using System.Diagnostics;
using Drydock.Analysis;
using Drydock.Python.Git;
using Drydock.Python.Model;
using Drydock.Testing;

namespace Drydock.Python.Tests;

/// <summary>Real repositories built at test time with git; nothing binary is committed to Drydock.</summary>
public sealed class GitTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private static void Git(string root, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in arguments) { start.ArgumentList.Add(argument); }
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
    }

    private static TempTree Repository(string? gitmodules, params string[] gitlinks)
    {
        var tree = new TempTree();
        Git(tree.Root, "init", "-q");
        if (gitmodules is not null) { tree.Write(".gitmodules", gitmodules); }
        foreach (string link in gitlinks)
        {
            Git(tree.Root, "update-index", "--add", "--cacheinfo", $"160000,{Sha},{link}");
        }

        return tree;
    }

    private static List<string> Findings(TempTree tree) =>
        [.. CaseTests.Run(tree.Root).Select(finding => $"{finding.Location.Path}:{finding.Location.Line} {finding.RuleId}")];

    [Fact]
    public void Gitlinks_are_read_from_the_index()
    {
        using var tree = Repository(null, "docs/mcp-python-sdk", "vendor/lib");
        var index = GitIndex.Read(tree.Root);
        Assert.True(index.WasRead, index.Note);
        Assert.Equal(["docs/mcp-python-sdk", "vendor/lib"], index.GitLinks.Select(link => link.Path));
        Assert.Equal(Sha, index.GitLinks[0].CommitId);
    }

    [Fact]
    public void Gitlink_without_gitmodules_fires_gt001_on_the_path()
    {
        using var tree = Repository(null, "docs/mcp-python-sdk");
        Assert.Equal(["docs/mcp-python-sdk:0 GT001"], Findings(tree));
        var finding = CaseTests.Run(tree.Root).Single();
        Assert.Contains("fatal: No url found for submodule path 'docs/mcp-python-sdk' in .gitmodules", finding.Message, StringComparison.Ordinal);
        Assert.Contains("git rm --cached docs/mcp-python-sdk", finding.FixAdvice, StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_without_url_fires_gt001_on_the_entry()
    {
        using var tree = Repository("# submodules\n[submodule \"sdk\"]\n\tpath = docs/mcp-python-sdk\n", "docs/mcp-python-sdk");
        Assert.Equal([".gitmodules:2 GT001"], Findings(tree));
    }

    [Fact]
    public void Entry_without_gitlink_fires_gt002()
    {
        using var tree = Repository("[submodule \"sdk\"]\n\tpath = docs/sdk\n\turl = https://example.org/sdk.git\n[submodule \"ok\"]\n\tpath = libs/ok\n\turl = https://example.org/ok.git\n", "libs/ok");
        Assert.Equal([".gitmodules:1 GT002"], Findings(tree));
    }

    [Fact]
    public void Complete_submodules_are_quiet()
    {
        using var tree = Repository("[submodule \"libs/ok\"]\n\tpath = libs/ok\n\turl = https://example.org/ok.git\n\tbranch = main\n", "libs/ok");
        Assert.Empty(Findings(tree));
        var modules = Project.Open(tree.Root).Model(PythonProject.Build).GitModules!;
        Assert.Equal("main", Assert.Single(modules.Submodules).Branch);
    }

    [Fact]
    public void Broken_gitmodules_fires_gt000()
    {
        using var tree = Repository("[submodule \"a\"\n\tpath = a\n[submodule b]\n\turl = x\n!!!\n");
        Assert.Equal([".gitmodules:1 GT000", ".gitmodules:3 GT000", ".gitmodules:5 GT000"], Findings(tree));
    }

    [Fact]
    public void No_repository_means_git_not_read_and_no_crash()
    {
        using var tree = new TempTree();
        tree.Write("x.py", "x = 1\n");
        var index = GitIndex.Read(tree.Root);
        Assert.False(index.WasRead);
        Assert.NotNull(index.Note);
        Assert.Empty(Findings(tree));
    }

    [Fact]
    public void A_broken_dot_git_is_not_a_crash()
    {
        using var tree = new TempTree();
        tree.Write(".git", "gitdir: /nonexistent/place\n");
        var index = GitIndex.Read(tree.Root);
        Assert.False(index.WasRead);
        Assert.Contains("git index not read", index.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_below_the_work_tree_sees_relative_gitlinks()
    {
        using var tree = Repository(null, "service/docs/sdk", "other/thing");
        Directory.CreateDirectory(tree.Path("service"));
        var index = GitIndex.Read(tree.Path("service"));
        Assert.Equal(["docs/sdk"], index.GitLinks.Select(link => link.Path));
    }
}
