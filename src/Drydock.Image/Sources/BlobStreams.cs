using System.IO.Compression;
using System.Security.Cryptography;
using Drydock.IO;
using ZstdSharp;

namespace Drydock.Image.Sources;

/// <summary>Thrown when a blob cannot be trusted or read: a digest mismatch, a truncation, a decompression bomb.</summary>
public sealed class ImageReadException(string message, ImageReadFailure failure = ImageReadFailure.Unreadable) : Exception(message)
{
    public ImageReadFailure Failure { get; } = failure;
}

public enum ImageReadFailure
{
    Unreadable,
    DigestMismatch,
    TooLarge,
    NotFound,
    Unauthorized,
}

/// <summary>
/// Hashes a blob while it is read and checks the digest (and the declared size) at its end, so a registry or an
/// archive cannot hand over different bytes than the manifest names. A mismatch throws at end of stream.
/// </summary>
public sealed class DigestVerifyingStream : ForwardReadStream
{
    private readonly Stream inner;
    private readonly string expectedDigest;
    private readonly long expectedSize;
    private readonly IncrementalHash? hash;
    private bool verified;

    public DigestVerifyingStream(Stream inner, string expectedDigest, long expectedSize)
    {
        this.inner = inner;
        this.expectedDigest = expectedDigest;
        this.expectedSize = expectedSize;
        hash = expectedDigest.StartsWith("sha256:", StringComparison.Ordinal) ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256)
            : expectedDigest.StartsWith("sha512:", StringComparison.Ordinal) ? IncrementalHash.CreateHash(HashAlgorithmName.SHA512)
            : null;
    }

    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        int read = inner.Read(buffer);
        if (read > 0)
        {
            hash?.AppendData(buffer[..read]);
            BytesRead += read;
            if (expectedSize >= 0 && BytesRead > expectedSize)
            {
                throw new ImageReadException($"blob {expectedDigest} is longer than the {expectedSize} bytes its descriptor declares", ImageReadFailure.DigestMismatch);
            }
        }
        else
        {
            Verify();
        }

        return read;
    }

    /// <summary>Reads whatever the consumer left unread (tar padding, trailing zeros) and checks the digest.</summary>
    public void DrainAndVerify()
    {
        byte[] buffer = new byte[81920];
        while (Read(buffer) > 0)
        {
        }
    }

    private void Verify()
    {
        if (verified)
        {
            return;
        }

        verified = true;
        if (expectedSize >= 0 && BytesRead != expectedSize)
        {
            throw new ImageReadException($"blob {expectedDigest} is truncated: {BytesRead} of {expectedSize} bytes", ImageReadFailure.Unreadable);
        }

        if (hash is null)
        {
            return;
        }

        string algorithm = expectedDigest[..expectedDigest.IndexOf(':', StringComparison.Ordinal)];
        string actual = algorithm + ":" + Convert.ToHexStringLower(hash.GetHashAndReset());
        if (!string.Equals(actual, expectedDigest, StringComparison.OrdinalIgnoreCase))
        {
            throw new ImageReadException($"blob digest mismatch: expected {expectedDigest}, content hashes to {actual}", ImageReadFailure.DigestMismatch);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash?.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Limits for decompressed data, so that a gzip or zstd bomb ends in a clear error instead of a full disk or hours.</summary>
public sealed record DecompressionLimits(long MaxBytes, double MaxRatio, long RatioGraceBytes)
{
    /// <summary>64 GiB per layer; ratio 1100:1 (deflate cannot exceed ~1032:1) checked past 1 GiB.</summary>
    public static DecompressionLimits Default { get; } = new(64L << 30, 1100, 1L << 30);
}

/// <summary>Counts decompressed bytes and stops at the limits of <see cref="DecompressionLimits"/>.</summary>
public sealed class BombGuardStream : ForwardReadStream
{
    private readonly Stream inner;
    private readonly Func<long> compressedBytes;
    private readonly DecompressionLimits limits;
    private readonly string what;

    public BombGuardStream(Stream inner, Func<long> compressedBytes, DecompressionLimits limits, string what)
    {
        this.inner = inner;
        this.compressedBytes = compressedBytes;
        this.limits = limits;
        this.what = what;
    }

    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        int read = inner.Read(buffer);
        BytesRead += read;
        if (BytesRead > limits.MaxBytes)
        {
            throw new ImageReadException($"{what} decompresses to more than {limits.MaxBytes} bytes: refused as a decompression bomb", ImageReadFailure.TooLarge);
        }

        if (BytesRead > limits.RatioGraceBytes && BytesRead > limits.MaxRatio * Math.Max(1, compressedBytes()))
        {
            throw new ImageReadException($"{what} expands more than {limits.MaxRatio:0}:1 ({compressedBytes()} compressed bytes gave {BytesRead}): refused as a decompression bomb", ImageReadFailure.TooLarge);
        }

        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

public enum LayerCompression
{
    None,
    Gzip,
    Zstd,
}

/// <summary>Peeks the first bytes of a non-seekable stream and gives them back. Leaves the inner stream open: its owner disposes it.</summary>
public sealed class PeekStream : ForwardReadStream
{
    private readonly Stream inner;
    private readonly byte[] head;
    private int headOffset;

    public PeekStream(Stream inner, int count)
    {
        this.inner = inner;
        head = new byte[count];
        int total = 0;
        while (total < count)
        {
            int read = inner.Read(head, total, count - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        Head = head.AsMemory(0, total);
    }

    public ReadOnlyMemory<byte> Head { get; }

    public override int Read(Span<byte> buffer)
    {
        if (headOffset < Head.Length)
        {
            int count = Math.Min(buffer.Length, Head.Length - headOffset);
            Head.Span.Slice(headOffset, count).CopyTo(buffer);
            headOffset += count;
            return count;
        }

        return inner.Read(buffer);
    }
}

public static class LayerStreams
{
    /// <summary>The compression a layer uses: from its bytes first (media types lie, e.g. docker save's layer.tar), then its media type.</summary>
    public static LayerCompression Detect(ReadOnlySpan<byte> head, string mediaType)
    {
        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            return LayerCompression.Gzip;
        }

        if (head.Length >= 4 && head[0] == 0x28 && head[1] == 0xB5 && head[2] == 0x2F && head[3] == 0xFD)
        {
            return LayerCompression.Zstd;
        }

        return mediaType.EndsWith("+zstd", StringComparison.Ordinal) || mediaType.EndsWith(".zstd", StringComparison.Ordinal) ? LayerCompression.Zstd
            : head.Length == 0 && (mediaType.EndsWith("gzip", StringComparison.Ordinal)) ? LayerCompression.Gzip
            : LayerCompression.None;
    }

    /// <summary>The tar stream of a layer blob: compression detected, decompressed size guarded.</summary>
    public static (Stream Tar, LayerCompression Compression) OpenTar(Stream compressed, Func<long> compressedBytes, string mediaType, DecompressionLimits limits, string what)
    {
        var peek = new PeekStream(compressed, 4);
        var compression = Detect(peek.Head.Span, mediaType);
        Stream decompressed = compression switch
        {
            LayerCompression.Gzip => new GZipStream(peek, CompressionMode.Decompress, leaveOpen: false),
            LayerCompression.Zstd => new DecompressionStream(peek, leaveOpen: false),
            _ => peek,
        };
        return (new BombGuardStream(decompressed, compressedBytes, limits, what), compression);
    }
}
