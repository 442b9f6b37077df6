using System.CommandLine;
using System.Globalization;
using Drydock.Analysis;
using Drydock.Configuration;
using Drydock.Findings;
using Drydock.Image.Analysis;
using Drydock.Image.Matching;
using Drydock.Image.Model;
using Drydock.Image.Sources;
using Drydock.Reports;
using Drydock.Reports.Github;
using Drydock.Reports.Image;
using Drydock.Reports.Markdown;
using Drydock.Reports.Sarif;

namespace Drydock.Cli.Commands;

/// <summary>`drydock image REF`: read an image without a Docker engine and predict why it will not start.</summary>
internal static class ImageCommand
{
    public static Command Create()
    {
        var reference = new Argument<string>("REF") { Description = "oci:DIR[:tag], docker-archive:FILE[:tag], a layout folder or .tar file, or registry/repository:tag." };
        var platform = new Option<string?>("--platform") { Description = "Inspect one platform (linux/arm64); default: every platform of the index." };
        var insecure = new Option<bool>("--insecure") { Description = "Talk plain HTTP to the registry (always so for localhost and 127.0.0.1)." };
        var hostArch = new Option<string?>("--host-arch") { Description = "Architecture the image must run on without emulation (default: this machine's)." };
        var maxSize = new Option<string?>("--max-size") { Description = "Fail when the image is larger, uncompressed (100MB, 1.5GiB)." };
        var minEfficiency = new Option<double?>("--min-efficiency") { Description = "Fail when less than this share (0-1) of shipped bytes is visible in the final filesystem." };
        var repo = new Option<string?>("--repo") { Description = "Compare the image with the repository that builds it: the Dockerfile's final USER, HEALTHCHECK, ENTRYPOINT/CMD and compose's platform." };
        var dockerfile = new Option<string?>("--dockerfile") { Description = "With --repo: the Dockerfile that builds the image (default: found from compose services, labels, or the only Dockerfile)." };
        var target = new Option<string?>("--target") { Description = "With --repo: the stage that ships (default: compose build.target, else the final stage)." };
        var config = new Option<string?>("--config", "-c") { Description = "Configuration file (default: ./.drydock.yaml) for ignore and severity overrides." };
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var noColor = CommonOptions.NoColor();
        var command = new Command("image", "Inspect a container image (OCI layout, docker save archive or registry) and predict why it will not start.")
        {
            reference, platform, insecure, hostArch, maxSize, minEfficiency, repo, dockerfile, target, config, format, output, noColor,
        };
        command.SetAction(parse => Run(
            parse.GetValue(reference)!,
            new Settings(parse.GetValue(platform), parse.GetValue(insecure), parse.GetValue(hostArch), parse.GetValue(maxSize), parse.GetValue(minEfficiency), parse.GetValue(config))
            {
                Repository = RepositoryOptionsFrom(parse.GetValue(repo), parse.GetValue(dockerfile), parse.GetValue(target)),
            },
            parse.GetValue(format)!,
            parse.GetValue(output),
            parse.GetValue(noColor)));
        return command;
    }

    private sealed record Settings(string? Platform, bool Insecure, string? HostArch, string? MaxSize, double? MinEfficiency, string? ConfigPath)
    {
        /// <summary>--repo with its --dockerfile/--target; an error text when they do not fit together.</summary>
        public (RepositoryOptions? Options, string? Error) Repository { get; init; }
    }

    private static (RepositoryOptions?, string?) RepositoryOptionsFrom(string? directory, string? dockerfile, string? target)
    {
        if (directory is null)
        {
            return (null, dockerfile is not null || target is not null ? "--dockerfile and --target need --repo DIR" : null);
        }

        return Directory.Exists(directory)
            ? (new RepositoryOptions(directory) { Dockerfile = dockerfile, Target = target }, null)
            : (null, $"--repo {directory}: no such folder");
    }

    private static int Run(string reference, Settings settings, string formatName, string? outputPath, bool noColor)
    {
        ImagePlatform? platform = null;
        if (settings.Platform is not null && (platform = ImagePlatform.Parse(settings.Platform)) is null)
        {
            return Usage($"--platform {settings.Platform}: expected os/arch[/variant], e.g. linux/arm64");
        }

        long? maxSize = settings.MaxSize is null ? null : ImageOptions.ParseSize(settings.MaxSize);
        if (settings.MaxSize is not null && maxSize is null)
        {
            return Usage($"--max-size {settings.MaxSize}: expected a size such as 100MB or 1.5GiB");
        }

        if (settings.Repository.Error is { } repositoryError)
        {
            return Usage(repositoryError);
        }

        if (settings.MinEfficiency is < 0 or > 1)
        {
            return Usage("--min-efficiency must be between 0 and 1");
        }

        DrydockConfig configuration;
        try
        {
            configuration = settings.ConfigPath is null ? ConfigLoader.LoadFromDirectory(".") : ConfigLoader.Load(settings.ConfigPath);
        }
        catch (ConfigException e)
        {
            return Usage(e.Message);
        }

        var options = new ImageOptions
        {
            Platform = platform,
            HostArchitecture = settings.HostArch is null ? ImageOptions.CurrentArchitecture() : ImagePlatform.NormalizeArchitecture(settings.HostArch),
            MaxSizeBytes = maxSize,
            MinEfficiency = settings.MinEfficiency,
            Repository = settings.Repository.Options,
        };
        ReportFormats.TryParse(formatName, out var format);
        ImageReport report;
        using (var progress = Progress.ForStandardError(enabled: !format.IsMachineFormat()))
        {
            options = options with
            {
                Progress = progress.For<ImageProgress>(layer => string.Create(CultureInfo.InvariantCulture,
                    $"reading {(layer.Platform is null ? "" : layer.Platform + " ")}layer {layer.Layer} of {layer.Layers} ({layer.CompressedBytes / 1048576.0:0.0} MB)")),
            };
            try
            {
                using var source = ImageReferences.Open(reference, settings.Insecure);
                report = ImageAnalyzer.Analyze(source, options);
            }
            catch (ImageReadException e)
            {
                progress.Done();
                return Usage(e.Message);
            }
        }

        var findings = report.Findings.Where(finding => !configuration.IsIgnored(finding.Rule))
            .Select(finding => configuration.SeverityFor(finding.Rule) is var severity && severity != finding.Severity ? finding with { Severity = severity } : finding)
            .ToList();
        report = report with { Findings = findings };
        using (var target = ReportTarget.Open(outputPath))
        {
            var check = ImageReportWriters.AsCheckReport(report, ImageAnalyzer.Rules, configuration.FailOn);
            switch (format)
            {
                case ReportFormat.Json: ImageReportWriters.WriteJson(target.Stream, report, configuration.FailOn); break;
                case ReportFormat.Sarif: SarifWriter.Write(target.Stream, check); break;
                case ReportFormat.Github: GithubAnnotationWriter.Write(target.Writer, report.Findings); break;
                case ReportFormat.Markdown: MarkdownCheckWriter.Write(target.Writer, check); break;
                default: ImageReportWriters.WriteText(target.Writer, report, configuration.FailOn, target.UseColor(noColor)); break;
            }
        }

        return report.Fails(configuration.FailOn) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"drydock: {message}");
        return ExitCodes.UsageOrInput;
    }
}
