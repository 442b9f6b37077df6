using Drydock.Compose.Model;
using Drydock.Findings;
using Drydock.Yaml;

namespace Drydock.Compose.Rules;

/// <summary>DC024: the top-level <c>version:</c>, which Compose V2 ignores.</summary>
public sealed class ObsoleteVersionKeyRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC024",
        "obsolete-version-key",
        Severity.Info,
        "The top-level `version:` is obsolete.",
        "Compose V2 ignores it and warns on every command (\"the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion\"); it suggests a file format that no longer decides anything.",
        "Delete the `version:` line.")
    {
        Equivalents = ["dclint no-version-field"],
        Fixable = true,
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var file in context.Compose.Files.Where(file => file.IsUsable))
        {
            var key = file.Root!.KeyNode("version");
            if (key is null)
            {
                continue;
            }

            var keyValue = new ComposeValue(file, key, _ => null);
            var value = file.Root!.Children[key];
            var fix = value is YamlDotNet.RepresentationModel.YamlScalarNode
                ? ComposeEdits.DeleteLines("remove the obsolete version line", keyValue, YamlSource.Span(value).End, isSafe: true)
                : null;
            context.Report(Descriptor, keyValue, $"{file.Path}: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion", fix: fix);
        }
    }
}
