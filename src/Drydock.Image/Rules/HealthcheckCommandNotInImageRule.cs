using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;

namespace Drydock.Image.Rules;

/// <summary>IM031: the healthcheck runs a program that is not in the image (curl in a slim image).</summary>
public sealed class HealthcheckCommandNotInImageRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM031",
        "healthcheck-command-not-in-image",
        Severity.Error,
        "The HEALTHCHECK runs a program the image does not have, or cannot run.",
        "A healthcheck whose program is missing fails every time: the container turns unhealthy, dependent services never start, and orchestrators restart it in a loop. Slim and distroless bases have no curl or wget.",
        "Install the tool in the final stage (`apt-get install -y --no-install-recommends curl`), or check with what the image has (`python -c \"import urllib.request; urllib.request.urlopen('http://localhost:8000/health')\"`).");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        if (context.Platform.Healthcheck is not { Fails: true } resolution)
        {
            return;
        }

        var test = context.Config.Healthcheck!.Test;
        string evidence = string.Join('\n', new[] { $"HEALTHCHECK {CommandFindings.Quote(test)}" }.Concat(resolution.Steps));
        sink.Report(Descriptor, context.Location(resolution.SubjectPath ?? resolution.ResolvedPath), $"the healthcheck cannot run: {resolution.Detail}", evidence);
    }
}
