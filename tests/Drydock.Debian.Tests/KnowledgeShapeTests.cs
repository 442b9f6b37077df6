using Drydock.Debian.Advice;
using Drydock.Debian.Images;
using Drydock.Debian.Index;
using Drydock.Knowledge;

namespace Drydock.Debian.Tests;

public sealed class KnowledgeShapeTests
{
    [Fact]
    public void Every_embedded_json_file_has_a_version_and_a_date()
    {
        var assembly = typeof(PackageAdvisor).Assembly;
        string[] files = [.. KnowledgeFile.EmbeddedFiles(assembly).Where(name => name.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        Assert.Equal(["debian-base-images.json", "package-replacements.json", "third-party-repositories.json"], files);
        foreach (string file in files)
        {
            using var document = KnowledgeFile.Open(assembly, file);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", document.RootElement.GetProperty("updated").GetString());
        }

        Assert.Contains(PackageIndex.ResourceName, KnowledgeFile.EmbeddedFiles(assembly));
    }

    [Fact]
    public void Every_replacement_exists_where_it_is_offered_and_the_old_name_fails_there()
    {
        var index = PackageIndex.Shared;
        var advisor = PackageAdvisor.Shared;
        foreach (var replacement in ReplacementCatalog.Shared.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(replacement.Note));
            foreach (var (codename, instead) in replacement.Instead)
            {
                var release = index.Release(codename);
                Assert.True(release is not null, $"{replacement.Package}: {codename} is not an indexed release");
                foreach (string package in instead)
                {
                    Assert.True(index.Find(release, package)?.InstallableArchitectures.Contains("amd64") == true, $"{replacement.Package}: {package} is not in {codename} for amd64");
                }

                var check = advisor.Check(codename, replacement.Package, ArchSet.Amd64);
                Assert.True(check.IsProblem || codename == "bullseye", $"{replacement.Package} installs fine on {codename}: the entry is moot");
            }
        }
    }

    [Fact]
    public void Third_party_repositories_are_complete()
    {
        var catalog = ThirdPartyCatalog.Shared;
        Assert.NotEmpty(catalog.Repositories);
        foreach (var repository in catalog.Repositories)
        {
            Assert.False(repository.Architectures.IsEmpty, repository.Name);
            Assert.NotEmpty(repository.Packages);
            Assert.DoesNotContain("://", repository.Host, StringComparison.Ordinal);
            Assert.Matches(@"^\d{4}-\d{2}$", repository.Checked);
        }

        Assert.Equal(ArchSet.Of("amd64", "arm64"), catalog.ForPackage("google-chrome-stable")!.Architectures);
        Assert.Equal(ArchSet.Amd64, catalog.ForPackage("microsoft-edge-stable")!.Architectures);
    }

    [Fact]
    public void Debian_releases_are_in_order_and_frozen_tags_name_known_releases()
    {
        var knowledge = BaseImageKnowledge.Load();
        var dated = knowledge.Releases.Where(release => release.StableFrom is not null).ToList();
        for (int i = 1; i < dated.Count; i++)
        {
            Assert.True(dated[i - 1].StableFrom < dated[i].StableFrom);
            Assert.Equal(dated[i - 1].Major + 1, dated[i].Major);
        }

        Assert.Equal(new DateOnly(2023, 6, 10), knowledge.Release("bookworm")!.StableFrom);
        Assert.Equal(new DateOnly(2025, 8, 9), knowledge.Release("trixie")!.StableFrom);
        foreach (var image in knowledge.Images.Values)
        {
            Assert.Contains(image.Family, new[] { "debian", "ubuntu", "alpine", "vague" });
            foreach (var rule in image.Frozen)
            {
                Assert.NotNull(knowledge.Release(rule.Value));
                Assert.NotEmpty(rule.Versions);
            }
        }
    }
}
