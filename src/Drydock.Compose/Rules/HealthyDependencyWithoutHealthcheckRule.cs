using Drydock.Compose.Model;
using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>
/// DC004: <c>condition: service_healthy</c> on a service that has no healthcheck in compose and pulls its
/// image (or whose healthcheck is disabled). Services built from a Dockerfile are left to the cross-file
/// rule, which reads the Dockerfile's HEALTHCHECK.
/// </summary>
public sealed class HealthyDependencyWithoutHealthcheckRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC004",
        "healthy-dependency-without-healthcheck",
        Severity.Error,
        "depends_on waits for service_healthy on a service that has no healthcheck.",
        "Compose waits for the dependency to report healthy; a container without a healthcheck never does, so `docker compose up` fails with \"dependency failed to start: container ... has no healthcheck configured\" and the dependent service never starts.",
        "Add a healthcheck to the dependency (one that uses a tool its image has, e.g. `redis-cli ping`), or wait for `service_started` instead.");

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var stack in context.Compose.Stacks)
        {
            foreach (var service in stack.Services)
            {
                foreach (var dependency in service.DependsOn.Where(dependency => dependency.Condition == ComposeDependency.ServiceHealthy))
                {
                    if (stack.Service(dependency.Service) is not { } target)
                    {
                        continue;
                    }

                    var at = dependency.ConditionNode ?? dependency.Node;
                    if (target.Healthcheck is { IsDisabled: true } disabled)
                    {
                        context.Report(Descriptor, at, $"'{service.Name}' waits for '{target.Name}' to be healthy, but the healthcheck of '{target.Name}' is disabled", related: [ComposeContext.Related(disabled.DisableNode ?? disabled.Test ?? disabled.Node, "healthcheck disabled here")]);
                    }
                    else if (target.Healthcheck?.Test is null && target.Build is null)
                    {
                        string image = target.ImageReference ?? "its image";
                        context.Report(Descriptor, at, $"'{service.Name}' waits for '{target.Name}' to be healthy, but '{target.Name}' defines no healthcheck and runs {image}, which Drydock did not inspect (most images, e.g. redis and postgres, declare no HEALTHCHECK)", related: [ComposeContext.Related(target.NameNode, $"service '{target.Name}'")]);
                    }
                }
            }
        }
    }
}
