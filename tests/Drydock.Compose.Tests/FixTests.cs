using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Testing;

namespace Drydock.Compose.Tests;

/// <summary>Each safe fix removes its finding and keeps every other byte of the file.</summary>
public sealed class FixTests
{
    [Fact]
    public void Dockerfile_path_is_rewritten_relative_to_the_context()
    {
        const string before = "services:\n  api:   # the API\n    build:\n      context: ..\n      dockerfile: \"Dockerfile\"   # keep\n";
        const string after = "services:\n  api:   # the API\n    build:\n      context: ..\n      dockerfile: \"deployment/Dockerfile\"   # keep\n";
        using var tree = new TempTree().Write("deployment/compose.yaml", before).Write("deployment/Dockerfile", "FROM python:3.12-slim\n");
        AssertFix(tree, "deployment/compose.yaml", "DC008", after);
    }

    [Fact]
    public void Obsolete_version_line_is_deleted()
    {
        const string before = "# stack\r\nversion: '3.8'\r\nservices:\r\n  web:\r\n    image: nginx:1.27\r\n";
        const string after = "# stack\r\nservices:\r\n  web:\r\n    image: nginx:1.27\r\n";
        using var tree = new TempTree().Write("docker-compose.yml", before);
        AssertFix(tree, "docker-compose.yml", "DC024", after);
    }

    private static void AssertFix(TempTree tree, string path, string ruleId, string expected)
    {
        var finding = Assert.Single(ModelTests.Run(tree.Root), found => found.Rule.Id == ruleId);
        var fix = Assert.IsType<Fix>(finding.Fix);
        Assert.True(fix.IsSafe);
        Assert.All(fix.Edits, edit => Assert.Equal(path, edit.Path));
        string text = FixEdits.Apply(File.ReadAllText(tree.Path(path)), fix);

        Assert.Equal(expected, text);
        File.WriteAllText(tree.Path(path), text);
        Assert.DoesNotContain(ModelTests.Run(tree.Root), found => found.Rule.Id == ruleId);
    }
}
