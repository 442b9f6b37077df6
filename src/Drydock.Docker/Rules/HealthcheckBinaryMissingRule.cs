using Drydock.Docker.Knowledge;
using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF047: the HEALTHCHECK runs curl/wget/nc, which the image does not have.</summary>
public sealed class HealthcheckBinaryMissingRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF047",
        "healthcheck-binary-missing",
        Severity.Error,
        "The HEALTHCHECK command runs curl, wget or nc, which the stage neither installs nor inherits from its base image.",
        "The check fails every time with 'not found' (exit 127): the container is marked unhealthy, and everything waiting for it (depends_on: service_healthy, rolling deploys) waits forever while the service may be fine. python:*-slim, debian and node:*-slim ship no curl or wget; Alpine's busybox has wget and nc but not curl.",
        "Install the tool in the final stage (apt-get install -y --no-install-recommends curl; apk add curl), or probe with what the image has: python -c \"import urllib.request; urllib.request.urlopen('http://localhost:PORT/health')\".");

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitHealthcheck(DockerfileContext context, HealthcheckInstruction healthcheck)
    {
        if (healthcheck.Stage is not { } stage || healthcheck.IsNone || healthcheck.Command is not { } command)
        {
            return;
        }

        var (image, family) = FieldCaseFacts.BaseOf(stage);
        if (family?.Commands is not { } shipped || !family.HasShell && !command.IsExecForm)
        {
            return;
        }

        var knowledge = FieldKnowledge.Default;
        var installed = FieldCaseFacts.ChainInstalls(stage)
            .Where(install => install.Manager is PackageManager.Apt or PackageManager.Apk)
            .SelectMany(install => install.Packages)
            .SelectMany(package => knowledge.CommandsOf(package.Name))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (program, span) in Programs(command))
        {
            if (!knowledge.ProbeCommands.Contains(program) || shipped.Contains(program) || installed.Contains(program) || CopiedIn(stage, program))
            {
                continue;
            }

            context.Report(Descriptor, span,
                $"the health check runs '{program}', but {image!.Original} does not ship it and no apt-get/apk install of stage {stage.DisplayName} adds it: the check fails with '{program}: not found' and the container never becomes healthy");
        }
    }

    private static IEnumerable<(string Program, TextSpan Span)> Programs(CommandForm command)
    {
        if (command.Exec is { Count: > 0 } exec && !ScriptSources.IsShell(exec[0].Value))
        {
            yield return (Path.GetFileName(exec[0].Value), exec[0].Span);
            yield break;
        }

        foreach (var line in command.Script?.AllCommands().Select(simple => simple.Effective) ?? [])
        {
            if (line.Program is { } program && line.ProgramWord is { } word)
            {
                yield return (program, word.Span);
            }
        }
    }

    /// <summary>A COPY that brings the binary in from another image or stage.</summary>
    private static bool CopiedIn(Stage stage, string program) =>
        FieldCaseFacts.Chain(stage).SelectMany(link => link.InstructionsOf<FileTransferInstruction>())
            .Any(copy => copy.Sources.Any(source => Path.GetFileName(source.Value.TrimEnd('/')) == program)
                || Path.GetFileName(copy.Destination?.Value.TrimEnd('/') ?? "") == program);
}
