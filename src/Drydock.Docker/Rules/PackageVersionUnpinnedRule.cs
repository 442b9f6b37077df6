using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>
/// DF026: in a Dockerfile that pins some apt/apk packages (its own policy), a package of the same manager left unpinned.
/// A Dockerfile that pins nothing is not flagged: pinning distribution packages is a policy, not a defect.
/// </summary>
public sealed class PackageVersionUnpinnedRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF026",
        "package-version-unpinned",
        Severity.Info,
        "An apt/apk package is unpinned while the Dockerfile pins others.",
        "The Dockerfile pins some system packages, so it means to build reproducibly; an unpinned one breaks that promise and changes with the next mirror update.",
        "Pin it like the others (apt: curl=7.88.1-10+deb12u8; apk: curl=8.9.1-r0), or stop pinning consistently.")
    {
        Equivalents = ["hadolint DL3008", "hadolint DL3018"],
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitDocument(DockerfileContext context)
    {
        var packages = context.Document.Stages.SelectMany(stage => stage.Packages).Where(package => package.Manager is PackageManager.Apt or PackageManager.Apk && package.Word.Literal is not null).ToList();
        foreach (var group in packages.GroupBy(package => package.Manager))
        {
            var pinned = group.FirstOrDefault(package => package.IsPinned);
            if (pinned is null)
            {
                continue;
            }

            foreach (var package in group.Where(package => !package.IsPinned))
            {
                context.Report(Descriptor, package.Span, $"{package.Name} is not pinned, while this Dockerfile pins {pinned.Name}={pinned.Version} (line {context.Document.Source.Position(pinned.Span.Start).Line}); pin it too");
            }
        }
    }
}
