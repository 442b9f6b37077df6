using System.Text;
using Drydock.Logs.Analysis;
using Drydock.Logs.Model;
using Drydock.Logs.Reading;

namespace Drydock.Logs.Tests;

/// <summary>Builds in-memory logs for tests.</summary>
internal static class LogHarness
{
    public static LogInput Input(string text, string name = "job.log") => Input(Encoding.UTF8.GetBytes(text), name);

    public static LogInput Input(byte[] bytes, string name = "job.log") => new()
    {
        Path = name,
        JobName = LogSources.JobNameOf(name),
        Open = () => new MemoryStream(bytes, writable: false),
    };

    public static LogScan Scan(string text, ScanOptions? options = null) => new LogScanner(options: options).Scan(Input(text));

    public static DiagnoseResult Diagnose(params (string Name, string Text)[] logs) =>
        new DiagnoseEngine(new DiagnoseOptions { MaxDegreeOfParallelism = 1 }).Diagnose([.. logs.Select(log => Input(log.Text, log.Name))]);

    /// <summary>A GitHub Actions job log: timestamps, a checkout step, then a run step with the given output.</summary>
    public static string GitHubJob(string command, IEnumerable<string> output, int? exitCode)
    {
        var lines = new List<string>
        {
            "Current runner version: '2.321.0'",
            "##[group]Run actions/checkout@v4",
            "with:",
            "  fetch-depth: 1",
            "##[endgroup]",
            "Syncing repository: acme/app",
            $"##[group]Run {command}",
            $"  {command}",
            "shell: /usr/bin/bash -e {0}",
            "##[endgroup]",
        };
        lines.AddRange(output);
        if (exitCode is int code)
        {
            lines.Add($"##[error]Process completed with exit code {code}.");
        }

        lines.Add("Post job cleanup.");
        lines.Add("Cleaning up orphan processes");
        return string.Join('\n', lines.Select((line, index) => $"2025-03-11T09:12:{index % 60:00}.1234567Z {line}")) + "\n";
    }
}
