namespace Drydock.Logs.Analysis;

/// <summary>
/// The last few lines of a log, kept for the context before a match. Fixed slots of fixed capacity are reused,
/// so keeping context allocates nothing per line; a line longer than a slot is cut with an ellipsis, since
/// evidence of several kilobytes on one line helps nobody. The slots share one pooled block: a directory of
/// hundreds of logs then reuses the same memory instead of churning the garbage collector.
/// </summary>
internal sealed class LineRing : IDisposable
{
    public const int SlotChars = 1024;
    private readonly int capacity;
    private char[] block;
    private readonly int[] lengths;
    private readonly int[] contentStarts;
    private readonly int[] numbers;
    private readonly bool[] boundaries;
    private readonly int[] steps;
    private int newest = -1;

    public LineRing(int capacity)
    {
        this.capacity = capacity;
        block = System.Buffers.ArrayPool<char>.Shared.Rent(capacity * SlotChars);
        lengths = new int[capacity];
        contentStarts = new int[capacity];
        numbers = new int[capacity];
        boundaries = new bool[capacity];
        steps = new int[capacity];
    }

    public int Capacity => capacity;

    public void Push(int lineNumber, ReadOnlySpan<char> display, int contentStart, bool boundary, int step)
    {
        newest = (newest + 1) % capacity;
        var slot = Slot(newest);
        if (display.Length > SlotChars)
        {
            display[..(SlotChars - 1)].CopyTo(slot);
            slot[SlotChars - 1] = '…';
            lengths[newest] = SlotChars;
        }
        else
        {
            display.CopyTo(slot);
            lengths[newest] = display.Length;
        }

        contentStarts[newest] = Math.Min(contentStart, lengths[newest]);
        numbers[newest] = lineNumber;
        boundaries[newest] = boundary;
        steps[newest] = step;
    }

    /// <summary>Whether line <paramref name="lineNumber"/> is still held.</summary>
    public bool Holds(int lineNumber) =>
        newest >= 0 && lineNumber > 0 && numbers[newest] - lineNumber >= 0 && numbers[newest] - lineNumber < capacity && numbers[IndexOf(lineNumber)] == lineNumber;

    public ReadOnlySpan<char> Display(int lineNumber) => Slot(IndexOf(lineNumber))[..lengths[IndexOf(lineNumber)]];

    public ReadOnlySpan<char> Content(int lineNumber)
    {
        int index = IndexOf(lineNumber);
        return Slot(index)[contentStarts[index]..lengths[index]];
    }

    public bool IsBoundary(int lineNumber) => boundaries[IndexOf(lineNumber)];

    public int StepOf(int lineNumber) => steps[IndexOf(lineNumber)];

    private int IndexOf(int lineNumber)
    {
        int back = numbers[newest] - lineNumber;
        return ((newest - back) % capacity + capacity) % capacity;
    }

    private Span<char> Slot(int index) => block.AsSpan(index * SlotChars, SlotChars);

    public void Dispose()
    {
        if (block.Length > 0)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(block);
            block = [];
        }
    }
}
