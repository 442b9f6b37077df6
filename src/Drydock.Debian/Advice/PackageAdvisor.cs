using Drydock.Debian.Index;

namespace Drydock.Debian.Advice;

/// <summary>
/// The public lookup: does a Debian release have a package for the architectures a build targets, and if not,
/// what to install instead, which component to enable, or which repository to add. Used by the Dockerfile
/// rule (DF080, DF081) and by `drydock diagnose` for "Unable to locate package" log lines.
/// </summary>
public sealed class PackageAdvisor
{
    private static readonly Lazy<PackageAdvisor> SharedAdvisor = new(
        () => new PackageAdvisor(PackageIndex.Shared, ReplacementCatalog.Shared, ThirdPartyCatalog.Shared), LazyThreadSafetyMode.ExecutionAndPublication);

    public PackageAdvisor(PackageIndex index, ReplacementCatalog replacements, ThirdPartyCatalog thirdParty)
    {
        Index = index;
        Replacements = replacements;
        ThirdParty = thirdParty;
    }

    /// <summary>The advisor over the embedded data, loaded on first use.</summary>
    public static PackageAdvisor Shared => SharedAdvisor.Value;

    public PackageIndex Index { get; }

    public ReplacementCatalog Replacements { get; }

    public ThirdPartyCatalog ThirdParty { get; }

    /// <summary>
    /// Checks one package name (no version pin, no variables) for <paramref name="codename"/> on <paramref name="targets"/>.
    /// <paramref name="sources"/> says which components and repositories the stage adds (default: Debian main only);
    /// <paramref name="sameCommand"/> are the other packages of the same install (a provider named there settles a virtual name).
    /// </summary>
    public PackageCheck Check(string codename, string package, ArchSet targets, AptSources? sources = null, IReadOnlyCollection<string>? sameCommand = null)
    {
        sources ??= AptSources.DebianDefault;
        var release = Index.Release(codename);
        if (release is null)
        {
            return Result(package, codename, PackageVerdict.NotChecked, targets, $"the package index has no data for Debian {codename}", "");
        }

        var checkedTargets = targets.Intersect(release.Architectures);
        if (checkedTargets.IsEmpty)
        {
            return Result(package, codename, PackageVerdict.NotChecked, targets,
                $"the package index has no data for {targets} in Debian {codename} (it has {release.Architectures})", "");
        }

        var record = Index.Find(release, package);
        if (record is null)
        {
            return ThirdParty.ForPackage(package) is { } repository
                ? CheckThirdParty(package, release, checkedTargets, repository, sources)
                : Missing(package, release, checkedTargets, checkedTargets);
        }

        var missingOn = checkedTargets.Except(record.InstallableArchitectures);
        if (!missingOn.IsEmpty)
        {
            return missingOn == checkedTargets && record.InstallableArchitectures.IsEmpty
                ? Missing(package, release, checkedTargets, missingOn)
                : ArchOnly(package, release, checkedTargets, missingOn, record);
        }

        if (record.IsVirtualOnly)
        {
            int providerCount = record.Providers.Count + record.MoreProviders;
            bool chosen = sameCommand is not null && record.Providers.Any(sameCommand.Contains);
            if (providerCount > 1 && !chosen)
            {
                string listed = string.Join(", ", record.Providers) + (record.MoreProviders > 0 ? $" and {record.MoreProviders} more" : "");
                return Result(package, release.Codename, PackageVerdict.VirtualWithSeveralProviders, checkedTargets,
                    $"{package} is only a virtual package in Debian {release.Codename}, provided by {listed}: apt refuses to choose (\"has no installation candidate\")",
                    $"install one provider explicitly, e.g. {record.Providers[0]}" + ReplacementNote(package, release),
                    suggestions: [.. record.Providers], missingOn: checkedTargets);
            }

            return Result(package, release.Codename, PackageVerdict.Virtual, checkedTargets, "", "", suggestions: [.. record.Providers]);
        }

        if (record.Component != PackageComponent.Main && !sources.Enables(record.Component))
        {
            string component = record.Component.ToName();
            string moved = Index.FindInAllReleases(package)
                .Where(other => other.Release.Major < release.Major && other.Record.Component != record.Component && !other.Record.IsVirtualOnly)
                .Select(other => $" (it was in {other.Record.Component.ToName()} in {other.Release.Codename})")
                .LastOrDefault() ?? "";
            return Result(package, release.Codename, PackageVerdict.NeedsComponent, checkedTargets,
                $"{package} is in Debian {release.Codename}'s {component} component{moved}, which the base image does not enable",
                $"enable {component} before apt-get update, e.g. RUN sed -i 's/^Components: main$/Components: main {component}/' /etc/apt/sources.list.d/debian.sources",
                component: record.Component, missingOn: checkedTargets);
        }

        return Result(package, release.Codename, PackageVerdict.Available, checkedTargets, "", "", component: record.Component);
    }

    /// <summary>Every release that has <paramref name="package"/>, for a diagnosis when the build's release is not known.</summary>
    public IReadOnlyList<(DebianRelease Release, PackageRecord Record)> WhereIs(string package) => Index.FindInAllReleases(package);

    private PackageCheck Missing(string package, DebianRelease release, ArchSet targets, ArchSet missingOn)
    {
        var elsewhere = Index.FindInAllReleases(package).Where(other => other.Release != release && !other.Record.IsVirtualOnly).Select(other => other.Release.Codename).ToList();
        string history = elsewhere.Count > 0 ? $" (it is {string.Join(" and ", elsewhere)}'s name)" : "";
        var replacement = Replacements.For(package);
        IReadOnlyList<string> suggestions = replacement is not null && replacement.Instead.TryGetValue(release.Codename, out var instead)
            ? instead
            : NearestNames.Find(Index, release, package, targets);
        string note = replacement is not null && replacement.Instead.ContainsKey(release.Codename) ? $" ({replacement.Note})" : "";
        string advice = suggestions.Count switch
        {
            0 when replacement is not null => $"remove it{note}",
            0 => $"remove it, or check its name with apt-cache search on Debian {release.Codename}",
            _ when replacement is not null => $"install {string.Join(" ", suggestions)} instead{note}",
            1 => $"install {suggestions[0]} instead (the same library under this release's name)",
            _ => $"install one of {string.Join(", ", suggestions)} instead",
        };
        string where = missingOn == targets ? "" : $" for {missingOn}";
        return Result(package, release.Codename, PackageVerdict.Missing, targets,
            $"Debian {release.Codename} has no package {package}{where}{history}", advice, suggestions: suggestions, missingOn: missingOn);
    }

    private static PackageCheck ArchOnly(string package, DebianRelease release, ArchSet targets, ArchSet missingOn, PackageRecord record)
    {
        var has = targets.Intersect(record.InstallableArchitectures);
        if (has.IsEmpty)
        {
            return Result(package, release.Codename, PackageVerdict.MissingOnSomeArchitectures, targets,
                $"Debian {release.Codename} has {package} only for {record.InstallableArchitectures}, not for {missingOn}, which this build targets",
                $"drop it from this image, or build it for {record.InstallableArchitectures.Architectures().First()} (FROM --platform=linux/{record.InstallableArchitectures.Architectures().First()})",
                component: record.Component, missingOn: missingOn);
        }

        return Result(package, release.Codename, PackageVerdict.MissingOnSomeArchitectures, targets,
            $"Debian {release.Codename} has {package} for {has} but not for {missingOn}, which this build targets",
            $"install it only when TARGETARCH is {string.Join(" or ", has.Architectures())} (e.g. RUN if [ \"$TARGETARCH\" = \"{has.Architectures().First()}\" ]; then apt-get install -y {package}; fi), or drop {missingOn} from the build's platforms",
            component: record.Component, missingOn: missingOn);
    }

    private static PackageCheck CheckThirdParty(string package, DebianRelease release, ArchSet targets, ThirdPartyRepository repository, AptSources sources)
    {
        bool configured = sources.TryGetRepository(repository, out var restriction);
        var offered = restriction is { } limit ? repository.Architectures.Intersect(limit) : repository.Architectures;
        var missingOn = targets.Except(offered);
        string archNote = missingOn.IsEmpty ? "" : $"; it has no {missingOn} packages (only {repository.Architectures})";
        if (!configured)
        {
            return Result(package, release.Codename, PackageVerdict.ThirdPartyNotConfigured, targets,
                $"{package} is not a Debian package: it comes from the {repository.Name} repository ({repository.Host}), which this stage does not add{archNote}",
                repository.Setup + (missingOn.IsEmpty ? "" : $"; and install it only when TARGETARCH is {string.Join(" or ", targets.Intersect(offered).Architectures())}"),
                repository: repository, missingOn: targets);
        }

        if (!missingOn.IsEmpty)
        {
            string why = restriction is { } arches && !missingOn.IsSubsetOf(targets.Except(repository.Architectures))
                ? $"its sources line is limited to [arch={string.Join(',', arches.Architectures())}]"
                : $"that repository has no {missingOn} packages (only {repository.Architectures})";
            return Result(package, release.Codename, PackageVerdict.ThirdPartyMissingArchitectures, targets,
                $"{package} comes from the {repository.Name} repository, but {why}, and this build targets {missingOn}",
                targets.Intersect(offered).IsEmpty
                    ? "drop it from this build"
                    : $"install it only when TARGETARCH is {string.Join(" or ", targets.Intersect(offered).Architectures())}, or drop {missingOn} from the build's platforms",
                repository: repository, missingOn: missingOn);
        }

        return Result(package, release.Codename, PackageVerdict.FromThirdParty, targets, "", "", repository: repository);
    }

    private string ReplacementNote(string package, DebianRelease release) =>
        Replacements.For(package) is { } replacement && replacement.Instead.TryGetValue(release.Codename, out var instead) && instead.Count > 0
            ? $" ({string.Join(" ", instead)}: {replacement.Note})"
            : "";

    private static PackageCheck Result(
        string package,
        string release,
        PackageVerdict verdict,
        ArchSet targets,
        string message,
        string advice,
        IReadOnlyList<string>? suggestions = null,
        ThirdPartyRepository? repository = null,
        PackageComponent component = PackageComponent.None,
        ArchSet missingOn = default) =>
        new(package, release, verdict, targets, missingOn, component, suggestions ?? [], repository, message, advice);
}
