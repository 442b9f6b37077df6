namespace Drydock.Logs.Analysis;

/// <summary>
/// The last few lines of a log, kept for the context before a match. Fixed slots of fixed capacity are reused,
/// so keeping context allocates nothing per line; a line longer than a slot is cut with an ellipsis, since
/// evidence of several kilobytes on one line helps nobody.
/// </summary>
internal sealed class LineRing
{
    public const int SlotChars = 1024;
    private readonly char[][] slots;
    private readonly int[] lengths;
    private readonly int[] contentStarts;
    private readonly int[] numbers;
    private readonly bool[] boundaries;
    private readonly int[] steps;
    private int newest = -1;

    public LineRing(int capacity)
    {
        slots = new char[capacity][];
        for (int i = 0; i < capacity; i++)
        {
            slots[i] = new char[SlotChars];
        }

        lengths = new int[capacity];
        contentStarts = new int[capacity];
        numbers = new int[capacity];
        boundaries = new bool[capacity];
        steps = new int[capacity];
    }

    public int Capacity => slots.Length;

    public void Push(int lineNumber, ReadOnlySpan<char> display, int contentStart, bool boundary, int step)
    {
        newest = (newest + 1) % slots.Length;
        var slot = slots[newest];
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
        newest >= 0 && lineNumber > 0 && numbers[newest] - lineNumber >= 0 && numbers[newest] - lineNumber < slots.Length && numbers[IndexOf(lineNumber)] == lineNumber;

    public ReadOnlySpan<char> Display(int lineNumber) => slots[IndexOf(lineNumber)].AsSpan(0, lengths[IndexOf(lineNumber)]);

    public ReadOnlySpan<char> Content(int lineNumber)
    {
        int index = IndexOf(lineNumber);
        return slots[index].AsSpan(contentStarts[index], lengths[index] - contentStarts[index]);
    }

    public bool IsBoundary(int lineNumber) => boundaries[IndexOf(lineNumber)];

    public int StepOf(int lineNumber) => steps[IndexOf(lineNumber)];

    private int IndexOf(int lineNumber)
    {
        int back = numbers[newest] - lineNumber;
        return ((newest - back) % slots.Length + slots.Length) % slots.Length;
    }
}
