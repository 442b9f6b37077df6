using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Fixing;
using Drydock.Testing;
using Drydock.Text;

namespace Drydock.Core.Tests;

public class FixingTests
{
    private static readonly RuleDescriptor Shout = new("DF903", "shout-test", Severity.Warning, "s", "w", "f") { Fixable = true };
    private static readonly RuleDescriptor Stubborn = new("DF904", "stubborn-test", Severity.Warning, "s", "w", "f") { Fixable = true };
    private static readonly RuleDescriptor Breaker = new("DF905", "breaker-test", Severity.Warning, "s", "w", "f") { Fixable = true };
    private static readonly RuleDescriptor Parse = new("DF000", "parse-test", Severity.Error, "s", "w", "f");
    private static readonly RuleDescriptor Risky = new("DF906", "risky-test", Severity.Info, "s", "w", "f") { Fixable = true };

    /// <summary>
    /// A toy analyzer over "Dockerfile"s: lowercase "run " is upper-cased (a fix that works), "stubborn"
    /// gets a fix that leaves the finding, "break" gets a fix that breaks parsing ("((" is a parse error),
    /// and "risky" gets an unsafe fix. Good enough to drive every branch of the fix machinery.
    /// </summary>
    private sealed class ToyAnalyzer : IAnalyzer
    {
        public IReadOnlyList<RuleDescriptor> Rules => [Shout, Stubborn, Breaker, Parse, Risky];

        public void Analyze(Project project, FindingSink sink)
        {
            foreach (var file in project.Files.OfKind(Discovery.FileKind.Dockerfile))
            {
                var text = project.ReadText(file.RelativePath).Text!;
                Find(text, "((", offset => sink.Report(Parse, text, offset, offset + 2, "unbalanced"));
                Find(text, "run ", offset => sink.Report(Shout, text, offset, offset + 3, "lowercase run",
                    fix: new Fix("upper-case", true, [new TextEdit(text.Path, offset, 3, "RUN")])));
                Find(text, "stubborn", offset => sink.Report(Stubborn, text, offset, offset + 8, "stubborn",
                    fix: new Fix("no-op", true, [new TextEdit(text.Path, offset, 8, "stubborn")])));
                Find(text, "break", offset => sink.Report(Breaker, text, offset, offset + 5, "break",
                    fix: new Fix("breaks", true, [new TextEdit(text.Path, offset, 5, "((")])));
                Find(text, "risky", offset => sink.Report(Risky, text, offset, offset + 5, "risky",
                    fix: new Fix("changes behaviour", false, [new TextEdit(text.Path, offset, 5, "safe!")])));
            }
        }

        private static void Find(SourceText text, string needle, Action<int> report)
        {
            for (int at = text.Text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.Text.IndexOf(needle, at + 1, StringComparison.Ordinal))
            {
                report(at);
            }
        }
    }

    private static FixOutcome RunFix(TempTree tree, bool includeUnsafe = false) =>
        new FixSession(new CheckEngine([new ToyAnalyzer()])).Run(Project.Open(tree.Root), includeUnsafe);

    [Fact]
    public void Working_fixes_are_kept_and_failing_ones_rolled_back_with_a_reason()
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM a\nrun x\nstubborn\nbreak\nrisky\n");

        var outcome = RunFix(tree);

        var change = Assert.Single(outcome.Changes);
        Assert.Equal("FROM a\nRUN x\nstubborn\nbreak\nrisky\n", change.NewText);
        Assert.Equal(["DF903"], outcome.Fixed.Select(finding => finding.RuleId));
        Assert.Contains(outcome.Skipped, skip => skip.Finding.RuleId == "DF904" && skip.Reason == FixSkipReason.VerificationFailed);
        Assert.Contains(outcome.Skipped, skip => skip.Finding.RuleId == "DF905" && skip.Detail.Contains("no longer parses", StringComparison.Ordinal));
        Assert.Contains(outcome.Skipped, skip => skip.Finding.RuleId == "DF906" && skip.Reason == FixSkipReason.Unsafe);
    }

    [Fact]
    public void Unsafe_fixes_apply_only_when_asked()
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM a\nrisky\n");
        Assert.Equal("FROM a\nsafe!\n", Assert.Single(RunFix(tree, includeUnsafe: true).Changes).NewText);
    }

    [Fact]
    public void Fixing_twice_changes_nothing_the_second_time()
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM a\nrun x && run y\nrun z\n");
        foreach (var change in RunFix(tree).Changes)
        {
            AtomicFileWriter.Write(tree.Root, change);
        }

        Assert.Equal("FROM a\nRUN x && RUN y\nRUN z\n", File.ReadAllText(tree.Path("Dockerfile")));
        Assert.Empty(RunFix(tree).Changes);
    }

    [Fact]
    public void Crlf_line_endings_and_the_bom_are_kept()
    {
        using var tree = new TempTree();
        tree.WriteBytes("Dockerfile", [0xEF, 0xBB, 0xBF, .. "FROM a\r\nrun x\r\n"u8]);
        foreach (var change in RunFix(tree).Changes)
        {
            AtomicFileWriter.Write(tree.Root, change);
        }

        Assert.Equal([0xEF, 0xBB, 0xBF, .. "FROM a\r\nRUN x\r\n"u8], File.ReadAllBytes(tree.Path("Dockerfile")));
    }

    [Fact]
    public void Overlapping_edits_are_never_both_applied()
    {
        var a = new TextEdit("f", 0, 5, "A");
        var b = new TextEdit("f", 3, 4, "B");
        var insertX = new TextEdit("f", 10, 0, "x");
        var insertY = new TextEdit("f", 10, 0, "y");
        Assert.True(FixPlanner.Conflicts(a, b));
        Assert.True(FixPlanner.Conflicts(insertX, insertY));
        Assert.False(FixPlanner.Conflicts(insertX, insertX));
        Assert.False(FixPlanner.Conflicts(a, new TextEdit("f", 5, 1, "C")));
        Assert.False(FixPlanner.Conflicts(a, new TextEdit("g", 0, 5, "A")));
        Assert.Equal("A-C", FixPlanner.Apply("abcde-f", [a, new TextEdit("f", 6, 1, "C")]));
    }

    [Fact]
    public void A_file_changed_since_it_was_read_is_not_written()
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM a\nrun x\n");
        var change = Assert.Single(RunFix(tree).Changes);
        tree.Write("Dockerfile", "FROM a\nrun x\n# edited meanwhile\n");

        var error = Assert.Throws<FixWriteException>(() => AtomicFileWriter.Write(tree.Root, change));
        Assert.Contains("changed on disk", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("# edited meanwhile\n", File.ReadAllText(tree.Path("Dockerfile")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlinked_file_is_refused_and_nothing_is_written_outside_the_repository()
    {
        using var outside = new TempTree();
        using var tree = new TempTree();
        outside.Write("Dockerfile", "FROM a\nrun x\n");
        File.CreateSymbolicLink(tree.Path("Dockerfile"), outside.Path("Dockerfile"));
        var change = new FileChange(new SourceText("Dockerfile", "FROM a\nrun x\n"), "FROM a\nRUN x\n");

        var error = Assert.Throws<FixWriteException>(() => AtomicFileWriter.Write(tree.Root, change));
        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
        Assert.Equal("FROM a\nrun x\n", File.ReadAllText(outside.Path("Dockerfile")));

        var escape = new FileChange(new SourceText("../escape", "x"), "y");
        Assert.Throws<FixWriteException>(() => AtomicFileWriter.Write(tree.Root, escape));
    }

    [Fact]
    public void A_read_only_file_is_refused_and_left_as_it_was()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM a\nrun x\n");
        File.SetUnixFileMode(tree.Path("Dockerfile"), UnixFileMode.UserRead | UnixFileMode.GroupRead);
        var change = Assert.Single(RunFix(tree).Changes);

        var error = Assert.Throws<FixWriteException>(() => AtomicFileWriter.Write(tree.Root, change));
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        Assert.Equal("FROM a\nrun x\n", File.ReadAllText(tree.Path("Dockerfile")));
    }

    [Fact]
    public void The_file_mode_is_kept_and_no_temporary_file_is_left_behind()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var tree = new TempTree();
        tree.Write("build.Dockerfile", "FROM a\nrun x\n");
        File.SetUnixFileMode(tree.Path("build.Dockerfile"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead);
        foreach (var change in RunFix(tree).Changes)
        {
            AtomicFileWriter.Write(tree.Root, change);
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead, File.GetUnixFileMode(tree.Path("build.Dockerfile")));
        Assert.Equal(["build.Dockerfile"], Directory.GetFiles(tree.Root).Select(Path.GetFileName));
    }
}
