using Drydock.Compose.Model;
using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>
/// DC025: a service that builds, but names its image after a registry tag CI publishes (field case A:
/// `compose up` ran a stale arm64 pull of that tag and died with `exec format error`).
/// </summary>
public sealed class BuildImageRegistryTagRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC025",
        "build-image-registry-tag",
        Severity.Warning,
        "build: and image: together name the local build after a published registry tag.",
        "`docker compose up` runs whatever local image has that name: one pulled earlier (`compose pull`, another project, another platform) wins over your build, so a stale or wrong-architecture image starts ('exec format error'); and `docker compose push` overwrites the tag CI publishes.",
        "Give the local build a local name (`image: myapp:dev-local`), or set `pull_policy: build` so compose always builds.")
    {
        Fixable = true,
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var service in context.Compose.Stacks.SelectMany(stack => stack.Services))
        {
            if (service.Build is null || service.PullPolicy is not null
                || service.Image is not { IsInterpolated: false } node || service.ImageReference is not { } reference)
            {
                continue;
            }

            var image = ImageName.Parse(reference);
            bool mutable = image.Digest is null && (image.Tag is null or "latest" or "main" or "master" or "edge");
            if (image.Registry is null || !mutable)
            {
                continue;
            }

            context.Report(Descriptor, node,
                $"'{service.Name}' builds locally but tags the result '{reference}', a tag the registry also serves: `compose up` may run a stale or other-platform pull of it instead of this build, and `compose push` overwrites the published tag",
                fix: PullPolicyBuild(node));
        }
    }

    /// <summary>Inserts `pull_policy: build` after the image line, at its indentation. Unsafe: compose then never pulls.</summary>
    private static Fix PullPolicyBuild(ComposeValue image)
    {
        var text = image.File.Text!;
        var (line, _) = text.Position(image.Span.Start);
        string imageLine = text.Line(line);
        string indent = imageLine[..(imageLine.Length - imageLine.TrimStart().Length)];
        int insertAt = text.LineStart(line) + imageLine.Length;
        return new Fix("add pull_policy: build", false, [new TextEdit(image.File.Path, insertAt, 0, text.NewLine + indent + "pull_policy: build")]);
    }
}
