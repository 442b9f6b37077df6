using Drydock.Docker.Knowledge;
using Drydock.Docker.Model;
using Drydock.Docker.Rules;
using Drydock.Findings;

namespace Drydock.CrossFile.Rules.Python;

/// <summary>DF059: pip install -r FILE on a base with no compiler, where FILE lists a package that builds from source.</summary>
public sealed class RequirementsBuildWithoutCompilerRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF059",
        "requirements-build-without-compiler",
        Severity.Error,
        "pip install -r requirements.txt on a -slim or -alpine base with no compiler, where the requirements file lists a package that builds from source.",
        "pip compiles the package's sdist, and the slim and alpine Python images have no gcc and no Python headers: the build fails with \"command 'gcc' failed\" after downloading everything else.",
        "Build wheels in a builder stage with build-essential and python3-dev (Alpine: build-base, musl-dev, python3-dev), or replace the package with its binary alternative.");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        var python = context.Python;
        foreach (var document in context.Dockerfiles.Documents)
        {
            var buildContext = DockerContexts.For(context, document);
            foreach (var stage in document.Stages)
            {
                foreach (var install in stage.Installs.Where(install => install.Manager is PackageManager.Pip or PackageManager.Uv && install.RequirementFiles.Count > 0))
                {
                    if (install.Line.HasOption(null, "--only-binary", "--prefer-binary") || PipSourceBuildWithoutCompilerRule.Toolchain(stage, install.Instruction) is not { } libc)
                    {
                        continue;
                    }

                    foreach (var file in install.RequirementFiles)
                    {
                        if (HeavyDependencyUnusedRule.RequirementsPath(context.Project, buildContext, stage, install, file) is not { } path || python.RequirementsFile(path) is not { } requirements)
                        {
                            continue;
                        }

                        foreach (var requirement in python.AllRequirements(requirements))
                        {
                            if (FieldKnowledge.Default.SourceBuild(requirement.Name) is { } known && known.BuildsFromSourceOn(libc))
                            {
                                context.Sink.Report(Descriptor, document.Source, file.Span.Start, file.Span.End,
                                    $"{requirement.File}:{requirement.Line}: {PipSourceBuildWithoutCompilerRule.Message(known, requirement.Name, libc, stage)}",
                                    related: [new RelatedLocation(new SourceLocation(requirement.File, requirement.Line), requirement.Name)]);
                            }
                        }
                    }
                }
            }
        }
    }
}
