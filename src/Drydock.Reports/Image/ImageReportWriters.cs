using System.Text.Json;
using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;
using Drydock.Image.Model;
using Drydock.Reports.Check;
using Spectre.Console;

namespace Drydock.Reports.Image;

/// <summary>
/// `drydock image` reports: a text summary with tables (platforms, entrypoint, layers, largest paths, findings) and
/// a JSON document; SARIF, GitHub and Markdown go through the common writers via <see cref="AsCheckReport"/>.
/// </summary>
public static class ImageReportWriters
{
    /// <summary>The findings as a check report, so the SARIF, GitHub and Markdown writers serve `image` unchanged.</summary>
    public static CheckReport AsCheckReport(ImageReport report, IReadOnlyList<RuleDescriptor> rules, Severity failOn) =>
        new(report.Image.Reference, new CheckResult(report.Findings, report.Image.Notes, 0), rules, failOn, 0);

    public static void WriteText(TextWriter output, ImageReport report, Severity failOn, bool color)
    {
        var console = Text.TextCheckWriter.ConsoleFor(output, color);
        console.MarkupLine($"[bold]{Markup.Escape(Redacted.Text(report.Image.Reference))}[/] {Markup.Escape(report.Image.TopMediaType)}");
        foreach (var platform in report.Image.Platforms)
        {
            console.WriteLine();
            console.MarkupLine($"[bold underline]{Markup.Escape(platform.Label)}[/]{(platform.Config is null ? "" : $"  config: {Markup.Escape(platform.Config.Platform.ToString())}")}");
            if (platform.Entrypoint is { } entrypoint)
            {
                string verdict = entrypoint.Fails ? "[red]will not start[/]" : entrypoint.Outcome == CommandOutcome.Unknown ? "[yellow]unknown[/]" : "[green]starts[/]";
                console.MarkupLine($"  entrypoint {Markup.Escape(string.Join(' ', entrypoint.Argv))}: {verdict} {Markup.Escape(Redacted.Text(entrypoint.Detail))}");
            }

            if (platform.Config is { } config)
            {
                console.MarkupLine($"  user: {Markup.Escape(config.User.Length == 0 ? "root (no USER)" : config.User)}   healthcheck: {Markup.Escape(config.Healthcheck is null ? "none" : string.Join(' ', config.Healthcheck.Test))}");
            }

            if (platform.Layers.Count > 0)
            {
                var layers = new Table().AddColumns("#", "compressed", "size", "wasted", "created by");
                foreach (var layer in platform.Layers)
                {
                    layers.AddRow((layer.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Bytes.Format(layer.CompressedSize), Bytes.Format(layer.UncompressedSize), Bytes.Format(layer.WastedBytes), Markup.Escape(Truncate(Redacted.Text(layer.CreatedBy), 70)));
                }

                console.Write(layers);
                console.MarkupLine($"  total {Bytes.Format(platform.CompressedBytes)} compressed, {Bytes.Format(platform.UncompressedBytes)} uncompressed; wasted {Bytes.Format(platform.WastedBytes)}; efficiency {platform.Efficiency:P1}");
            }

            if (platform.LargestFiles.Count > 0)
            {
                var largest = new Table().AddColumns("largest files", "size", "largest folders", "size");
                for (int i = 0; i < Math.Max(platform.LargestFiles.Count, platform.LargestFolders.Count) && i < 5; i++)
                {
                    var file = i < platform.LargestFiles.Count ? platform.LargestFiles[i] : null;
                    var folder = i < platform.LargestFolders.Count ? platform.LargestFolders[i] : null;
                    largest.AddRow(Markup.Escape(file?.Path ?? ""), file is null ? "" : Bytes.Format(file.Bytes), Markup.Escape(folder?.Path ?? ""), folder is null ? "" : Bytes.Format(folder.Bytes));
                }

                console.Write(largest);
            }
        }

        console.WriteLine();
        var check = AsCheckReport(report, [], failOn);
        Text.TextCheckWriter.Write(output, check, color);
    }

    public static void WriteJson(Stream output, ImageReport report, Severity failOn)
    {
        using var json = new Utf8JsonWriter(output, JsonCheckWriter.Options);
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", 1);
        JsonCheckWriter.WriteTool(json);
        json.WriteString("image", Redacted.Text(report.Image.Reference));
        json.WriteString("mediaType", report.Image.TopMediaType);
        json.WriteBoolean("failed", report.Fails(failOn));
        json.WriteStartArray("platforms");
        foreach (var platform in report.Image.Platforms)
        {
            WritePlatform(json, platform);
        }

        json.WriteEndArray();
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            JsonCheckWriter.WriteFinding(json, finding);
        }

        json.WriteEndArray();
        json.WriteStartArray("notes");
        foreach (string note in report.Image.Notes)
        {
            json.WriteStringValue(Redacted.Text(note));
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WritePlatform(Utf8JsonWriter json, PlatformInspection platform)
    {
        json.WriteStartObject();
        json.WriteString("platform", platform.Label);
        json.WriteString("indexPlatform", platform.IndexPlatform?.ToString());
        json.WriteString("configPlatform", platform.Config?.Platform.ToString());
        json.WriteString("manifest", platform.ManifestDescriptor?.Digest);
        if (platform.Config is { } config)
        {
            json.WriteString("user", config.User);
            json.WriteString("workingDir", config.WorkingDir);
            json.WriteStartArray("healthcheck");
            foreach (string part in config.Healthcheck?.Test ?? [])
            {
                json.WriteStringValue(Redacted.Text(part));
            }

            json.WriteEndArray();
        }

        WriteCommand(json, "entrypoint", platform.Entrypoint);
        WriteCommand(json, "healthcheckResolution", platform.Healthcheck);
        json.WriteNumber("compressedBytes", platform.CompressedBytes);
        json.WriteNumber("uncompressedBytes", platform.UncompressedBytes);
        json.WriteNumber("wastedBytes", platform.WastedBytes);
        json.WriteNumber("efficiency", Math.Round(platform.Efficiency, 4));
        json.WriteStartArray("layers");
        foreach (var layer in platform.Layers)
        {
            json.WriteStartObject();
            json.WriteString("digest", layer.Digest);
            json.WriteString("mediaType", layer.MediaType);
            json.WriteString("compression", layer.Compression.ToString().ToLowerInvariant());
            json.WriteNumber("compressedBytes", layer.CompressedSize);
            json.WriteNumber("uncompressedBytes", layer.UncompressedSize);
            json.WriteNumber("wastedBytes", layer.WastedBytes);
            json.WriteNumber("entries", layer.Entries);
            json.WriteString("createdBy", Redacted.Text(layer.CreatedBy));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteSized(json, "largestFiles", platform.LargestFiles);
        WriteSized(json, "largestFolders", platform.LargestFolders);
        json.WriteEndObject();
    }

    private static void WriteCommand(Utf8JsonWriter json, string name, CommandResolution? resolution)
    {
        if (resolution is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteStartArray("argv");
        foreach (string arg in resolution.Argv)
        {
            json.WriteStringValue(Redacted.Text(arg));
        }

        json.WriteEndArray();
        json.WriteString("outcome", resolution.Outcome.ToString());
        json.WriteString("resolvedPath", resolution.ResolvedPath);
        json.WriteString("detail", Redacted.Text(resolution.Detail));
        json.WriteStartArray("steps");
        foreach (string step in resolution.Steps)
        {
            json.WriteStringValue(Redacted.Text(step));
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSized(Utf8JsonWriter json, string name, IReadOnlyList<SizedPath> paths)
    {
        json.WriteStartArray(name);
        foreach (var path in paths)
        {
            json.WriteStartObject();
            json.WriteString("path", path.Path);
            json.WriteNumber("bytes", path.Bytes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
