using System.Text.RegularExpressions;
using Drydock.Docker.Knowledge;
using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF041: an apt package published for only some architectures, installed unguarded in a (possibly) multi-arch build.</summary>
public sealed partial class ArchOnlyPackageUnguardedRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF041",
        "arch-only-package-unguarded",
        Severity.Error,
        "A package that exists only for some CPU architectures is installed with no TARGETARCH guard in an image that may be built for others.",
        "In a multi-arch build the other architectures fail with 'E: Unable to locate package', and the whole push fails. Vendor repositories (Microsoft Edge, SQL Server, Opera) publish amd64 only, and source lines copied from vendor pages often pin [arch=amd64].",
        "Install the package only when TARGETARCH matches (ARG TARGETARCH, then if/case on it), use a portable package (chromium), or pin the image to one platform with FROM --platform=linux/amd64.");

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitRun(DockerfileContext context, RunInstruction run)
    {
        var stage = run.Stage;
        if (stage is null)
        {
            return;
        }

        var targets = FieldCaseFacts.TargetArchitectures(stage);
        var restrictions = SourceRestrictions(stage);
        foreach (var package in stage.Packages.Where(package => package.Install.Instruction == run && package.Manager == PackageManager.Apt && !package.IsArchitectureGuarded))
        {
            var known = FieldKnowledge.Default.ArchOnly(package.Name);
            if (known is null)
            {
                continue;
            }

            string version = package.Version?.Split(':')[^1] ?? "";
            var missing = targets.Where(arch => !known.ExistsFor(arch, package.Version is null ? null : version)).ToList();
            string why = missing.Count > 0 ? $"published only for {string.Join(", ", known.Architectures.Order(StringComparer.Ordinal))}{(package.Version is null ? "" : $" (version {package.Version})")}" : "";
            if (missing.Count == 0 && known.Repository is not null)
            {
                var restriction = restrictions.FirstOrDefault(item => item.Url.Contains(known.Repository, StringComparison.OrdinalIgnoreCase));
                if (restriction.Architectures is not null)
                {
                    missing = [.. targets.Where(arch => !restriction.Architectures.Contains(arch))];
                    why = $"served from an apt source restricted to [arch={string.Join(',', restriction.Architectures)}] (line {restriction.Line})";
                }
            }

            if (missing.Count == 0)
            {
                continue;
            }

            context.Report(Descriptor, package.Span,
                $"{package.Name} is {why}: the {string.Join("/", missing.Order(StringComparer.Ordinal))} build fails with 'Unable to locate package {package.Name}'; install it only when TARGETARCH matches, or use {known.Instead}");
        }
    }

    /// <summary>Apt source lines of the stage chain that name an [arch=...] option: their URL and architectures.</summary>
    private static List<(string Url, IReadOnlySet<string>? Architectures, int Line)> SourceRestrictions(Stage stage)
    {
        var result = new List<(string, IReadOnlySet<string>?, int)>();
        foreach (var (run, line) in FieldCaseFacts.ChainCommands(stage))
        {
            foreach (var word in line.Arguments)
            {
                var match = DebLine().Match(word.Value);
                if (match.Success && !word.HasExpansion)
                {
                    var arches = match.Groups["arch"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
                    result.Add((match.Groups["url"].Value, arches, run.Line));
                }
            }
        }

        return result;
    }

    [GeneratedRegex(@"deb\s+\[[^\]]*\barch=(?<arch>[a-z0-9,]+)[^\]]*\]\s+(?<url>\S+)")]
    private static partial Regex DebLine();
}
