using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF008: pip install of a named package without a version.</summary>
public sealed class PipVersionUnpinnedRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF008",
        "pip-version-unpinned",
        Severity.Info,
        "pip installs a package without a version.",
        "An unpinned package resolves to its newest release at build time: a rebuild picks up breaking changes the tests never saw.",
        "Pin the version (requests==2.32.3), or install from a requirements or lock file.")
    {
        Equivalents = ["hadolint DL3013"],
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitRun(DockerfileContext context, RunInstruction run)
    {
        foreach (var install in run.Stage?.Installs.Where(install => install.Instruction == run && install.Manager is PackageManager.Pip or PackageManager.Uv) ?? [])
        {
            // Upgrading the installer itself is customary and harmless.
            foreach (var package in install.Packages.Where(package => !package.IsPinned && package.Word.Literal is not null && package.Name is not ("pip" or "setuptools" or "wheel" or "uv")))
            {
                context.Report(Descriptor, package.Span, $"'{package.Name}' is installed without a version: pin it ('{package.Name}==<version>') or install it from a requirements file");
            }
        }
    }
}
