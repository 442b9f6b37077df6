using Drydock.Docker.Knowledge;
using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF046: a long-running service ships with no HEALTHCHECK.</summary>
public sealed class HealthcheckMissingRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF046",
        "healthcheck-missing",
        Severity.Info,
        "The final stage runs a long-running service (it EXPOSEs a port or starts a server) but declares no HEALTHCHECK.",
        "Without a health check a container is 'healthy' as soon as its process exists: a hung server keeps receiving traffic, and depends_on: condition: service_healthy cannot wait for it.",
        "Add a HEALTHCHECK that calls an endpoint proving the service works, with a command the image has (python -c with urllib on slim images), or HEALTHCHECK NONE to say there is none on purpose.");

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitStage(DockerfileContext context, Stage stage)
    {
        if (!context.IsShipped(stage) || stage.Healthcheck is not null || FieldCaseFacts.BaseOf(stage).Family is null)
        {
            return;
        }

        var words = FieldCaseFacts.StartWords(stage);
        bool server = words is not null && FieldKnowledge.Default.IsServer(words, out _);
        if (!server && stage.ExposedPorts.Count == 0)
        {
            return;
        }

        string what = server ? $"runs the server '{string.Join(' ', words!.Take(3))}'" : $"exposes {string.Join(", ", stage.ExposedPorts.Select(port => port.Word.Value))}";
        context.Report(Descriptor, stage.From.Span,
            $"the final stage {what} but has no HEALTHCHECK: orchestrators cannot tell a hung service from a healthy one; add a HEALTHCHECK that calls a health endpoint");
    }
}
