using Drydock.Analysis;
using Drydock.CrossFile.Rules.Make;
using Drydock.Docker.Parsing;
using Drydock.Findings;
using Drydock.Testing;

namespace Drydock.CrossFile.Tests.Make;

/// <summary>GA047: workflow `make` calls read against the Makefile they reach.</summary>
public sealed class MakeCrossFileRuleTests
{
    private static readonly string CaseRoot = RepoRoot.Combine("tests", "Drydock.CrossFile.Tests", "Workflows", "Cases", "make-targets");

    private static List<Finding> Run(string root)
    {
        var sink = new FindingSink();
        new CrossFileAnalyzer().Analyze(Project.Open(root), sink);
        return [.. sink.Findings.Where(finding => finding.RuleId == MakeTargetMissingRule.Descriptor.Id)];
    }

    [Fact]
    public void Case_reports_exactly_the_marked_make_calls()
    {
        var expected = Directory.EnumerateFiles(CaseRoot, "*", SearchOption.AllDirectories)
            .SelectMany(file => InlineExpectations.Parse(Path.GetRelativePath(CaseRoot, file).Replace('\\', '/'), File.ReadAllText(file)))
            .Where(item => item.RuleId == "GA047").ToList();
        Assert.Equal(5, expected.Count);
        var findings = Run(CaseRoot);
        Assert.True(InlineExpectations.Compare(expected, findings) is null, string.Join('\n', findings.Select(finding => $"{finding.Location} {finding.Message}")));
    }

    [Fact]
    public void Finding_points_at_the_target_word_and_suggests_the_close_name()
    {
        var findings = Run(CaseRoot);
        var lint = Assert.Single(findings, finding => finding.Message.Contains("`make lint`", StringComparison.Ordinal));
        Assert.Equal(".github/workflows/ci.yml", lint.Location.Path);
        Assert.Equal(9, lint.Location.Line);
        Assert.Equal(19, lint.Location.Column);
        Assert.Equal(23, lint.Location.EndColumn);
        Assert.Contains("No rule to make target 'lint'", lint.Message, StringComparison.Ordinal);
        Assert.Contains("its targets are build, coverage, install, lint-python, test", lint.Message, StringComparison.Ordinal);
        var typo = Assert.Single(findings, finding => finding.Message.Contains("htlm", StringComparison.Ordinal));
        Assert.Contains("docs/Makefile", typo.Message, StringComparison.Ordinal);
        Assert.Contains("its targets are html", typo.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiet_when_the_makefile_or_the_folder_is_unknown_or_may_hold_more_targets_but_not_otherwise()
    {
        using var tree = new TempTree()
            .Write("Makefile", "all:\n\ttrue\n")
            .Write("inc/Makefile", "include $(wildcard *.mk)\nall:\n\ttrue\n")
            .Write("sub/Makefile", "$(TARGETS):\n\ttrue\n")
            .Write(".github/workflows/ci.yml", """
                on: push
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: make -C inc lint
                      - run: make -C sub anything
                      - run: make -C nowhere x
                      - run: make -f Makefile.missing x
                      - run: pushd inc && make lint
                      - run: |
                          if [ -d inc ]; then cd inc; fi
                          make lint
                      - run: (cd inc && make lint)
                      - run: cd "$HOME/src" && make lint
                      - run: make missing-target
                  b:
                    runs-on: ubuntu-latest
                    steps:
                      - run: make lint
                """);
        var control = Assert.Single(Run(tree.Root));
        Assert.Contains("`make missing-target`", control.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_known_folder_after_cd_is_followed()
    {
        using var tree = new TempTree()
            .Write("Makefile", "lint:\n\ttrue\n")
            .Write("app/Makefile", "test:\n\ttrue\n")
            .Write(".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: |\n          make lint\n          cd app\n          make test\n          make lint\n");
        var finding = Assert.Single(Run(tree.Root));
        Assert.Equal(11, finding.Location.Line);
        Assert.Contains("app/Makefile has no target 'lint'", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("make lint test", "", "", "lint,test")]
    [InlineData("make -C docs html", "docs", "", "html")]
    [InlineData("make -Cdocs -f x.mk html", "docs", "x.mk", "html")]
    [InlineData("make --directory=a --directory b --makefile=M all", "a,b", "M", "all")]
    [InlineData("make -j 4 -k -sj8 -l 2 VAR=1 -- test", "", "", "test")]
    [InlineData("gmake -I inc -o old.o -W new.c all", "", "", "all")]
    public void Make_arguments_are_read_like_gnu_make(string commandLine, string directories, string files, string goals)
    {
        var script = ShellParser.Parse(SourceMap.Contiguous(commandLine, 0, commandLine.Length));
        var command = Assert.Single(script.AllCommands());
        Assert.True(MakeInvocation.IsMake(command.Effective.Program));
        var invocation = MakeInvocation.Read(command.Effective.Arguments);
        Assert.False(invocation.IsUnknown);
        Assert.Equal(directories, string.Join(',', invocation.Directories));
        Assert.Equal(files, string.Join(',', invocation.Files));
        Assert.Equal(goals, string.Join(',', invocation.Goals.Select(word => word.Value)));
    }

    [Fact]
    public void An_expanded_directory_makes_the_call_unknown()
    {
        const string commandLine = "make -C $DIR test";
        var script = ShellParser.Parse(SourceMap.Contiguous(commandLine, 0, commandLine.Length));
        Assert.True(MakeInvocation.Read(Assert.Single(script.AllCommands()).Effective.Arguments).IsUnknown);
    }
}
