using Drydock.Knowledge;
using Drydock.Security;

namespace Drydock.Core.Tests;

public class KnowledgeShapeTests
{
    [Fact]
    public void Every_embedded_data_file_has_a_version_and_a_date()
    {
        var files = KnowledgeFile.EmbeddedFiles(typeof(SecretRedactor).Assembly).ToList();
        Assert.Contains("secret-patterns.json", files);
        foreach (string file in files)
        {
            using var document = KnowledgeFile.Open(typeof(SecretRedactor).Assembly, file);
            Assert.True(DateOnly.TryParse(document.RootElement.GetProperty("updated").GetString(), out _), file);
        }
    }

    [Fact]
    public void Every_secret_pattern_has_an_id_and_compiles()
    {
        using var document = KnowledgeFile.Open(typeof(SecretRedactor).Assembly, "secret-patterns.json");
        var ids = new HashSet<string>();
        foreach (var entry in document.RootElement.GetProperty("patterns").EnumerateArray())
        {
            string id = KnowledgeFile.RequiredString(entry, "id", "test");
            Assert.True(ids.Add(id), $"duplicate id {id}");
            _ = new System.Text.RegularExpressions.Regex(KnowledgeFile.RequiredString(entry, "regex", id));
        }
    }
}
