using System.CommandLine;
using System.Globalization;
using Drydock.Analysis;
using Drydock.Configuration;
using Drydock.Findings;
using Drydock.Logs.Analysis;
using Drydock.Reports;
using Drydock.Reports.Diagnose;

namespace Drydock.Cli.Commands;

/// <summary>`drydock diagnose LOG... [--repo DIR]`: the root cause of failed CI, build and container logs. Parses arguments, runs the engine, writes the report.</summary>
internal static class DiagnoseCommand
{
    public static Command Create()
    {
        var logs = new Argument<string[]>("LOG")
        {
            Description = "Log files, directories, .gz logs, the zip of a GitHub Actions run's logs, or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var repo = new Option<string?>("--repo") { Description = "The repository the logs came from: map paths, Dockerfile steps and workflow steps to its files, and cite `drydock check` findings there." };
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var config = new Option<string?>("--config", "-c") { Description = "Configuration file whose `ignore:` list applies (default: the --repo directory's .drydock.yaml)." };
        var command = new Command("diagnose", "Name the root cause of failed CI, build and container logs, quote the lines that prove it, and give the fix. Reads only.")
        {
            logs, repo, format, output, config,
        };
        command.SetAction(parse => Run(parse.GetValue(logs)!, parse.GetValue(repo), parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(config)));
        return command;
    }

    private static int Run(string[] logs, string? repo, string formatName, string? outputPath, string? configPath)
    {
        if (repo is not null && !Directory.Exists(repo))
        {
            Console.Error.WriteLine($"drydock: {repo}: no such directory");
            return ExitCodes.UsageOrInput;
        }

        ReportFormats.TryParse(formatName, out var format);
        // The repository's .drydock.yaml applies to logs too: its ignored rules are neither matched nor reported.
        DrydockConfig configuration;
        try
        {
            configuration = configPath is not null ? ConfigLoader.Load(configPath) : repo is not null ? ConfigLoader.LoadFromDirectory(repo) : DrydockConfig.Default;
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine($"drydock: {e.Message}");
            return ExitCodes.UsageOrInput;
        }

        using var progress = Progress.ForStandardError(enabled: !format.IsMachineFormat());
        var engine = new DiagnoseEngine(new DiagnoseOptions
        {
            Progress = progress.For<DiagnoseProgress>(state => string.Create(CultureInfo.InvariantCulture, $"diagnosing: {state.BytesRead / 1048576.0:0} MB read, {state.LogsDone} of {state.LogsTotal} logs done")),
            RepositoryRoot = repo,
            CheckFindings = repo is null ? [] : CheckFindings(repo, configuration),
            IgnoredRules = configuration.IgnoredRules,
        });
        var result = engine.Diagnose(logs);
        progress.Done();
        using (var target = ReportTarget.Open(outputPath))
        {
            switch (format)
            {
                case ReportFormat.Json: DiagnoseJsonWriter.Write(target.Stream, result); break;
                case ReportFormat.Sarif: DiagnoseSarifWriter.Write(target.Stream, result); break;
                case ReportFormat.Github: DiagnoseGithubWriter.Write(target.Writer, result); break;
                case ReportFormat.Markdown: DiagnoseMarkdownWriter.Write(target.Writer, result, repositoryLinked: repo is not null); break;
                default: DiagnoseTextWriter.Write(target.Writer, result); break;
            }
        }

        if (result.FailureDiagnosed)
        {
            return ExitCodes.Findings;
        }

        return result.Jobs.Count == 0 ? ExitCodes.UsageOrInput : ExitCodes.Clean;
    }

    private static IReadOnlyList<Finding> CheckFindings(string repo, DrydockConfig configuration)
    {
        var project = new Project(repo, configuration, Discovery.RepositoryScanner.Scan(repo, configuration.ExcludedPaths, null));
        return new CheckEngine(AnalyzerCatalog.All).Run(project).Findings;
    }
}
