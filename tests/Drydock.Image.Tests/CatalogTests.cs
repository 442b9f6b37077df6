using Drydock.Image.Analysis;
using Drydock.Knowledge;

namespace Drydock.Image.Tests;

/// <summary>Every rule class is listed and the knowledge files keep their shape (docs pages: Drydock.Cli.Tests RuleDocsTests).</summary>
public sealed class CatalogTests
{
    [Fact]
    public void EveryRuleClassIsListedInTheAnalyzer()
    {
        var listed = ImageAnalyzer.ImageRules.Select(rule => rule.GetType()).Concat(ImageAnalyzer.PlatformRules.Select(rule => rule.GetType())).ToHashSet();
        var declared = typeof(ImageAnalyzer).Assembly.GetTypes()
            .Where(type => type.IsClass && !type.IsAbstract && (typeof(IImageRule).IsAssignableFrom(type) || typeof(IPlatformRule).IsAssignableFrom(type)))
            .ToList();
        Assert.NotEmpty(declared);
        Assert.All(declared, type => Assert.Contains(type, listed));
        Assert.Equal(ImageAnalyzer.Rules.Count, ImageAnalyzer.Rules.Select(rule => rule.Id).Distinct().Count());
    }

    [Fact]
    public void RuleIdsStayInTheImageRange()
    {
        foreach (var rule in ImageAnalyzer.Rules)
        {
            Assert.Matches("^IM0[0-4][0-9]$", rule.Id);
        }
    }

    [Fact]
    public void ElfMachineTableHasTheArchitecturesTheIssueNames()
    {
        var expected = new Dictionary<string, int> { ["amd64"] = 62, ["arm64"] = 183, ["arm"] = 40, ["386"] = 3, ["ppc64le"] = 21, ["s390x"] = 22, ["riscv64"] = 243 };
        foreach (var (architecture, machine) in expected)
        {
            Assert.Equal(machine, ImageKnowledge.MachineFor(architecture)!.Machine);
        }

        Assert.False(ImageKnowledge.MachineFor("s390x")!.LittleEndian);
        Assert.Equal("musl", ImageKnowledge.LibcOfLoader("/lib/ld-musl-aarch64.so.1"));
        Assert.Equal("glibc", ImageKnowledge.LibcOfLoader("/lib64/ld-linux-x86-64.so.2"));
    }

    [Fact]
    public void KnowledgeFilesHaveVersionAndPayload()
    {
        var files = KnowledgeFile.EmbeddedFiles(typeof(ImageAnalyzer).Assembly).ToList();
        Assert.Equal(["elf-machines.json", "image-secrets.json"], files.Order(StringComparer.Ordinal).ToArray());
        foreach (string file in files)
        {
            using var document = KnowledgeFile.Open(typeof(ImageAnalyzer).Assembly, file);
            Assert.True(document.RootElement.GetProperty("version").GetInt32() >= 1);
        }

        Assert.NotEmpty(ImageKnowledge.SecretFiles);
        Assert.True(ImageKnowledge.IsSecretEnvName("GHCR_PAT"));
        Assert.False(ImageKnowledge.IsSecretEnvName("PATH"));
        Assert.True(ImageKnowledge.IsPlaceholderValue("/run/secrets/token"));
    }
}
