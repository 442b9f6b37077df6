using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;

namespace Drydock.Image.Rules;

/// <summary>IM004: none of the image's platforms runs natively on the host architecture.</summary>
public sealed class NoPlatformForHostRule : IImageRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM004",
        "no-platform-for-host",
        Severity.Warning,
        "No platform of the image runs on the host's architecture without emulation.",
        "Without a matching platform the engine either refuses the image or runs it under QEMU emulation when binfmt is set up: slow at best, 'exec format error' at worst.",
        "Build and push the host's platform too (`docker buildx build --platform linux/amd64,linux/arm64`), or run on a host of the image's architecture.");

    RuleDescriptor IImageRule.Descriptor => Descriptor;

    public void Check(ImageContext context, FindingSink sink)
    {
        string host = context.Options.HostArchitecture;
        var architectures = context.Image.Platforms
            .Select(platform => platform.Platform)
            .Where(platform => platform is { Architecture.Length: > 0 } && platform.Os is "linux" or "")
            .Select(platform => platform!.Architecture)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (architectures.Count == 0 || architectures.Contains(host) || context.Options.Platform is not null)
        {
            return;
        }

        sink.Report(
            Descriptor,
            context.Location(),
            $"the image has {string.Join(", ", architectures.Select(arch => "linux/" + arch))} but this host is {host}: it needs emulation to run here",
            $"host architecture: {host}\nimage platforms: {string.Join(", ", context.Image.Platforms.Select(platform => platform.Label))}");
    }
}
