using Drydock.Docker.Rules;
using Drydock.Findings;

namespace Drydock.CrossFile.Rules.Compose;

/// <summary>DC040: a compose healthcheck runs curl, wget, nc (or a service probe) that the service's image does not have.</summary>
public sealed class HealthcheckBinaryNotInImageRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC040",
        "healthcheck-binary-not-in-image",
        Severity.Error,
        "A compose healthcheck runs a program (curl, wget, nc, redis-cli, pg_isready...) that the service's image neither ships nor installs.",
        "The probe fails with 'executable file not found' or 'curl: not found' (exit 127) on every run, so the container is marked unhealthy even when the service works, and every service that waits for it with condition: service_healthy never starts. python:*-slim and debian images ship no curl or wget; Alpine's busybox has wget and nc but not curl.",
        "Probe with what the image has, e.g. for a Python image: test: [\"CMD\", \"python\", \"-c\", \"import urllib.request; urllib.request.urlopen('http://localhost:PORT/health', timeout=5)\"]; or install the tool in the stage that ships (apt-get install -y --no-install-recommends curl).")
    {
        Fixable = true,
    };

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        foreach (var image in ServiceImage.All(context))
        {
            if (image.Service.Healthcheck is not { Test: { } test } healthcheck)
            {
                continue;
            }

            foreach (var probe in HealthcheckPrograms.Of(healthcheck).Where(probe => image.Has(probe.Program) == CommandPresence.Missing))
            {
                string where = image.IsBuilt
                    ? $"the image built from {image.Description} neither ships it nor installs it (no apt-get/apk install, COPY or RUN of the stage chain provides it)"
                    : $"{image.Description} does not ship it ({image.RootImageNote()})";
                var fix = PythonProbeFix(image, probe, test);
                ComposeFindings.Report(context, Descriptor, test.File, probe.Node,
                    $"the healthcheck of service '{image.Service.Name}' runs '{probe.Program}', but {where}: the check fails with '{probe.Program}: not found' and the container never becomes healthy",
                    fix: fix,
                    fixAdvice: fix is null ? null : $"Probe with Python, which the image has: {fix.Edits[0].NewText}; or install {probe.Program} in the stage that ships.");
            }
        }
    }

    /// <summary>An unsafe fix for a Python image: the same HTTP probe with urllib instead of curl/wget.</summary>
    private static Fix? PythonProbeFix(ServiceImage image, HealthcheckProgram probe, Drydock.Compose.Model.ComposeValue test)
    {
        if (!probe.IsWholeTest || HealthcheckPrograms.ProbedUrl(probe) is not { } url || url.IndexOfAny(['\'', '"', '\\', '$', ' ']) >= 0)
        {
            return null;
        }

        bool python = image.Stage is { } stage ? FieldCaseFacts.BaseOf(stage).Family?.IsPython == true
            : image.Pulled is { } pulled && Drydock.Docker.Knowledge.FieldKnowledge.Default.FamilyOf(pulled.Registry is null ? pulled.Repository : pulled.Registry + "/" + pulled.Repository, pulled.Tag ?? "latest")?.IsPython == true;
        if (!python)
        {
            return null;
        }

        string replacement = $"[\"CMD\", \"python\", \"-c\", \"import urllib.request; urllib.request.urlopen('{url}', timeout=5)\"]";
        return ComposeFindings.Replace($"probe {url} with Python instead of {probe.Program}", test.File, test.Node, replacement, isSafe: false);
    }
}
