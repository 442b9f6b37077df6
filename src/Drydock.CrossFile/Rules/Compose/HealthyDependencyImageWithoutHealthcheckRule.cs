using Drydock.Compose.Model;
using Drydock.Docker.Rules;
using Drydock.Findings;

namespace Drydock.CrossFile.Rules.Compose;

/// <summary>
/// DC042: depends_on waits for service_healthy on a built service that has no healthcheck in compose and none in the
/// Dockerfile stage it ships. DC004 covers services that pull their image; this rule covers those that build it.
/// </summary>
public sealed class HealthyDependencyImageWithoutHealthcheckRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC042",
        "healthy-dependency-image-without-healthcheck",
        Severity.Error,
        "depends_on waits for service_healthy on a service whose compose entry has no healthcheck and whose Dockerfile's shipped stage declares no HEALTHCHECK.",
        "A container without a healthcheck never reports healthy: `docker compose up` stops with \"dependency failed to start: container ... has no healthcheck configured\" and the dependent service never starts.",
        "Add a healthcheck to the dependency in compose, or a HEALTHCHECK to the stage its build ships; or wait for service_started instead.");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        foreach (var stack in context.Compose.Stacks)
        {
            foreach (var service in stack.Services)
            {
                foreach (var dependency in service.DependsOn.Where(dependency => dependency.Condition == ComposeDependency.ServiceHealthy))
                {
                    if (stack.Service(dependency.Service) is not { Build: not null } target || target.Healthcheck is { Test: not null } or { IsDisabled: true })
                    {
                        continue;
                    }

                    var image = ServiceImage.Of(context, stack, target);
                    if (image.Stage is not { } stage || !RootDeclaresNoHealthcheck(image))
                    {
                        continue;
                    }

                    string why = stage.Healthcheck is { IsNone: true } none
                        ? $"its Dockerfile disables the check (HEALTHCHECK NONE, {image.Document!.Path}:{none.Line})"
                        : $"{image.Description} declares no HEALTHCHECK";
                    ComposeFindings.Report(context, Descriptor, dependency.ConditionNode ?? dependency.Node,
                        $"'{service.Name}' waits for '{target.Name}' to be healthy, but '{target.Name}' has no healthcheck in compose and {why}: compose fails with \"container {target.Name} has no healthcheck configured\"",
                        related: [ComposeFindings.At(stage.From, $"stage {stage.DisplayName} that '{target.Name}' ships"), new RelatedLocation(target.NameNode.Location, $"service '{target.Name}'")]);
                }
            }
        }
    }

    /// <summary>True when neither the shipped stage chain nor its known root image gives a health check.</summary>
    private static bool RootDeclaresNoHealthcheck(ServiceImage image)
    {
        var stage = image.Stage!;
        if (stage.Healthcheck is { IsNone: false })
        {
            return false;
        }

        if (stage.Healthcheck is { IsNone: true })
        {
            return true;
        }

        // Official base images (python, debian, node, redis...) declare no HEALTHCHECK; an unknown base image might.
        var (root, family) = FieldCaseFacts.BaseOf(stage);
        return root is { IsScratch: true } || family is not null || image.RootImageNote() is not null;
    }
}
