using System.Runtime.InteropServices;
using Drydock.Image.Model;
using Drydock.Image.Sources;

namespace Drydock.Image.Analysis;

/// <summary>What the user asked of <c>drydock image</c>: which platform, the host to run on, budgets.</summary>
public sealed record ImageOptions
{
    /// <summary>Inspect this platform only; null for every platform of the index.</summary>
    public ImagePlatform? Platform { get; init; }

    /// <summary>The architecture the image should run on without emulation (default: this machine's).</summary>
    public string HostArchitecture { get; init; } = CurrentArchitecture();

    /// <summary>Uncompressed size budget in bytes (what `docker images` shows); null for none.</summary>
    public long? MaxSizeBytes { get; init; }

    /// <summary>Minimum efficiency score between 0 and 1; null for none.</summary>
    public double? MinEfficiency { get; init; }

    public DecompressionLimits Limits { get; init; } = DecompressionLimits.Default;

    /// <summary>Compare the image with the repository that claims to build it (<c>--repo DIR</c>); null for none.</summary>
    public Matching.RepositoryOptions? Repository { get; init; }

    /// <summary>Told before each layer is read (a layer of a large image can take seconds); null for none.</summary>
    public IProgress<ImageProgress>? Progress { get; init; }

    public static string CurrentArchitecture() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        Architecture.Arm => "arm",
        Architecture.X86 => "386",
        Architecture.S390x => "s390x",
        Architecture.Ppc64le => "ppc64le",
        Architecture.RiscV64 => "riscv64",
        Architecture.LoongArch64 => "loong64",
        _ => RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
    };

    /// <summary>Parses "100MB", "1.5GiB", "2048" (bytes). Decimal units are powers of 1000, binary ones of 1024.</summary>
    public static long? ParseSize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        int split = text.Length;
        while (split > 0 && char.IsLetter(text[split - 1]))
        {
            split--;
        }

        if (!double.TryParse(text[..split], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double number) || number < 0)
        {
            return null;
        }

        double unit = text[split..].ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "K" or "KB" => 1e3,
            "M" or "MB" => 1e6,
            "G" or "GB" => 1e9,
            "KIB" => 1024,
            "MIB" => 1024 * 1024,
            "GIB" => 1024.0 * 1024 * 1024,
            _ => -1,
        };
        return unit < 0 ? null : (long)(number * unit);
    }
}

/// <summary>The layer about to be read: its platform (null for a single-manifest image), 1-based number, count, compressed size.</summary>
public readonly record struct ImageProgress(ImagePlatform? Platform, int Layer, int Layers, long CompressedBytes);
