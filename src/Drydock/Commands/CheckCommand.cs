using System.CommandLine;
using Drydock.Analysis;
using Drydock.Configuration;
using Drydock.Findings;
using Drydock.Reports;
using Drydock.Reports.Check;
using Drydock.Reports.Github;
using Drydock.Reports.Markdown;
using Drydock.Reports.Sarif;
using Drydock.Reports.Text;

namespace Drydock.Cli.Commands;

/// <summary>`drydock check [DIR]`: audit a repository. Parses arguments, runs the engine, writes the report.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "The repository to check (default: the current folder).", DefaultValueFactory = _ => "." };
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var noColor = CommonOptions.NoColor();
        var failOn = new Option<string?>("--fail-on")
        {
            Description = "Lowest severity that makes the exit code 1: error, warning, info or style (default: .drydock.yaml's failOn, else warning).",
        }.AcceptOnlyFromAmong("error", "warning", "info", "style");
        var config = new Option<string?>("--config", "-c") { Description = "Configuration file (default: DIR/.drydock.yaml)." };
        var hostPorts = new Option<bool>("--host-ports") { Description = "Also check compose host ports against sockets listening on this machine." };

        var command = new Command("check", "Audit a repository's Dockerfiles, compose files, workflows, Python packaging and tests, and git submodules, across files.")
        {
            directory, format, output, noColor, failOn, config, hostPorts,
        };
        command.SetAction(parse => Run(
            parse.GetValue(directory)!,
            parse.GetValue(format)!,
            parse.GetValue(output),
            parse.GetValue(noColor),
            parse.GetValue(failOn),
            parse.GetValue(config),
            parse.GetValue(hostPorts)));
        return command;
    }

    private static int Run(string directory, string formatName, string? outputPath, bool noColor, string? failOnName, string? configPath, bool hostPorts)
    {
        if (!Directory.Exists(directory))
        {
            Console.Error.WriteLine($"drydock: {directory}: no such directory");
            return ExitCodes.UsageOrInput;
        }

        ReportFormats.TryParse(formatName, out var format);
        DrydockConfig configuration;
        try
        {
            configuration = configPath is null ? ConfigLoader.LoadFromDirectory(directory) : ConfigLoader.Load(configPath);
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine($"drydock: {e.Message}");
            return ExitCodes.UsageOrInput;
        }

        if (failOnName is not null && SeverityNames.TryParse(failOnName, out var threshold))
        {
            configuration = configuration with { FailOn = threshold };
        }

        using var progress = Progress.ForStandardError(enabled: !format.IsMachineFormat());
        var project = new Project(directory, configuration, Discovery.RepositoryScanner.Scan(directory, configuration.ExcludedPaths, progress.Files))
        {
            Switches = hostPorts ? new HashSet<string>(StringComparer.Ordinal) { "host-ports" } : new HashSet<string>(StringComparer.Ordinal),
        };
        var engine = new CheckEngine(AnalyzerCatalog.All);
        progress.Stage("analysing");
        var result = engine.Run(project);
        progress.Done();

        var kinds = Enum.GetValues<Discovery.FileKind>().Where(kind => project.Files.OfKind(kind).Count > 0).ToHashSet();
        var report = new CheckReport(directory, result, engine.Rules, configuration.FailOn, project.Files.FileCount, kinds);
        using (var target = ReportTarget.Open(outputPath))
        {
            switch (format)
            {
                case ReportFormat.Json: JsonCheckWriter.Write(target.Stream, report); break;
                case ReportFormat.Sarif: SarifWriter.Write(target.Stream, report); break;
                case ReportFormat.Github: GithubAnnotationWriter.Write(target.Writer, report.Findings); break;
                case ReportFormat.Markdown: MarkdownCheckWriter.Write(target.Writer, report); break;
                default: TextCheckWriter.Write(target.Writer, report, target.UseColor(noColor)); break;
            }
        }

        return report.Failed ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
