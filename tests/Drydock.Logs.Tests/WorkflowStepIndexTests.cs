using Drydock.Findings;
using Drydock.Logs.Analysis;
using Drydock.Testing;

namespace Drydock.Logs.Tests;

/// <summary>Workflow steps as diagnose finds them from a log's step title, read with the YAML loader.</summary>
public sealed class WorkflowStepIndexTests
{
    private const string Workflow = """
        name: ci
        on: push
        defaults:
          run:
            working-directory: services/api
        jobs:
          test:
            runs-on: ubuntu-latest
            defaults:
              run:
                working-directory: ./backend/
            steps:
              - uses: actions/checkout@v4
              - name: Lint
                run: make lint
              - run: |
                  pip install -e .
                  make test
              - run: make docs
                working-directory: ${{ matrix.folder }}
          build:
            runs-on: ubuntu-latest
            steps:
              - run: make image
        """;

    [Fact]
    public void LogTitlesFindTheStepAtTheKeyThatGaveTheTitle()
    {
        var index = Load(Workflow);
        Assert.Equal(new SourceLocation(".github/workflows/ci.yml", 14, 0, 15), index.Find("Lint"));
        Assert.Equal(new SourceLocation(".github/workflows/ci.yml", 13, 0, 13), index.Find("Run actions/checkout@v4"));
        Assert.Equal(new SourceLocation(".github/workflows/ci.yml", 16, 0, 18), index.Find("Run pip install -e ."));
        Assert.Null(index.Find("Run make nothing"));
    }

    [Fact]
    public void ABlockScriptKeepsItsLinesAndTheWorkingDirectoryFollowsDefaults()
    {
        var index = Load(Workflow);
        var block = index.At(new SourceLocation(".github/workflows/ci.yml", 17))!;
        Assert.Equal(17, block.ScriptLine);
        Assert.Equal(["pip install -e .", "make test"], block.Script.Split('\n').Select(line => line.Trim()).ToArray());
        Assert.Equal("backend", block.Folder);
        Assert.Null(index.At(new SourceLocation(".github/workflows/ci.yml", 19))!.Folder);
        Assert.Equal("services/api", index.At(new SourceLocation(".github/workflows/ci.yml", 24))!.Folder);
        Assert.Equal((15, "make lint"), (index.At(new SourceLocation(".github/workflows/ci.yml", 15))!.ScriptLine, index.At(new SourceLocation(".github/workflows/ci.yml", 15))!.Script));
    }

    [Theory]
    [InlineData("jobs: [\n")]
    [InlineData("jobs:\n  a: 1\n")]
    [InlineData("")]
    public void BrokenOrOddWorkflowsGiveNoSteps(string text) => Assert.Empty(Load(text).Steps);

    private static WorkflowStepIndex Load(string workflow)
    {
        using var tree = new TempTree();
        tree.Write(".github/workflows/ci.yml", workflow + "\n");
        return WorkflowStepIndex.Load(tree.Root, [".github/workflows/ci.yml"]);
    }
}
