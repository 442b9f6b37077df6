using Drydock.Analysis;
using Drydock.Compose.Model;
using Drydock.Findings;

namespace Drydock.Compose;

/// <summary>What a DC rule sees: the project, the compose model, the knowledge, and a way to report.</summary>
public sealed class ComposeContext(Project project, ComposeSet compose, FindingSink sink, Func<IReadOnlyList<Parsing.ListeningSocket>> listeningSockets)
{
    private readonly Lazy<IReadOnlyList<Parsing.ListeningSocket>> sockets = new(listeningSockets);

    public Project Project { get; } = project;

    public ComposeSet Compose { get; } = compose;

    public ComposeKnowledge Knowledge { get; } = ComposeKnowledge.Default;

    public FindingSink Sink { get; } = sink;

    /// <summary>The TCP sockets listening on this machine (read only when a rule asks, i.e. with --host-ports).</summary>
    public IReadOnlyList<Parsing.ListeningSocket> ListeningSockets() => sockets.Value;

    /// <summary>Reports at a compose node (in whichever file it came from).</summary>
    public void Report(RuleDescriptor rule, ComposeValue at, string message, string? fixAdvice = null, Fix? fix = null, IReadOnlyList<RelatedLocation>? related = null)
    {
        if (at.File.Text is null)
        {
            Sink.Report(rule, SourceLocation.WholeFile(at.File.Path), message, fixAdvice: fixAdvice, fix: fix, related: related);
            return;
        }

        var (start, end) = at.Span;
        Sink.Report(rule, at.File.Text, start, end, message, fixAdvice: fixAdvice, fix: fix, related: related);
    }

    public static RelatedLocation Related(ComposeValue at, string message) => new(at.Location, message);
}

/// <summary>A DC rule: a descriptor and a check over the compose model.</summary>
public interface IComposeRule
{
    RuleDescriptor Rule { get; }

    void Check(ComposeContext context);
}

/// <summary>Helpers for rules that look at the repository's files and build text edits.</summary>
public static class ComposeEdits
{
    /// <summary>A fix that replaces a scalar's text, keeping its quote style.</summary>
    public static Fix ReplaceScalar(string title, Model.ComposeValue scalar, string newValue, bool isSafe)
    {
        var (start, end) = scalar.Span;
        string original = scalar.File.Text!.Text[start..end];
        string replacement = original.Length > 0 && original[0] is '"' or '\'' ? original[0] + newValue + original[0] : newValue;
        return new Fix(title, isSafe, [new TextEdit(scalar.File.Path, start, end - start, replacement)]);
    }

    /// <summary>A fix that deletes whole lines (from the start of the node's line to the end of its last line).</summary>
    public static Fix DeleteLines(string title, Model.ComposeValue from, int endOffset, bool isSafe)
    {
        var text = from.File.Text!;
        var (line, _) = text.Position(from.Span.Start);
        var (lastLine, _) = text.Position(Math.Max(from.Span.Start, endOffset - 1));
        int start = text.LineStart(line);
        int end = lastLine < text.LineCount ? text.LineStart(lastLine + 1) : text.Text.Length;
        return new Fix(title, isSafe, [new TextEdit(from.File.Path, start, end - start, "")]);
    }

    public static bool FileExists(Analysis.Project project, string path) =>
        project.Files.FileExists(path) || File.Exists(project.FullPath(path));

    public static bool DirectoryExists(Analysis.Project project, string path) =>
        project.Files.DirectoryExists(path) || Directory.Exists(project.FullPath(path));

    /// <summary>'/' path of <paramref name="path"/> relative to <paramref name="directory"/> (both relative to the root).</summary>
    public static string RelativeTo(string directory, string path) =>
        Path.GetRelativePath("/" + directory, "/" + path).Replace('\\', '/');
}
