using Drydock.Findings;

namespace Drydock.CrossFile.Rules.Python;

/// <summary>DF055: CMD/ENTRYPOINT names a module, file, script or attribute the image does not contain.</summary>
public sealed class CmdTargetMissingRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF055",
        "cmd-target-missing",
        Severity.Error,
        "CMD or ENTRYPOINT names a Python module, script, console script or application attribute that the image does not contain.",
        "The image builds, then the container exits at once: 'No module named ...', \"can't open file\", or 'Attribute \"app\" not found in module'. Every service that depends on it never starts.",
        "Name a module that exists, or copy the missing files into the image (COPY sources, WORKDIR and PYTHONPATH decide what python -m finds).");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        foreach (var document in context.Dockerfiles.Documents)
        {
            if (document.FinalStage is not { } stage || ContainerCommand.Of(context, document, stage) is not { } command)
            {
                continue;
            }

            string? problem = Problem(context, command);
            if (problem is not null)
            {
                context.Sink.Report(Descriptor, document.Source, command.Instruction!.Span.Start, command.Instruction.Span.End, problem);
            }
        }
    }

    private static string? Problem(CrossFileContext context, ContainerCommand command)
    {
        var python = context.Python;
        switch (command.Kind)
        {
            case CommandTargetKind.File:
                if (command.Files.IsComplete && !command.Files.FileExists(command.Target))
                {
                    return $"'{command.Text}' runs {command.Target}, which the image does not contain (no COPY puts it there): python exits with \"can't open file '{command.Target}'\"";
                }

                return null;

            case CommandTargetKind.Script when !command.ProjectInstalled:
                return $"'{command.Target}' is a console script of {command.Script!.Table} ({command.Script.Target}), but the image never installs the project (pip install . or poetry install): the command is not found";

            default:
                string module = command.Target;
                string top = module.Split('.')[0];
                bool local = python.ResolveModule(top) is not null;
                var resolved = command.Resolve(python, module);
                if (resolved is null)
                {
                    if (!local || (!command.Files.IsComplete && !command.ProjectInstalled))
                    {
                        return null;
                    }

                    var inRepository = python.ResolveModule(module);
                    string where = inRepository is null ? "no such module exists in the repository" : $"{inRepository.Path} exists in the repository, but the image does not put it on sys.path ({string.Join(", ", command.Roots)})";
                    return $"'{command.Text}' needs module {module}: {where}; the container exits with 'No module named {module}'";
                }

                if (command.Attribute is { } attribute && resolved.EndsWith(".py", StringComparison.Ordinal) && python.Module(resolved) is { HasErrors: false, HasStarImport: false } runModule && !runModule.Defines(attribute))
                {
                    return $"'{command.Text}' loads {module}:{attribute}, but {resolved} defines no '{attribute}' (it has {string.Join(", ", runModule.DefinedNames.Select(name => name.Name).Distinct(StringComparer.Ordinal).Take(6))}): the container exits with 'Attribute \"{attribute}\" not found'";
                }

                return null;
        }
    }
}
