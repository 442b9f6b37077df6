using Drydock.Analysis;
using Drydock.CrossFile.Platforms;
using Drydock.Debian.Advice;
using Drydock.Debian.Images;
using Drydock.Debian.Index;
using Drydock.Docker.Knowledge;
using Drydock.Docker.Model;
using Drydock.Docker.Rules;
using Drydock.Findings;

namespace Drydock.CrossFile.Rules.Docker;

/// <summary>
/// DF080: an apt-get/apt install names a package the base image's Debian release does not have for an architecture the
/// build targets (gone, renamed, arch-only, in a component the image does not enable, or from a repository the stage
/// does not add). The release comes from the stage chain's root image (Drydock.Debian's BaseImageResolver), the answer
/// and its advice from Drydock.Debian's PackageAdvisor; the target architectures from <see cref="BuildTargets"/> (FROM
/// --platform, else what the workflows, compose files and Makefile recipes build, else amd64 and arm64).
/// </summary>
public sealed class AptPackageUnavailableRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF080",
        "apt-package-unavailable",
        Severity.Error,
        "apt installs a package that the base image's Debian release does not have for a target architecture.",
        "The build stops at 'E: Unable to locate package' or 'has no installation candidate', and only on the runner: packages are renamed between Debian releases (libavcodec58 is bullseye's, bookworm has libavcodec59), some exist only for some architectures, some live in components the official images do not enable, and some come from vendor repositories.",
        "Install the name this release uses, enable the component, or add the vendor repository (with a TARGETARCH guard when it lacks an architecture).")
    {
        Fixable = true,
    };

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        var buildTargets = context.Project.Model(BuildTargets.Build);

        // Documents are independent and the index look-ups dominate: check them in parallel (the sink is thread-safe).
        Parallel.ForEach(context.Dockerfiles.Documents, document =>
        {
            var resolver = new BaseImageResolver();
            foreach (var stage in document.Stages)
            {
                if (stage.Installs.Any(install => install.Manager == PackageManager.Apt) && FieldCaseFacts.Chain(stage)[0].BaseName is { } baseName
                    && resolver.Resolve(baseName) is { IsCheckable: true } release)
                {
                    // (Ubuntu, Alpine, an unknown image or a vague tag: not checked rather than guessed.)
                    var targets = buildTargets.For(stage);
                    foreach (var run in stage.InstructionsOf<RunInstruction>())
                    {
                        Check(context.Sink, stage, run, release, targets);
                    }
                }
            }
        });
    }

    private static void Check(FindingSink sink, Stage stage, RunInstruction run, BaseImageRelease release, TargetPlatforms platforms)
    {
        var installs = stage.Installs.Where(install => install.Instruction == run && install.Manager == PackageManager.Apt).ToList();
        if (installs.Count == 0)
        {
            return;
        }

        var advisor = PackageAdvisor.Shared;
        var targets = ArchSet.Of([.. platforms.Architectures.Select(ArchSet.DebianArchitectureOf).OfType<string>()]);
        var sources = AptSources.FromText(
            FieldCaseFacts.Chain(stage).SelectMany(link => link.InstructionsOf<RunInstruction>()).Where(other => other.Stage != stage || other.Index <= run.Index).Select(other => other.Text),
            advisor.ThirdParty);
        foreach (var install in installs.Where(install => !TargetsAnotherSuite(install)))
        {
            var names = install.Packages.Select(package => (package, Names(stage, run, package))).ToList();
            var sameCommand = names.SelectMany(item => item.Item2).ToHashSet(StringComparer.Ordinal);
            foreach (var (package, packageNames) in names)
            {
                foreach (string name in packageNames)
                {
                    var check = advisor.Check(release.Codename!, name, targets, sources, sameCommand);
                    bool archOnly = check.Verdict is PackageVerdict.MissingOnSomeArchitectures or PackageVerdict.ThirdPartyMissingArchitectures;
                    if (!check.IsProblem || (archOnly && (package.IsArchitectureGuarded || FieldKnowledge.Default.ArchOnly(name) is not null)))
                    {
                        continue; // guarded installs run on some architectures only; DF041 owns the packages of its arch-only list
                    }

                    sink.Report(Descriptor, stage.Document.Source, package.Span.Start, package.Span.End, $"{check.Message} ({release.Explanation})",
                        fixAdvice: check.Advice, fix: Replacement(stage.Document, package, name, check), related: archOnly ? platforms.Related(platforms.Architectures) : null);
                }
            }
        }
    }

    /// <summary>The package names a word stands for: a version pin and an architecture qualifier dropped, ARGs expanded; none when unknown.</summary>
    private static IEnumerable<string> Names(Stage stage, RunInstruction run, PackageSpec package)
    {
        string text = package.Name;
        if (package.Word.HasExpansion)
        {
            var expansion = stage.ScopeAt(run).Expand(package.Word.Value, run.EscapeCharacter);
            if (!expansion.IsKnown || expansion.UndeclaredVariables.Count > 0)
            {
                yield break; // a shell variable or an ARG without a value: not knowable from the Dockerfile
            }

            text = expansion.Text;
        }

        foreach (string word in text.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            string name = word.Split('=')[0];
            name = name.Contains(':', StringComparison.Ordinal) ? name[..name.IndexOf(':', StringComparison.Ordinal)] : name;
            if (name.Length > 0 && name.IndexOfAny(['/', '*', '?', '[', '$']) < 0 && !package.Word.Value.Contains('/', StringComparison.Ordinal))
            {
                yield return name; // pkg/bookworm-backports targets a suite the index does not hold; globs are apt patterns
            }
        }
    }

    /// <summary>-t/--target-release (backports, a vendor suite) makes apt look beyond the release the index describes.</summary>
    private static bool TargetsAnotherSuite(InstallCommand install) =>
        install.Line.Arguments.Any(word => word.Value is "-t" or "--target-release" or "--default-release"
            || word.Value.StartsWith("--target-release=", StringComparison.Ordinal) || (word.Value.StartsWith("-t", StringComparison.Ordinal) && !word.Value.StartsWith("--", StringComparison.Ordinal) && word.Value.Length > 2));

    private static Fix? Replacement(DockerfileDocument document, PackageSpec package, string name, PackageCheck check) =>
        check.Verdict == PackageVerdict.Missing && check.Suggestions.Count == 1 && !package.Word.HasExpansion && package.Version is null && package.Word.Value == name
            ? new Fix($"install {check.Suggestions[0]} instead of {name}", false, [new TextEdit(document.Path, package.Span.Start, package.Span.Length, check.Suggestions[0])])
            : null;
}
