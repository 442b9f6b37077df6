using Drydock.IO;

namespace Drydock.Logs.Reading;

/// <summary>
/// Passes reads through until a byte budget is spent, then throws: a zip entry or gzip member that inflates
/// past what its header promised, or past the total cap, stops there with a clear message.
/// </summary>
internal sealed class BoundedStream(Stream inner, long maxBytes, string what, Action? onDispose = null) : ForwardReadStream
{
    private long read;

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        read += n;
        if (read > maxBytes)
        {
            throw new LogInputException($"{what} inflates past {maxBytes / (1024 * 1024)} MiB: refusing it as a likely zip bomb (raise the limit only for a log you trust)");
        }

        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            onDispose?.Invoke();
        }

        base.Dispose(disposing);
    }
}
