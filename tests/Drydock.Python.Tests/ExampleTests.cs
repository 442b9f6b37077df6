using Drydock.Testing;

namespace Drydock.Python.Tests;

/// <summary>
/// The PY and GT lines of each example's expected-findings.txt must be exactly what the Python analyzer reports
/// (other parts check their own prefixes; the CLI test checks the whole file). Examples without the file are skipped.
/// </summary>
public sealed class ExampleTests
{
    [Fact]
    public void Example_python_and_git_findings_match_expectations()
    {
        string examples = RepoRoot.Combine("examples");
        var differences = new List<string>();
        foreach (string root in Directory.Exists(examples) ? Directory.GetDirectories(examples).Order(StringComparer.Ordinal).ToArray() : [])
        {
            var findings = CaseTests.Run(root);
            string? dump = Environment.GetEnvironmentVariable("DRYDOCK_PYTHON_EXAMPLES_DUMP");
            if (dump is not null)
            {
                File.AppendAllLines(dump, findings.Select(finding => $"{Path.GetFileName(root)}: {finding.Location.Path}:{finding.Location.Line} {finding.RuleId} {finding.Message}"));
            }

            if (!File.Exists(Path.Combine(root, ExampleExpectations.FileName))) { continue; }
            var expected = ExampleExpectations.Load(root).Where(item => item.RuleId.StartsWith("PY", StringComparison.Ordinal) || item.RuleId.StartsWith("GT", StringComparison.Ordinal));
            if (InlineExpectations.Compare(expected, findings) is { } difference) { differences.Add($"{Path.GetFileName(root)}:\n{difference}"); }
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }
}
