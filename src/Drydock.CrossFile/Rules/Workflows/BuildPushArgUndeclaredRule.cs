using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.CrossFile.Rules.Workflows;

/// <summary>GA042: a docker/build-push-action build-arg that no ARG of the Dockerfile declares.</summary>
public sealed class BuildPushArgUndeclaredRule : IWorkflowCrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA042",
        "build-push-arg-undeclared",
        Severity.Warning,
        "docker/build-push-action passes a build-arg that the Dockerfile it builds never declares with ARG.",
        "A build arg reaches RUN, ENV and FROM only through an ARG instruction. Without one BuildKit drops the value silently (the legacy builder warns \"One or more build-args [...] were not consumed\"), so the image is built with defaults the workflow meant to override: often a version pin or a feature flag.",
        "Declare it with 'ARG <name>' in the stages that use it (before FROM for a FROM line), or remove the build-arg; check the spelling against the Dockerfile's ARGs.");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        foreach (var build in context.Workflows.ImageBuilds())
        {
            if (build.BuildArgs.Count == 0 || BuildPushInputs.Document(context, build) is not { } document)
            {
                continue;
            }

            var declared = document.Instructions.OfType<Drydock.Docker.Model.ArgInstruction>().SelectMany(arg => arg.Declarations).Select(declaration => declaration.Name).Distinct().ToList();
            int searchFrom = 0;
            foreach (var (name, source) in build.BuildArgs)
            {
                int at = source.Value.IndexOf(name + "=", searchFrom, StringComparison.Ordinal);
                searchFrom = at < 0 ? searchFrom : at + name.Length;
                if (name.Contains("${{", StringComparison.Ordinal) || BuildPushInputs.Consumes(document, name))
                {
                    continue;
                }

                var span = at < 0 ? source.Span : build.File.Locate(source, at, name.Length);
                string known = declared.Count == 0 ? "it declares no ARG" : $"its ARGs are {string.Join(", ", declared)}";
                context.Sink.Report(Descriptor, build.File, span,
                    $"build-arg '{name}' of {WorkflowJobs.Label(build.Step)} is not declared by any ARG of {document.Path} ({known}){WorkflowReporting.Suggest(name, declared)}: BuildKit ignores its value");
            }
        }
    }
}
