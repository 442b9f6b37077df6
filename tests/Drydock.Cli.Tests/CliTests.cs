using System.Text.Json;
using Drydock.Testing;
using NJsonSchema;

namespace Drydock.Cli.Tests;

public class CliTests
{
    [Fact]
    public void Version_is_printed()
    {
        var result = DrydockProcess.Run(null, "--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Stdout);
    }

    [Fact]
    public void Unknown_options_and_missing_directories_exit_2_with_a_message()
    {
        var badOption = DrydockProcess.Run(null, "check", "--frobnicate");
        Assert.Equal(2, badOption.ExitCode);
        Assert.Contains("--frobnicate", badOption.Stderr, StringComparison.Ordinal);

        var missing = DrydockProcess.Run(null, "check", "/no/such/dir");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such directory", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_configuration_exits_2_naming_the_file_and_line()
    {
        using var tree = new TempTree();
        tree.Write(".drydock.yaml", "failOn: loud\n");
        var result = DrydockProcess.Run(null, "check", tree.Root);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(".drydock.yaml:1", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_repository_is_clean_in_every_format()
    {
        using var tree = new TempTree();
        tree.Write("README.md", "# nothing to see\n");
        foreach (string format in new[] { "text", "json", "sarif", "github", "markdown" })
        {
            var result = DrydockProcess.Run(null, "check", tree.Root, "--format", format);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Stderr);
        }
    }

    [Fact]
    public async Task Json_paths_are_relative_to_the_checked_directory_and_sarif_is_valid_on_every_example()
    {
        var schema = await JsonSchema.FromFileAsync(RepoRoot.Shared("schemas", "sarif-schema-2.1.0.json"));
        foreach (string example in Directory.GetDirectories(RepoRoot.Combine("examples")))
        {
            var json = DrydockProcess.Run(null, "check", example, "--format", "json");
            Assert.True(json.ExitCode is 0 or 1, json.Stderr);
            using var document = JsonDocument.Parse(json.Stdout);
            foreach (var finding in document.RootElement.GetProperty("findings").EnumerateArray())
            {
                string path = finding.GetProperty("location").GetProperty("path").GetString()!;
                Assert.False(Path.IsPathRooted(path), path);
                Assert.True(File.Exists(Path.Combine(example, path)) || Directory.Exists(Path.Combine(example, path)), path);
            }

            var sarif = DrydockProcess.Run(null, "check", example, "--format", "sarif", "--output", "-");
            var errors = schema.Validate(sarif.Stdout);
            Assert.True(errors.Count == 0, example + ": " + string.Join("; ", errors.Select(error => error.Path + " " + error.Kind)));
        }
    }

    [Fact]
    public void Output_can_go_to_a_file()
    {
        using var tree = new TempTree();
        tree.Write("README.md", "x\n");
        var result = DrydockProcess.Run(null, "check", tree.Root, "--format", "json", "--output", tree.Path("out/report.json"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        using var document = JsonDocument.Parse(File.ReadAllText(tree.Path("out/report.json")));
        Assert.Equal(0, document.RootElement.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void Rules_lists_every_rule_and_explain_prints_a_page_or_exits_2()
    {
        var rules = DrydockProcess.Run(null, "rules", "--format", "json");
        Assert.Equal(0, rules.ExitCode);
        using var document = JsonDocument.Parse(rules.Stdout);
        Assert.Equal(RuleCatalog.All.Count, document.RootElement.GetArrayLength());

        var unknown = DrydockProcess.Run(null, "explain", "ZZ999");
        Assert.Equal(2, unknown.ExitCode);
        foreach (var rule in RuleCatalog.All.Take(3))
        {
            var page = DrydockProcess.Run(null, "explain", rule.Name);
            Assert.Equal(0, page.ExitCode);
            Assert.StartsWith($"# {rule.Id} {rule.Name}", page.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Diagnose_honours_the_ignore_list_of_the_repository_configuration()
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n");
        tree.Write("build.log", string.Join('\n',
            "#7 [3/3] RUN pip install -r requirements.txt",
            "#7 3.112 Collecting torch==2.3.0 (from -r requirements.txt (line 1))",
            "#7 41.87 Killed",
            "#7 ERROR: process \"/bin/sh -c pip install -r requirements.txt\" did not complete successfully: exit code: 137",
            "------",
            " > [3/3] RUN pip install -r requirements.txt:",
            "------",
            "ERROR: failed to solve: process \"/bin/sh -c pip install -r requirements.txt\" did not complete successfully: exit code: 137",
            ""));

        var plain = DrydockProcess.Run(null, "diagnose", tree.Path("build.log"), "--repo", tree.Root, "--format", "json");
        Assert.Equal(1, plain.ExitCode);
        Assert.Contains("\"LG131\"", plain.Stdout, StringComparison.Ordinal);

        foreach (string ignore in new[] { "LG131", "out-of-memory-killed" })
        {
            tree.Write(".drydock.yaml", $"ignore: [{ignore}]\n");
            var quiet = DrydockProcess.Run(null, "diagnose", tree.Path("build.log"), "--repo", tree.Root, "--format", "json");
            Assert.DoesNotContain("\"LG131\"", quiet.Stdout, StringComparison.Ordinal);

            // The failure is still explained, by the next signature or the general extractor.
            Assert.Equal(1, quiet.ExitCode);
            Assert.Contains("\"ruleId\": \"LG", quiet.Stdout, StringComparison.Ordinal);
        }

        tree.Write(".drydock.yaml", "ignore: LG131: [\n");
        var broken = DrydockProcess.Run(null, "diagnose", tree.Path("build.log"), "--repo", tree.Root);
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains(".drydock.yaml", broken.Stderr, StringComparison.Ordinal);
    }
}
