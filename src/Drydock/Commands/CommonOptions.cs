using System.CommandLine;
using Drydock.Reports;

namespace Drydock.Cli.Commands;

/// <summary>Options several commands share, so they are spelled and documented the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Format() => new Option<string>("--format", "-f")
    {
        Description = "Output format: text, json, sarif, github (workflow annotations) or markdown (incident report).",
        DefaultValueFactory = _ => "text",
    }.AcceptOnlyFromAmong([.. ReportFormats.Names, "md"]);

    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Write the report to this file instead of standard output.",
    };

    public static Option<bool> NoColor() => new("--no-color")
    {
        Description = "Never colour the text report (NO_COLOR is honoured too).",
    };
}
