using Drydock.Findings;

namespace Drydock.CrossFile.Rules.Compose;

/// <summary>DC041: a healthcheck's probe program could not be checked, because the service pulls an image Drydock does not know.</summary>
public sealed class HealthcheckImageNotInspectedRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC041",
        "healthcheck-image-not-inspected",
        Severity.Info,
        "A compose healthcheck runs curl, wget, nc or another probe program in an image pulled by tag, which Drydock did not inspect.",
        "Whether the probe exists depends on the image's contents, which no file in the repository shows. Many images (slim, distroless, most database images) lack curl or wget; then the check fails with exit 127 and dependants waiting for service_healthy never start.",
        "Check once: docker run --rm --entrypoint sh IMAGE -c 'command -v PROGRAM'. Prefer a probe the image is known to ship (redis-cli ping, pg_isready), or run drydock image on the pulled image.");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        foreach (var image in ServiceImage.All(context))
        {
            if (image.IsBuilt || image.Pulled is not { IsScratch: false } pulled || image.Service.Healthcheck is not { Test: { } test } healthcheck)
            {
                continue;
            }

            foreach (var probe in HealthcheckPrograms.Of(healthcheck).Where(probe => image.Has(probe.Program) == CommandPresence.Unknown && ComposeImageKnowledge.Default.ProbeCommands.Contains(probe.Program)))
            {
                ComposeFindings.Report(context, Descriptor, test.File, probe.Node,
                    $"the healthcheck of service '{image.Service.Name}' runs '{probe.Program}' in {pulled.Original}, an image pulled by tag that Drydock did not inspect: confirm it ships {probe.Program} (docker run --rm --entrypoint sh {pulled.Original} -c 'command -v {probe.Program}')");
            }
        }
    }
}
