using Drydock.Compose.Model;
using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>DC014: a service that builds and names its result after an official Docker Hub image.</summary>
public sealed class BuildImageShadowsRemoteRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC014",
        "build-image-shadows-remote",
        Severity.Warning,
        "build: and image: together name the built image after an official image.",
        "With both set, `image:` is the tag the build gets. Naming it `python:3.11-slim` (say) overwrites that tag locally, so other builds FROM it get your image; `docker compose up` may pull the real image instead of building; and `docker compose push` tries to push over docker.io/library/....",
        "Name the built image after your project (`image: ghcr.io/acme/api:dev`, or drop `image:` and let compose name it).")
    {
        Equivalents = ["dclint no-build-and-image"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var service in context.Compose.Stacks.SelectMany(stack => stack.Services))
        {
            if (service.Build is null || service.Image is not { IsInterpolated: false } node || service.ImageReference is not { } reference)
            {
                continue;
            }

            var image = ImageName.Parse(reference);
            if (image.IsDockerHubLibrary && context.Knowledge.OfficialImages.Contains(image.Repository))
            {
                context.Report(Descriptor, node, $"'{service.Name}' builds an image and tags it '{reference}', the name of the official {image.Repository} image: the build overwrites it locally and a push would target docker.io/library/{image.Repository}");
            }
        }
    }
}
