using System.Text.RegularExpressions;
using Drydock.CrossFile.Platforms;
using Drydock.Docker.Knowledge;
using Drydock.Docker.Model;
using Drydock.Docker.Rules;
using Drydock.Findings;

namespace Drydock.CrossFile.Rules.Docker;

/// <summary>
/// DF041: an apt package published for only some architectures, installed unguarded in a build for others. The
/// architectures come from <see cref="BuildTargets"/>: FROM --platform, else the platforms the workflows, compose
/// files and Makefile recipes build the Dockerfile for, else amd64 and arm64.
/// </summary>
public sealed partial class ArchOnlyPackageUnguardedRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF041",
        "arch-only-package-unguarded",
        Severity.Error,
        "A package that exists only for some CPU architectures is installed with no TARGETARCH guard in an image that may be built for others.",
        "In a multi-arch build the other architectures fail with 'E: Unable to locate package', and the whole push fails. Vendor repositories (Microsoft Edge, SQL Server, Opera) publish amd64 only, and source lines copied from vendor pages often pin [arch=amd64].",
        "Install the package only when TARGETARCH matches (ARG TARGETARCH, then if/case on it), use a portable package (chromium), or pin the image to one platform with FROM --platform=linux/amd64.");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        var buildTargets = context.Project.Model(BuildTargets.Build);
        foreach (var stage in context.Dockerfiles.Documents.SelectMany(document => document.Stages))
        {
            var packages = stage.Packages.Where(package => package.Install.Instruction is RunInstruction && package.Manager == PackageManager.Apt && !package.IsArchitectureGuarded && FieldKnowledge.Default.ArchOnly(package.Name) is not null).ToList();
            if (packages.Count > 0)
            {
                Check(context, stage, buildTargets.For(stage), packages);
            }
        }
    }

    private static void Check(CrossFileContext context, Stage stage, TargetPlatforms platforms, List<PackageSpec> packages)
    {
        var targets = platforms.Architectures;
        var restrictions = SourceRestrictions(stage);
        foreach (var package in packages)
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

            context.Sink.Report(Descriptor, stage.Document.Source, package.Span.Start, package.Span.End,
                $"{package.Name} is {why}: the {string.Join("/", missing.Order(StringComparer.Ordinal))} build{platforms.Reason(missing)} fails with 'Unable to locate package {package.Name}'; install it only when TARGETARCH matches, or use {known.Instead}",
                related: platforms.Related(missing));
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
