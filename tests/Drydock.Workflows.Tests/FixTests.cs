using Drydock.Findings;
using Drydock.Testing;

namespace Drydock.Workflows.Tests;

public sealed class FixTests
{
    /// <summary>Cases/fixes/NAME.yml with RULE fixed becomes Cases/fixes/NAME.fixed.yml, byte for byte.</summary>
    [Theory]
    [InlineData("retired-artifact", "GA012")]
    [InlineData("packages-write", "GA019")]
    [InlineData("packages-write-new-block", "GA019")]
    [InlineData("node16-checkout", "GA013")]
    public void Fix_gives_the_expected_file_and_the_finding_goes_away(string name, string ruleId)
    {
        string before = File.ReadAllText(WorkflowCheck.CasesPath("fixes", name + ".yml"));
        string after = File.ReadAllText(WorkflowCheck.CasesPath("fixes", name + ".fixed.yml"));
        using var tree = new TempTree().Write(".github/workflows/ci.yml", before);
        var findings = WorkflowCheck.Run(tree.Root).Where(finding => finding.RuleId == ruleId && finding.Fix is not null).ToList();
        Assert.NotEmpty(findings);
        string text = before;
        foreach (var finding in findings.OrderByDescending(finding => finding.Fix!.Edits[0].Start))
        {
            text = FixEdits.Apply(text, finding.Fix!);
        }

        Assert.Equal(after, text);
        using var fixedTree = new TempTree().Write(".github/workflows/ci.yml", text);
        Assert.DoesNotContain(WorkflowCheck.Run(fixedTree.Root), finding => finding.RuleId == ruleId);
    }

    [Fact]
    public void Every_fix_in_the_cases_keeps_the_rest_of_the_file_and_removes_its_finding()
    {
        foreach (string file in Directory.EnumerateFiles(WorkflowCheck.CasesPath(), "*.yml"))
        {
            using var tree = WorkflowCheck.TreeFor(file);
            string original = File.ReadAllText(file);
            foreach (var finding in WorkflowCheck.Run(tree.Root).Where(finding => finding.Fix is not null))
            {
                var edit = Assert.Single(finding.Fix!.Edits);
                string text = FixEdits.Apply(original, finding.Fix!);
                Assert.Equal(original[..edit.Start], text[..edit.Start]);
                Assert.Equal(original[edit.End..], text[(edit.Start + edit.NewText.Length)..]);
                using var fixedTree = new TempTree();
                fixedTree.Write(Path.GetRelativePath(tree.Root, tree.Root) + "/.github/workflows/" + Path.GetFileName(file), text);
                foreach (string extra in Directory.EnumerateFiles(tree.Root, "*", SearchOption.AllDirectories).Where(path => !path.EndsWith(".yml", StringComparison.Ordinal)))
                {
                    fixedTree.Write(Path.GetRelativePath(tree.Root, extra), "");
                }

                int before = WorkflowCheck.Run(tree.Root).Count(item => item.RuleId == finding.RuleId);
                int afterCount = WorkflowCheck.Run(fixedTree.Root).Count(item => item.RuleId == finding.RuleId);
                Assert.True(afterCount < before, $"{Path.GetFileName(file)}: fixing {finding.RuleId} at {finding.Location} did not remove it");
            }
        }
    }
}
