using Drydock.Configuration;
using Drydock.Findings;
using Drydock.Text;

namespace Drydock.Core.Tests;

public class ConfigurationTests
{
    [Fact]
    public void A_full_configuration_is_read()
    {
        var config = ConfigLoader.Parse("ignore: [DF001, apt-key-used]\nseverity:\n  DF020: error\nfailOn: error\ntrustedRegistries: [ghcr.io/acme]\nexclude: ['legacy/**']\n", ".drydock.yaml");
        Assert.Contains("DF001", config.IgnoredRules);
        Assert.Contains("apt-key-used", config.IgnoredRules);
        Assert.Equal(Severity.Error, config.SeverityOverrides["DF020"]);
        Assert.Equal(Severity.Error, config.FailOn);
        Assert.Equal(["ghcr.io/acme"], config.TrustedRegistries);
        Assert.Equal(["legacy/**"], config.ExcludedPaths);
    }

    [Theory]
    [InlineData("colour: red\n", "unknown key 'colour'")]
    [InlineData("failOn: fatal\n", "not a severity")]
    [InlineData("severity: {DF001: loud}\n", "'loud' is not a severity")]
    [InlineData("ignore: [DF001\n", "invalid YAML")]
    [InlineData("- DF001\n", "must be a mapping")]
    public void Bad_configuration_says_what_and_where(string yaml, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, ".drydock.yaml"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(".drydock.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_configuration_is_the_default()
    {
        Assert.Equal(Severity.Warning, ConfigLoader.Parse("", "x").FailOn);
    }

    [Fact]
    public void A_pragma_silences_the_rules_it_names_on_the_whole_next_statement()
    {
        var text = new SourceText("Dockerfile", "FROM a\n# drydock ignore=DF001, DF002\nRUN apt-get update && \\\n    apt-get install x\nRUN y\n");
        var map = PragmaScanner.Scan(text, first => first == 3 ? 4 : first);
        Assert.True(map.IsSuppressed("DF001", "n", 3));
        Assert.True(map.IsSuppressed("DF002", "n", 4));
        Assert.False(map.IsSuppressed("DF001", "n", 5));
        Assert.False(map.IsSuppressed("DF003", "n", 3));
    }

    [Fact]
    public void A_global_pragma_silences_the_whole_file_by_id_or_name()
    {
        var text = new SourceText("compose.yaml", "# drydock global ignore=DC004,latest-image\nservices: {}\n");
        var map = PragmaScanner.Scan(text);
        Assert.True(map.IsSuppressed("DC004", "x", 99));
        Assert.True(map.IsSuppressed("DC009", "latest-image", 2));
        Assert.False(map.IsSuppressed("DC009", "other", 2));
    }

    [Theory]
    [InlineData("# drydock ignore=DF001", false, "DF001")]
    [InlineData("#drydock global ignore=DF001,DF002", true, "DF001,DF002")]
    [InlineData("# Drydock ignore = DF001", false, null)]
    [InlineData("# drydock please ignore=DF001", false, null)]
    [InlineData("# a normal comment", false, null)]
    public void Pragma_syntax(string comment, bool global, string? rules)
    {
        bool parsed = PragmaScanner.TryParse(comment, out bool isGlobal, out var ids);
        Assert.Equal(rules is not null, parsed);
        if (rules is not null)
        {
            Assert.Equal(global, isGlobal);
            Assert.Equal(rules, string.Join(',', ids));
        }
    }
}
