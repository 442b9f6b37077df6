using Drydock.Compose.Model;
using Drydock.Docker.Model;
using Drydock.Docker.Rules;
using Drydock.Findings;

namespace Drydock.CrossFile.Rules.Compose;

/// <summary>DC046: the service's platform (or build.platforms) differs from the platform the Dockerfile pins with FROM --platform.</summary>
public sealed class PlatformConflictsWithDockerfileRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC046",
        "platform-conflicts-with-dockerfile",
        Severity.Error,
        "The service's platform (or one of build.platforms) differs from the platform the shipped stage pins with FROM --platform.",
        "FROM --platform=X fixes the architecture of the stage's files whatever platform the build asks for: the image claims one platform and holds binaries of another, so the container dies with 'exec format error', runs under slow emulation, or compose rebuilds and pulls on every up because the local image never matches.",
        "Make them agree: drop the hard-coded --platform from the FROM of the shipped stage (use --platform=$BUILDPLATFORM only for builder stages), or set the service's platform to the one the Dockerfile pins.");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        foreach (var image in ServiceImage.All(context))
        {
            if (image.Stage is not { } stage || FieldCaseFacts.PinnedPlatform(stage) is not { } pinned)
            {
                continue;
            }

            var asked = new List<ComposeValue>();
            if (image.Service.Platform is { } platform)
            {
                asked.Add(platform);
            }

            asked.AddRange(image.Service.Build!.Platforms);
            foreach (var value in asked.Where(value => !value.IsInterpolated && value.Value is { Length: > 0 } text && Conflicts(Parse(text), Parse(pinned.Platform))))
            {
                string key = ReferenceEquals(value, image.Service.Platform) ? "platform" : "build.platforms entry";
                ComposeFindings.Report(context, Descriptor, value,
                    $"service '{image.Service.Name}' asks for {value.Value} ({key}), but stage {pinned.Stage.DisplayName} of {image.Document!.Path} is pinned to FROM --platform={pinned.Platform}: the image holds {pinned.Platform} binaries whatever compose asks",
                    related: [ComposeFindings.At(pinned.Stage.From, $"FROM --platform={pinned.Platform}")]);
            }
        }
    }

    private static (string Os, string Arch, string? Variant) Parse(string platform)
    {
        string[] parts = platform.Trim().ToLowerInvariant().Split('/');
        string arch = parts.Length > 1 ? parts[1] switch { "x86_64" or "x86-64" => "amd64", "aarch64" => "arm64", var other => other } : "";
        string? variant = parts.Length > 2 ? parts[2] : null;
        return (parts[0], arch, arch == "arm64" && variant == "v8" ? null : variant);
    }

    private static bool Conflicts((string Os, string Arch, string? Variant) asked, (string Os, string Arch, string? Variant) pinned) =>
        asked.Os != pinned.Os || asked.Arch != pinned.Arch || (asked.Variant is not null && pinned.Variant is not null && asked.Variant != pinned.Variant);
}
