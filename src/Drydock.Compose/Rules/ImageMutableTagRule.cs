using Drydock.Compose.Model;
using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>DC013: a pulled image with no tag (so :latest) or a mutable tag such as latest, and no digest.</summary>
public sealed class ImageMutableTagRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC013",
        "image-mutable-tag",
        Severity.Warning,
        "A service pulls an image by `latest` or with no tag at all.",
        "`latest` moves: the next pull can bring a new major version (Redis 7 to 8, Postgres 16 to 17 with an incompatible data directory), so the same compose file starts a different stack on another machine or next month.",
        "Pin a version tag (`redis:7.2-alpine`), or a digest (`redis@sha256:...`).")
    {
        Equivalents = ["dclint service-image-require-explicit-tag"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var service in context.Compose.Stacks.SelectMany(stack => stack.Services))
        {
            if (service.Build is not null || service.Image is not { IsInterpolated: false } node || service.ImageReference is not { } reference)
            {
                continue;
            }

            var image = ImageName.Parse(reference);
            if (image.Digest is not null)
            {
                continue;
            }

            if (image.Tag is null)
            {
                context.Report(Descriptor, node, $"image '{reference}' of '{service.Name}' has no tag, so it means '{reference}:latest', which changes with every release");
            }
            else if (context.Knowledge.MutableTags.Contains(image.Tag))
            {
                context.Report(Descriptor, node, $"image '{reference}' of '{service.Name}' uses the mutable tag '{image.Tag}'");
            }
        }
    }
}
