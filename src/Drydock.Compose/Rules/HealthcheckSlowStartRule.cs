using Drydock.Compose.Model;
using Drydock.Compose.Parsing;
using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>DC005: a healthcheck with no start_period whose retries × interval window is shorter than a slow start.</summary>
public sealed class HealthcheckSlowStartRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC005",
        "healthcheck-fails-slow-start",
        Severity.Warning,
        "A healthcheck with no start_period gives up before a slow service has started.",
        "Without start_period, every failed probe counts from the first second; after `retries` failures (`retries` × `interval` in all) the container is marked unhealthy, and services that wait for service_healthy fail with \"dependency failed to start: container ... is unhealthy\".",
        "Add `start_period:` (the time the service needs to start, e.g. 30s) and, if you want fast detection during start-up, `start_interval:`.");

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        var knowledge = context.Knowledge;
        foreach (var service in context.Compose.Stacks.SelectMany(stack => stack.Services))
        {
            if (service.Healthcheck is not { Test: not null, IsDisabled: false } health || health.StartPeriod is not null)
            {
                continue;
            }

            var interval = health.Interval?.Value ?? knowledge.DefaultInterval;
            int retries = health.Retries ?? knowledge.DefaultRetries;
            var window = interval * Math.Max(retries, 0);
            if (window > knowledge.MinimumStartWindow || (health.Interval is not null && health.Interval.Value is null))
            {
                continue;
            }

            var at = health.RetriesNode ?? health.Interval?.Node ?? health.Node;
            context.Report(
                Descriptor,
                at,
                $"healthcheck of '{service.Name}' has no start_period and marks it unhealthy after {retries} failed probes {ComposeDuration.Format(interval)} apart ({ComposeDuration.Format(window)}), no longer than a {ComposeDuration.Format(knowledge.MinimumStartWindow)} start",
                $"Add `start_period: {ComposeDuration.Format(knowledge.MinimumStartWindow)}` under the healthcheck of '{service.Name}', or raise retries.");
        }
    }
}
