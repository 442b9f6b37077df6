using Drydock.Findings;

namespace Drydock.Analysis;

/// <summary>The outcome of a check: findings after configuration and pragmas, and what could not be done.</summary>
public sealed record CheckResult(IReadOnlyList<Finding> Findings, IReadOnlyList<string> Notes, int SuppressedCount)
{
    public bool Fails(Severity threshold) => Findings.Any(finding => finding.Severity >= threshold);
}

/// <summary>
/// Runs analyzers over a project and applies the user's wishes: ignored rules, severity overrides,
/// inline pragmas. Findings come out in a stable order (path, line, column, rule) and without duplicates.
/// </summary>
public sealed class CheckEngine
{
    private readonly IReadOnlyList<IAnalyzer> analyzers;

    public CheckEngine(IReadOnlyList<IAnalyzer> analyzers)
    {
        this.analyzers = analyzers;
        var duplicate = analyzers.SelectMany(analyzer => analyzer.Rules).GroupBy(rule => rule.Id).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"rule id {duplicate.Key} is declared twice");
        }
    }

    public IReadOnlyList<RuleDescriptor> Rules => [.. analyzers.SelectMany(analyzer => analyzer.Rules).OrderBy(rule => rule.Id, StringComparer.Ordinal)];

    public CheckResult Run(Project project)
    {
        var sink = new FindingSink();
        var notes = new List<string>();
        Parallel.ForEach(analyzers, analyzer =>
        {
            try
            {
                analyzer.Analyze(project, sink);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One analyzer's bug must not hide every other finding; say so plainly.
                lock (notes)
                {
                    notes.Add($"internal error in {analyzer.GetType().Name}: {e.GetType().Name}: {e.Message}");
                }
            }
        });

        notes.AddRange(sink.Notes.Distinct(StringComparer.Ordinal));
        return Filter(project, sink.Findings, notes);
    }

    public static CheckResult Filter(Project project, IEnumerable<Finding> raw, IReadOnlyList<string> notes)
    {
        var config = project.Config;
        int suppressed = 0;
        var kept = new List<Finding>();
        var seen = new HashSet<(string, string, int, int, string)>();
        foreach (var finding in raw)
        {
            if (!seen.Add((finding.Rule.Id, finding.Location.Path, finding.Location.Line, finding.Location.Column, finding.Message)))
            {
                continue;
            }

            if (config.IsIgnored(finding.Rule)
                || project.SuppressionsFor(finding.Location.Path).IsSuppressed(finding.Rule.Id, finding.Rule.Name, finding.Location.Line))
            {
                suppressed++;
                continue;
            }

            var severity = config.SeverityFor(finding.Rule);
            kept.Add(severity == finding.Severity ? finding : finding with { Severity = severity });
        }

        kept.Sort(CompareFindings);
        return new CheckResult(kept, [.. notes.Order(StringComparer.Ordinal)], suppressed);
    }

    private static int CompareFindings(Finding a, Finding b)
    {
        int order = string.CompareOrdinal(a.Location.Path, b.Location.Path);
        if (order == 0) { order = a.Location.Line.CompareTo(b.Location.Line); }
        if (order == 0) { order = a.Location.Column.CompareTo(b.Location.Column); }
        if (order == 0) { order = string.CompareOrdinal(a.Rule.Id, b.Rule.Id); }
        if (order == 0) { order = string.CompareOrdinal(a.Message, b.Message); }
        return order;
    }
}
