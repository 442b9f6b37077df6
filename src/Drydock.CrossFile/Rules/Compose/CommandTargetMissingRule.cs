using Drydock.CrossFile.Rules.Python;
using Drydock.Findings;

namespace Drydock.CrossFile.Rules.Compose;

/// <summary>DC047: a compose command/entrypoint override names a Python module, file, script or attribute the image does not contain.</summary>
public sealed class CommandTargetMissingRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC047",
        "command-target-missing",
        Severity.Error,
        "A compose command: or entrypoint: override runs a Python module, file, console script or application attribute that the service's image does not contain.",
        "The image is fine, but this service starts something that is not in it: the container exits at once with 'No module named ...', \"can't open file\" or 'Attribute \"app\" not found', compose restarts it in a loop, and every service that depends on it never starts.",
        "Name a module that exists in the image (the Dockerfile's COPY, WORKDIR and PYTHONPATH decide what python -m finds), or remove the override to run the image's own CMD.");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        foreach (var (start, target) in ComposeCommands.Targets(context))
        {
            if (Problem(context, start, target) is { } problem)
            {
                ComposeFindings.Report(context, Descriptor, start.NodeFor(target.TargetWord), problem);
            }
        }
    }

    private static string? Problem(CrossFileContext context, ServiceStart start, ContainerCommand target)
    {
        var python = context.Python;
        string service = start.Image.Service.Name;
        string text = start.Text;
        switch (target.Kind)
        {
            case CommandTargetKind.File:
                return target.Files.IsComplete && !target.Files.FileExists(target.Target)
                    ? $"service '{service}' runs '{text}', but {target.Target} is not in the image (no COPY of {start.Image.Document!.Path} puts it there): python exits with \"can't open file '{target.Target}'\""
                    : null;

            case CommandTargetKind.Script when !target.ProjectInstalled:
                return $"service '{service}' runs '{target.Script!.Name}', a console script of {target.Script.Table} ({target.Script.Target}), but the image never installs the project (pip install . or poetry install): the command is not found";

            case CommandTargetKind.Script:
                return null;

            default:
                string module = target.Target;
                var resolved = target.Resolve(python, module);
                if (resolved is null)
                {
                    if (python.ResolveModule(module.Split('.')[0]) is null || (!target.Files.IsComplete && !target.ProjectInstalled))
                    {
                        return null;
                    }

                    var inRepository = python.ResolveModule(module);
                    string where = inRepository is null
                        ? "no such module exists in the repository"
                        : $"{inRepository.Path} exists in the repository, but the image does not put it on sys.path ({string.Join(", ", target.Roots)})";
                    return $"service '{service}' runs '{text}', which needs module {module}: {where}; the container exits with 'No module named {module}'";
                }

                if (target.Attribute is { } attribute && resolved.EndsWith(".py", StringComparison.Ordinal) && python.Module(resolved) is { HasErrors: false, HasStarImport: false } runModule && !runModule.Defines(attribute))
                {
                    return $"service '{service}' runs '{text}', which loads {module}:{attribute}, but {resolved} defines no '{attribute}': the container exits with 'Attribute \"{attribute}\" not found in module \"{module}\"'";
                }

                return null;
        }
    }
}
