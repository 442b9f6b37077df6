namespace Drydock.Reports;

public enum ReportFormat
{
    Text,
    Json,
    Sarif,
    Github,
    Markdown,
}

public static class ReportFormats
{
    public static readonly IReadOnlyList<string> Names = ["text", "json", "sarif", "github", "markdown"];

    public static bool TryParse(string? name, out ReportFormat format)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case null or "" or "text": format = ReportFormat.Text; return true;
            case "json": format = ReportFormat.Json; return true;
            case "sarif": format = ReportFormat.Sarif; return true;
            case "github": format = ReportFormat.Github; return true;
            case "markdown" or "md": format = ReportFormat.Markdown; return true;
            default: format = default; return false;
        }
    }

    /// <summary>Machine formats never carry progress or colour.</summary>
    public static bool IsMachineFormat(this ReportFormat format) => format is ReportFormat.Json or ReportFormat.Sarif or ReportFormat.Github;
}

/// <summary>Facts about the run that every report states.</summary>
public sealed record ToolInfo(string Name, string Version, string InformationUri)
{
    public static readonly ToolInfo Drydock = new(
        "drydock",
        typeof(ToolInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        "https://github.com/drydock-dev/drydock");
}
