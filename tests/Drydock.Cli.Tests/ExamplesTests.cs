using Drydock.Analysis;
using Drydock.Testing;

namespace Drydock.Cli.Tests;

/// <summary>Each example repository produces exactly the findings its expected-findings.txt lists.</summary>
public class ExamplesTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (string directory in Directory.GetDirectories(RepoRoot.Combine("examples")).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(directory, ExampleExpectations.FileName)))
            {
                data.Add(Path.GetFileName(directory));
            }
        }

        if (data.Count == 0)
        {
            data.Add("");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_produces_exactly_its_expected_findings(string example)
    {
        if (example.Length == 0)
        {
            return;
        }

        string root = RepoRoot.Combine("examples", example);
        var result = new CheckEngine(AnalyzerCatalog.All).Run(Project.Open(root));
        Assert.DoesNotContain(result.Notes, note => note.StartsWith("internal error", StringComparison.Ordinal));
        string? difference = InlineExpectations.Compare(ExampleExpectations.Load(root), result.Findings);
        Assert.True(difference is null, $"{example}:\n{difference}\nactual:\n{ExampleExpectations.Format(result.Findings)}");
    }
}
