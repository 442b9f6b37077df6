using System.Text;
using System.Text.Json;
using Drydock.Discovery;
using Drydock.Reports.Check;
using Drydock.Reports.Github;
using Drydock.Reports.Markdown;
using Drydock.Reports.Sarif;
using Drydock.Reports.Text;
using Drydock.Testing;
using NJsonSchema;

namespace Drydock.Reports.Tests;

public class WriterTests
{
    public static TheoryData<string> Formats => new() { "text", "json", "sarif", "github", "markdown" };

    internal static string Render(string format, CheckReport report)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
        {
            switch (format)
            {
                case "json": JsonCheckWriter.Write(stream, report); break;
                case "sarif": SarifWriter.Write(stream, report); break;
                case "github": GithubAnnotationWriter.Write(writer, report.Findings); break;
                case "markdown": MarkdownCheckWriter.Write(writer, report); break;
                default: TextCheckWriter.Write(writer, report, color: false); break;
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_secret_in_evidence_or_notes_appears_in_no_format(string format)
    {
        string output = Render(format, SampleReport.Create());
        Assert.DoesNotContain(SampleReport.PlantedToken, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Zx9Yw8Vu7Ts6", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sarif_output_validates_against_the_official_2_1_0_schema()
    {
        var schema = await JsonSchema.FromFileAsync(RepoRoot.Shared("schemas", "sarif-schema-2.1.0.json"));
        string sarif = Render("sarif", SampleReport.Create());
        var errors = schema.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(error => $"{error.Path}: {error.Kind}")));
    }

    [Fact]
    public void Sarif_results_point_at_rules_by_index_and_omit_regions_without_a_position()
    {
        using var document = JsonDocument.Parse(Render("sarif", SampleReport.Create()));
        var run = document.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = run.GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        foreach (var result in results.EnumerateArray())
        {
            int index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[index].GetProperty("id").GetString());
        }

        var first = results[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(7, first.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("docker/Dockerfile", first.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("error", results[0].GetProperty("level").GetString());
        Assert.False(results[1].GetProperty("locations")[0].GetProperty("physicalLocation").TryGetProperty("region", out _));
        Assert.Equal("note", results[1].GetProperty("level").GetString());
        Assert.Equal(120, results[0].GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements")[0].GetProperty("deletedRegion").GetProperty("charOffset").GetInt32());
    }

    [Fact]
    public void Json_output_follows_the_documented_schema()
    {
        using var document = JsonDocument.Parse(Render("json", SampleReport.Create()));
        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.True(root.GetProperty("summary").GetProperty("failed").GetBoolean());
        var finding = root.GetProperty("findings")[0];
        foreach (string property in new[] { "ruleId", "name", "severity", "message", "location", "evidence", "fix" })
        {
            Assert.True(finding.TryGetProperty(property, out _), property);
        }

        var location = finding.GetProperty("location");
        Assert.Equal("docker/Dockerfile", location.GetProperty("path").GetString());
        Assert.Equal(7, location.GetProperty("line").GetInt32());
        Assert.Equal(5, location.GetProperty("column").GetInt32());
        Assert.Equal(7, location.GetProperty("endLine").GetInt32());
        Assert.Equal(61, location.GetProperty("endColumn").GetInt32());
        Assert.True(finding.GetProperty("fix").GetProperty("safe").GetBoolean());
        Assert.Equal("Use LABEL.", root.GetProperty("findings")[1].GetProperty("fix").GetProperty("description").GetString());
    }

    [Fact]
    public void Github_annotations_escape_properties_and_data_as_the_runner_expects()
    {
        string[] lines = Render("github", SampleReport.Create()).TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("::error file=docker/Dockerfile,line=7,col=5,endLine=7,endColumn=61,title=DF040 apt-key-used::", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("::notice file=Dockerfile%2C with comma%3A and colon,title=DF030 maintainer-deprecated::whole-file finding%0Asecond line", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_report_has_the_incident_sections_and_cannot_be_broken_by_evidence()
    {
        string markdown = Render("markdown", SampleReport.Create());
        foreach (string section in new[] { "## Summary", "## Findings by priority", "## Evidence", "## Files involved", "Recommended action" })
        {
            Assert.Contains(section, markdown, StringComparison.Ordinal);
        }

        Assert.Contains("\\|", markdown, StringComparison.Ordinal);
        Assert.Contains("**failing**", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_report_says_what_files_cannot_verify_for_the_kinds_of_file_present()
    {
        var sample = SampleReport.Create();
        Assert.DoesNotContain("## Not verified from files", Render("markdown", sample), StringComparison.Ordinal);

        string dockerOnly = Render("markdown", sample with { KindsPresent = new HashSet<FileKind> { FileKind.Dockerfile } });
        Assert.Contains("## Not verified from files", dockerOnly, StringComparison.Ordinal);
        Assert.Contains("drydock image REF --repo . --max-size 100MB", dockerOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("registry accepts a push", dockerOnly, StringComparison.Ordinal);

        string everything = Render("markdown", sample with { KindsPresent = new HashSet<FileKind> { FileKind.Dockerfile, FileKind.Compose, FileKind.Workflow } });
        Assert.Contains("registry accepts a push", everything, StringComparison.Ordinal);
        Assert.Contains("compose's services reach each other", everything, StringComparison.Ordinal);

        string pythonOnly = Render("markdown", sample with { KindsPresent = new HashSet<FileKind> { FileKind.Python } });
        Assert.DoesNotContain("## Not verified from files", pythonOnly, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_colour_has_no_escape_codes_and_underlines_the_span()
    {
        string text = Render("text", SampleReport.Create());
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
        Assert.Contains("7:5", text, StringComparison.Ordinal);
        Assert.Contains("DF040", text, StringComparison.Ordinal);
        Assert.Contains("fix:", text, StringComparison.Ordinal);
        Assert.Contains("2 findings", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_colour_uses_ansi_codes()
    {
        using var writer = new StringWriter();
        TextCheckWriter.Write(writer, SampleReport.Create(), color: true);
        Assert.Contains("\u001b[", writer.ToString(), StringComparison.Ordinal);
    }
}
