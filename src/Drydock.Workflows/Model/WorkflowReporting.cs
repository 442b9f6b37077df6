using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Text;

namespace Drydock.Workflows.Model;

/// <summary>Reporting at model spans, and the small text helpers rules share.</summary>
public static class WorkflowReporting
{
    public static void Report(this FindingSink sink, RuleDescriptor rule, WorkflowFile file, TextSpan span, string message, string? fixAdvice = null, Fix? fix = null) =>
        sink.Report(rule, file.Text, span.Start, span.End, message, fixAdvice, fix);

    /// <summary>A one-edit fix on a workflow file.</summary>
    public static Fix Replace(WorkflowFile file, TextSpan span, string newText, string title, bool safe) =>
        new(title, safe, [new TextEdit(file.Path, span.Start, span.End - span.Start, newText)]);

    /// <summary>The indentation (spaces) of the line holding an offset.</summary>
    public static string IndentAt(WorkflowFile file, int offset)
    {
        var (line, _) = file.Text.Position(offset);
        string text = file.Text.Line(line);
        return text[..(text.Length - text.TrimStart(' ').Length)];
    }

    /// <summary>"; did you mean 'x'?" for the closest candidate within a small distance, else "".</summary>
    public static string Suggest(string name, IEnumerable<string> candidates)
    {
        var best = candidates.Select(candidate => (candidate, distance: EditDistance.Levenshtein(name, candidate.Replace('_', '-'), ignoreCase: true)))
            .Where(item => item.distance <= Math.Max(1, name.Length / 3))
            .OrderBy(item => item.distance).ThenBy(item => item.candidate, StringComparer.Ordinal)
            .Select(item => item.candidate).FirstOrDefault();
        return best is null ? "" : $"; did you mean '{best}'?";
    }
}
