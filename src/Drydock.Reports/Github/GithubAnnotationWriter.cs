using Drydock.Findings;

namespace Drydock.Reports.Github;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>), which the runner turns into
/// annotations on the pull request. Values are escaped as the runner's toolkit does.
/// </summary>
public static class GithubAnnotationWriter
{
    public static void Write(TextWriter output, IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            output.Write(Annotation(finding));
            output.Write('\n');
        }
    }

    public static string Annotation(Finding finding)
    {
        string command = finding.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        var properties = new List<string> { "file=" + EscapeProperty(finding.Location.Path) };
        if (finding.Location.HasPosition)
        {
            properties.Add("line=" + finding.Location.Line);
            if (finding.Location.Column > 0)
            {
                properties.Add("col=" + finding.Location.Column);
            }

            if (finding.Location.EndLine > 0)
            {
                properties.Add("endLine=" + finding.Location.EndLine);
            }

            if (finding.Location.EndColumn > 0 && finding.Location.EndLine == finding.Location.Line)
            {
                properties.Add("endColumn=" + finding.Location.EndColumn);
            }
        }

        properties.Add("title=" + EscapeProperty($"{finding.Rule.Id} {finding.Rule.Name}"));
        string fix = string.IsNullOrWhiteSpace(finding.FixAdvice) ? "" : "\nFix: " + finding.FixAdvice;
        return $"::{command} {string.Join(',', properties)}::{EscapeData(Redacted.Text(finding.Message + fix))}";
    }

    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
