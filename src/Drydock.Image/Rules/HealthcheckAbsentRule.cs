using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;
using Drydock.Image.Model;

namespace Drydock.Image.Rules;

/// <summary>IM030: the image has no HEALTHCHECK (or had one that a conversion to OCI dropped).</summary>
public sealed class HealthcheckAbsentRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM030",
        "healthcheck-absent",
        Severity.Info,
        "The image has no HEALTHCHECK, or lost it in a conversion to the OCI format.",
        "Without a healthcheck, `depends_on: condition: service_healthy` never becomes true and orchestrators route traffic to a container that has not started serving. OCI image configs have no Healthcheck field, so a Docker HEALTHCHECK silently disappears when an image is converted or built with OCI media types.",
        "Add a HEALTHCHECK that proves the service works (`HEALTHCHECK --interval=30s --timeout=10s --retries=3 CMD [\"/app/healthcheck\"]`), or declare it in compose/Kubernetes when the image is OCI.");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        if (context.Config.Healthcheck is not null)
        {
            return;
        }

        bool oci = MediaTypes.IsOci(context.Platform.Manifest?.MediaType) || MediaTypes.IsOci(context.Platform.Manifest?.Config.MediaType);
        string message = oci
            ? "no HEALTHCHECK: absent, or lost in conversion (this is an OCI image, whose config format has no Healthcheck field)"
            : "no HEALTHCHECK in the image config";
        sink.Report(Descriptor, context.Location(), message, $"manifest media type: {context.Platform.Manifest?.MediaType}\nconfig media type: {context.Platform.Manifest?.Config.MediaType}");
    }
}
