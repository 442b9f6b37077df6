using Drydock.Docker.Knowledge;
using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF042: pip installs a package that compiles from source on a -slim/-alpine base with no compiler.</summary>
public sealed class PipSourceBuildWithoutCompilerRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF042",
        "pip-source-build-without-compiler",
        Severity.Error,
        "pip installs a package that builds from source, on a -slim or -alpine base with no compiler in the stage.",
        "The package publishes no wheel for this platform (none at all on Linux, or none for musl), so pip compiles it; the slim and alpine Python images have no gcc and no Python headers, and the build fails with \"command 'gcc' failed\" or \"Python.h: No such file or directory\".",
        "Build wheels in a builder stage that installs build-essential and python3-dev (Alpine: build-base, musl-dev, python3-dev) plus the library headers, and copy them into the final stage; or use the package's binary alternative.");

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitRun(DockerfileContext context, RunInstruction run)
    {
        if (run.Stage is not { } stage)
        {
            return;
        }

        var installs = stage.Installs.Where(install => install.Instruction == run && install.Manager is PackageManager.Pip or PackageManager.Uv).ToList();
        if (installs.Count == 0 || Toolchain(stage, run) is not { } libc)
        {
            return;
        }

        foreach (var install in installs.Where(install => !install.Line.HasOption(null, "--only-binary", "--prefer-binary")))
        {
            foreach (var package in install.Packages)
            {
                if (FieldKnowledge.Default.SourceBuild(package.Name) is { } known && known.BuildsFromSourceOn(libc))
                {
                    context.Report(Descriptor, package.Span, Message(known, package.Name, libc, stage));
                }
            }
        }
    }

    /// <summary>
    /// The libc of a stage that cannot compile at <paramref name="at"/>: its base family ships no compiler and no
    /// apt/apk install before it adds one. Null when the stage can compile, or when that is unknown.
    /// </summary>
    public static string? Toolchain(Stage stage, Instruction at)
    {
        var (_, family) = FieldCaseFacts.BaseOf(stage);
        if (family is not { Compiler: false, Libc: { } libc })
        {
            return null;
        }

        var knowledge = FieldKnowledge.Default;
        bool hasCompiler = FieldCaseFacts.ChainInstalls(stage, at).SelectMany(install => install.Packages).Any(package =>
            (package.Manager == PackageManager.Apt && knowledge.AptCompilers.Contains(package.Name))
            || (package.Manager == PackageManager.Apk && knowledge.ApkCompilers.Contains(package.Name)));
        return hasCompiler ? null : libc;
    }

    public static string Message(SourceBuildPackage known, string name, string libc, Stage stage)
    {
        var needs = libc == "musl" ? known.NeedsApk : known.NeedsApt;
        string compilers = libc == "musl" ? "build-base musl-dev python3-dev" : "build-essential python3-dev";
        string extra = needs.Count > 0 ? " " + string.Join(' ', needs) : "";
        string why = known.OnGlibc ? "has no Linux wheel" : "has no musllinux wheel for Alpine";
        string alternative = known.BinaryAlternative is null ? "" : $", or use {known.BinaryAlternative}";
        return $"{name} {why}, so pip compiles it, but stage {stage.DisplayName} has no compiler: build wheels in a builder stage with {compilers}{extra}{alternative}";
    }
}
