namespace Drydock.Cli.Commands;

/// <summary>
/// Progress for long work, on standard error, only when it is a terminal and the report is for people:
/// a single rewritten line, erased when the work is done, so nothing of it stays in logs or pipes.
/// </summary>
internal sealed class Progress : IDisposable
{
    private readonly bool enabled;
    private readonly object gate = new();
    private DateTime lastWrite = DateTime.MinValue;
    private bool written;

    private Progress(bool enabled)
    {
        this.enabled = enabled;
        Files = For<int>(count => $"scanned {count} files");
    }

    /// <summary>Receives the running count of files seen by the repository walk.</summary>
    public IProgress<int> Files { get; }

    /// <summary>A receiver of progress values that shows each as a line (throttled; synchronous, from any thread).</summary>
    public IProgress<T> For<T>(Func<T, string> describe) => new Reporter<T>(this, describe);

    public static Progress ForStandardError(bool enabled) => new(enabled && !Console.IsErrorRedirected);

    public void Stage(string what) => Show(what + "…", force: false);

    public void Done()
    {
        if (enabled && written)
        {
            lock (gate)
            {
                Console.Error.Write("\r\u001b[2K");
                written = false;
            }
        }
    }

    public void Dispose() => Done();

    private void Show(string text, bool force)
    {
        if (!enabled)
        {
            return;
        }

        lock (gate)
        {
            // Throttled: a terminal redraw per file would cost more than the walk.
            if (!force && DateTime.UtcNow - lastWrite < TimeSpan.FromMilliseconds(100) && written)
            {
                return;
            }

            Console.Error.Write("\r\u001b[2K" + "drydock: " + text);
            lastWrite = DateTime.UtcNow;
            written = true;
        }
    }

    private sealed class Reporter<T>(Progress owner, Func<T, string> describe) : IProgress<T>
    {
        public void Report(T value)
        {
            if (owner.enabled)
            {
                owner.Show(describe(value), force: false);
            }
        }
    }
}
