using Drydock.Findings;
using Drydock.Reports.Check;
using Spectre.Console;

namespace Drydock.Reports.Text;

/// <summary>
/// The terminal report: findings grouped by file, each with its position, severity, rule, message, the
/// offending line with the span underlined, and the fix. Colour only when <paramref name="color"/> is set
/// (the CLI sets it when stdout is a terminal and NO_COLOR is unset).
/// </summary>
public static class TextCheckWriter
{
    public static void Write(TextWriter output, CheckReport report, bool color)
    {
        var console = ConsoleFor(output, color);
        foreach (var file in report.Findings.GroupBy(finding => finding.Location.Path))
        {
            console.MarkupLine($"[bold underline]{Markup.Escape(file.Key)}[/]");
            foreach (var finding in file)
            {
                WriteFinding(console, finding);
            }

            console.WriteLine();
        }

        foreach (string note in report.Result.Notes)
        {
            console.MarkupLine($"[grey]note: {Markup.Escape(Redacted.Text(note))}[/]");
        }

        int errors = report.Count(Severity.Error), warnings = report.Count(Severity.Warning);
        int infos = report.Count(Severity.Info), styles = report.Count(Severity.Style);
        string summary = report.Findings.Count == 0
            ? $"[green]No findings[/] in {report.FilesScanned} files."
            : $"{Plural(report.Findings.Count, "finding")}: [red]{errors} error[/], [yellow]{warnings} warning[/], [blue]{infos} info[/], [grey]{styles} style[/] in {report.FilesScanned} files.";
        if (report.Result.SuppressedCount > 0)
        {
            summary += $" {report.Result.SuppressedCount} suppressed.";
        }

        console.MarkupLine(summary);
        int fixable = report.Findings.Count(finding => finding.Fix is { IsSafe: true });
        if (fixable > 0)
        {
            console.MarkupLine($"[grey]{Plural(fixable, "finding")} can be fixed automatically: drydock fix --dry-run[/]");
        }
    }

    public static IAnsiConsole ConsoleFor(TextWriter output, bool color)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });

        // Never re-wrap: findings are one line each, and a terminal or a pager wraps better than a fixed width.
        console.Profile.Width = 100_000;
        return console;
    }

    public static string SeverityMarkup(Severity severity) => severity switch
    {
        Severity.Error => "[red bold]error[/]  ",
        Severity.Warning => "[yellow]warning[/]",
        Severity.Info => "[blue]info[/]   ",
        _ => "[grey]style[/]  ",
    };

    private static void WriteFinding(IAnsiConsole console, Finding finding)
    {
        var location = finding.Location;
        string position = location.HasPosition ? $"{location.Line}:{location.Column}" : "-";
        console.MarkupLine($"  {position,-8} {SeverityMarkup(finding.Severity)} [bold]{finding.Rule.Id}[/] [grey]{finding.Rule.Name}[/]  {Markup.Escape(Redacted.Text(finding.Message))}");
        string evidence = Redacted.Text(finding.Evidence);
        if (evidence.Length > 0)
        {
            string[] lines = evidence.Split('\n');
            foreach (string line in lines.Take(6))
            {
                console.MarkupLine($"  [grey]│[/] {Markup.Escape(Truncate(line.TrimEnd('\r'), 160))}");
            }

            if (lines.Length > 6)
            {
                console.MarkupLine($"  [grey]│ … {lines.Length - 6} more line(s)[/]");
            }

            if (lines.Length == 1 && location.HasPosition && location.Column > 0 && location.EndLine == location.Line && location.EndColumn > location.Column && location.EndColumn - 1 <= lines[0].Length + 1)
            {
                console.MarkupLine($"  [grey]│[/] {new string(' ', location.Column - 1)}[red]{new string('^', Math.Min(location.EndColumn - location.Column, 160))}[/]");
            }
        }

        if (!string.IsNullOrWhiteSpace(finding.FixAdvice))
        {
            string auto = finding.Fix is null ? "" : finding.Fix.IsSafe ? " [grey](auto-fixable)[/]" : " [grey](auto-fixable with --unsafe)[/]";
            console.MarkupLine($"  [green]fix:[/] {Markup.Escape(Redacted.Text(finding.FixAdvice))}{auto}");
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
