using Drydock.Compose.Parsing;
using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>DC006: a healthcheck timeout that is not shorter than its interval.</summary>
public sealed class HealthcheckTimeoutNotBelowIntervalRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC006",
        "healthcheck-timeout-not-below-interval",
        Severity.Warning,
        "A healthcheck's timeout is as long as (or longer than) its interval.",
        "A probe that may run as long as the interval leaves no gap between probes: a slow probe delays the next one, health changes are noticed late, and a hung probe keeps the container 'starting' for a full timeout each round.",
        "Make the timeout clearly shorter than the interval (e.g. interval 30s, timeout 5s).");

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var service in context.Compose.Stacks.SelectMany(stack => stack.Services))
        {
            if (service.Healthcheck is not { IsDisabled: false } health || (health.Timeout is null && health.Interval is null))
            {
                continue;
            }

            var timeout = health.Timeout is null ? context.Knowledge.DefaultTimeout : health.Timeout.Value;
            var interval = health.Interval is null ? context.Knowledge.DefaultInterval : health.Interval.Value;
            if (timeout is null || interval is null || timeout < interval)
            {
                continue;
            }

            var at = health.Timeout?.Node ?? health.Interval!.Node;
            context.Report(Descriptor, at, $"healthcheck of '{service.Name}' has timeout {ComposeDuration.Format(timeout.Value)} and interval {ComposeDuration.Format(interval.Value)}: the timeout should be shorter than the interval");
        }
    }
}
