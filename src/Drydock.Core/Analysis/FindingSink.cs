using System.Collections.Concurrent;
using Drydock.Findings;
using Drydock.Text;

namespace Drydock.Analysis;

/// <summary>Collects findings from analyzers; thread-safe, since analyzers run in parallel.</summary>
public sealed class FindingSink
{
    private readonly ConcurrentQueue<Finding> findings = new();
    private readonly ConcurrentQueue<string> notes = new();

    public IReadOnlyCollection<Finding> Findings => findings;

    /// <summary>What an analyzer could not check, in words ("python:3.7 is too old to tell its Debian release; packages not checked").</summary>
    public IReadOnlyCollection<string> Notes => notes;

    /// <summary>Records something left unchecked, so a quiet report is never mistaken for a clean one.</summary>
    public void Note(string message) => notes.Enqueue(message);

    public void Add(Finding finding) => findings.Enqueue(finding);

    /// <summary>
    /// Reports a finding at a span of a source file. Evidence defaults to the source lines of the span,
    /// why and fix advice to the rule's own.
    /// </summary>
    public void Report(
        RuleDescriptor rule,
        SourceText source,
        int startOffset,
        int endOffset,
        string message,
        string? fixAdvice = null,
        Fix? fix = null,
        string? evidence = null,
        string? why = null,
        IReadOnlyList<RelatedLocation>? related = null)
    {
        var (line, column) = source.Position(startOffset);
        var (endLine, endColumn) = source.Position(Math.Max(startOffset, endOffset));
        Add(new Finding
        {
            Rule = rule,
            Severity = rule.DefaultSeverity,
            Location = new SourceLocation(source.Path, line, column, endLine, endColumn),
            Message = message,
            Evidence = evidence ?? source.Lines(line, Math.Min(endLine, line + 9)),
            Why = why ?? rule.Why,
            FixAdvice = fixAdvice ?? rule.FixAdvice,
            Fix = fix,
            Related = related ?? [],
        });
    }

    /// <summary>Reports a finding at a location that is not a span of a parsed file (a missing file, an image path).</summary>
    public void Report(
        RuleDescriptor rule,
        SourceLocation location,
        string message,
        string evidence = "",
        string? fixAdvice = null,
        Fix? fix = null,
        string? why = null,
        IReadOnlyList<RelatedLocation>? related = null)
    {
        Add(new Finding
        {
            Rule = rule,
            Severity = rule.DefaultSeverity,
            Location = location,
            Message = message,
            Evidence = evidence,
            Why = why ?? rule.Why,
            FixAdvice = fixAdvice ?? rule.FixAdvice,
            Fix = fix,
            Related = related ?? [],
        });
    }
}
