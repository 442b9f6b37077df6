using System.Globalization;
using Drydock.Debian.Advice;
using Drydock.Debian.Images;
using Drydock.Debian.Index;
using Drydock.Logs.Model;
using Drydock.Logs.Parsing;

namespace Drydock.Logs.Analysis;

/// <summary>What an apt failure in a log needs to be advised again once the Dockerfile's FROM is known.</summary>
/// <param name="Packages">The names apt could not install, as the log printed them.</param>
/// <param name="Targets">The architecture of the failed build step (amd64 when the log does not say).</param>
/// <param name="Date">The day of the log: which release a moving tag (python:3.11-slim) meant then.</param>
/// <param name="AptReplacements">The names apt itself listed under "However the following packages replace it:".</param>
internal sealed record AptContext(IReadOnlyList<string> Packages, ArchSet Targets, DateOnly? Date, IReadOnlyList<string> AptReplacements);

/// <summary>
/// The Debian package knowledge of DF080/DF081 applied to apt's own failure lines (LG120 "Unable to locate
/// package", LG121 "has no installation candidate"): the release the build ran, the name the package has there,
/// the component to enable, or the third-party repository it comes from.
/// </summary>
internal static class AptAdvice
{
    internal const string UnableToLocate = "LG120";
    internal const string NoCandidate = "LG121";
    private const int MaxPackages = 8;
    private const string ReplacedBy = "However the following packages replace it:";

    public static bool Applies(string ruleId) => ruleId is UnableToLocate or NoCandidate;

    /// <summary>Advice from the log alone: the base image BuildKit named for the failed step's stage.</summary>
    public static Diagnosis FromLog(Diagnosis diagnosis, LogScan scan, SignatureHit hit)
    {
        var packages = hit.Values.TryGetValue("package", out var names)
            ? names.Select(Bare).Where(name => name.Length > 0 && !name.Contains('$', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Take(MaxPackages).ToList()
            : [];
        if (packages.Count == 0)
        {
            return diagnosis;
        }

        var targets = hit.DockerStep?.Platform is { } platform ? ArchSet.FromPlatforms([platform]) : ArchSet.Amd64;
        if (targets.IsEmpty)
        {
            targets = ArchSet.Amd64;
        }

        var context = new AptContext(packages, targets, scan.Date, AptReplacementsIn(hit.Lines));
        string? image = ImageForStep(scan, hit.DockerStep);
        return Advise(diagnosis with { Apt = context }, image, image is null ? null : "the build log");
    }

    /// <summary>
    /// Rewrites <see cref="Diagnosis.Cause"/> and <see cref="Diagnosis.Fix"/> for <paramref name="image"/>
    /// (null: not known), said to come from <paramref name="source"/>.
    /// </summary>
    public static Diagnosis Advise(Diagnosis diagnosis, string? image, string? source)
    {
        if (diagnosis.Apt is not { } context)
        {
            return diagnosis;
        }

        var advisor = PackageAdvisor.Shared;
        var resolver = new BaseImageResolver(context.Date is { } day ? new DayClock(day) : null);
        var release = image is null ? null : resolver.Resolve(image);
        var causes = new List<string>();
        var fixes = new List<string>();
        if (release is not null)
        {
            causes.Add($"{release.Explanation} (base image from {source}{(context.Date is { } date ? string.Create(CultureInfo.InvariantCulture, $", log of {date:yyyy-MM-dd}") : "")})");
        }
        else
        {
            causes.Add("The build's base image is not named in the log (pass --repo to read the Dockerfile's FROM)");
        }

        foreach (string package in context.Packages)
        {
            if (release is { IsCheckable: true, Codename: { } codename })
            {
                var check = advisor.Check(codename, package, context.Targets, sameCommand: context.Packages);
                if (check.IsProblem || check.Verdict == PackageVerdict.NotChecked)
                {
                    causes.Add(check.Message);
                    if (check.Advice.Length > 0)
                    {
                        fixes.Add($"{package}: {check.Advice}");
                    }
                }
                else
                {
                    causes.Add($"Debian {codename} has {package} for {context.Targets}");
                    fixes.Add($"{package}: run apt-get update in the same RUN as the install (the image ships without package lists), and check that no pin or sources change hides it");
                }

                continue;
            }

            var where = advisor.WhereIs(package).Where(item => !item.Record.IsVirtualOnly).ToList();
            if (where.Count > 0)
            {
                causes.Add($"{package} exists in Debian {string.Join(", ", where.Select(item => $"{item.Release.Codename} ({item.Record.Component.ToName()})"))}");
                fixes.Add($"{package}: use a base image of {string.Join(" or ", where.Select(item => item.Release.Codename))}, or its name in the base image's release");
            }
            else if (advisor.ThirdParty.ForPackage(package) is { } repository)
            {
                causes.Add($"{package} is not a Debian package: it comes from the {repository.Name} repository ({repository.Host}), for {repository.Architectures} only");
                fixes.Add($"{package}: {repository.Setup}");
            }
            else
            {
                causes.Add($"{package} is in no Debian release Drydock indexes ({string.Join(", ", advisor.Index.Releases.Select(item => item.Codename))})");
            }
        }

        if (context.AptReplacements.Count > 0)
        {
            fixes.Add($"apt names the replacement: {string.Join(" ", context.AptReplacements)}");
        }

        return diagnosis with
        {
            Cause = string.Join("; ", causes) + ".",
            Fix = fixes.Count > 0 ? string.Join("; ", fixes) + "." : diagnosis.Fix,
        };
    }

    /// <summary>A package as apt-get install names it, without version or release pin and architecture qualifier.</summary>
    internal static string Bare(string name)
    {
        int end = name.AsSpan().IndexOfAny("=/:");
        return (end < 0 ? name : name[..end]).Trim('\'', '"', '`', '.', ',');
    }

    /// <summary>The base image of the stage a BuildKit step belongs to; the only one when the log names one.</summary>
    internal static string? ImageForStep(LogScan scan, LogStep? step)
    {
        if (step is not null)
        {
            string stage = StageOf(step.Name);
            foreach (var from in scan.Steps)
            {
                if (from.Instruction is { } instruction && instruction.StartsWith("FROM ", StringComparison.Ordinal)
                    && StageOf(from.Name) == stage && StructureTracker.ImageOf(instruction) is { } image)
                {
                    return image;
                }
            }
        }

        return scan.BaseImages.Count == 1 ? scan.BaseImages[0] : null;
    }

    /// <summary>"[linux/amd64 builder 3/8] RUN ..." -> "builder": the label without platform and step counter.</summary>
    private static string StageOf(string name)
    {
        int close = name.IndexOf(']', StringComparison.Ordinal);
        if (!name.StartsWith('[') || close < 0)
        {
            return "";
        }

        var words = name[1..close].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Where(word => !word.Contains('/', StringComparison.Ordinal)));
    }

    private static List<string> AptReplacementsIn(IReadOnlyList<string> lines)
    {
        var result = new List<string>();
        for (int i = 0; i < lines.Count; i++)
        {
            int at = lines[i].IndexOf(ReplacedBy, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            // The list follows on indented lines; BuildKit keeps its "#7 4.2" prefix before them.
            for (int next = i + 1; next < lines.Count && result.Count < MaxPackages; next++)
            {
                string text = lines[next];
                if (text.Contains("E: ", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(StripBuildKitPrefix(text)))
                {
                    break;
                }

                result.AddRange(StripBuildKitPrefix(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Bare).Where(name => name.Length > 0 && !result.Contains(name)));
            }

            break;
        }

        return result;
    }

    private static string StripBuildKitPrefix(string line)
    {
        var span = line.AsSpan();
        if (span.StartsWith('#'))
        {
            int space = span.IndexOf(' ');
            span = space < 0 ? [] : span[(space + 1)..];
            int second = span.IndexOf(' ');
            if (second > 0 && double.TryParse(span[..second], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                span = span[(second + 1)..];
            }
        }

        return span.ToString();
    }

    private sealed class DayClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }
}
