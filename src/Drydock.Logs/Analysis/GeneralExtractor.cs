using System.Buffers;

namespace Drydock.Logs.Analysis;

/// <summary>A run of lines that look like an explanation of a failure, found without a known signature.</summary>
public sealed class GeneralBlock
{
    internal GeneralBlock(int startLine, int step)
    {
        StartLine = startLine;
        EndLine = startLine;
        Step = step;
    }

    public int StartLine { get; }

    public int EndLine { get; internal set; }

    public double Score { get; internal set; }

    public int StrongLines { get; internal set; }

    public int Step { get; }

    public List<string> Lines { get; } = [];
}

/// <summary>
/// The fallback when no signature matches: error and failure markers, stack frames, compiler diagnostics and
/// test summaries score a line; download, progress and timing lines score nothing; nearby scored lines form a
/// block. The block chosen is the first one in the failing step that scores close to the best there: the
/// first explanation, not the final symptom.
/// </summary>
internal sealed class GeneralExtractor
{
    private const int MaxGap = 1;
    private const int MaxBlocks = 256;

    private static readonly string[] StrongMarkers =
    [
        "error:", "Error:", "ERROR:", "ERROR ", "[ERROR]", "FAILED", "FAIL ", "FAIL:", "fatal:", "Fatal:", "FATAL", "Traceback (most recent call last)",
        "Exception", "panic:", "npm ERR!", "ERR!", "error[", "failed:", "Failed:", "Failure:", "AssertionError", "assert ",
        "Error ", " error ", "Errno", "undefined reference", "cannot find symbol", "Could not", "could not", "Segmentation fault", "Aborted",
    ];

    private static readonly SearchValues<string> Strong = SearchValues.Create(StrongMarkers, StringComparison.Ordinal);

    /// <summary>Failure glyphs of test runners, kept out of <see cref="Strong"/> so that set stays ASCII and vectorised.</summary>
    private static readonly SearchValues<char> StrongGlyphs = SearchValues.Create("✖✗×");

    private static readonly string[] WeakMarkers =
    [
        "failed", "Failed", "not found", "No such file", "cannot", "Cannot", "denied", "undefined", "refused", "timed out", "Timeout",
        "missing", "Missing", "invalid", "Invalid", "unable", "Unable", "unexpected", "Unexpected", "expected", "Expected", "does not exist",
        "exit code", "exit status", "non-zero", "aborting", "Aborting", "abort",
    ];

    private static readonly SearchValues<string> Weak = SearchValues.Create(WeakMarkers, StringComparison.Ordinal);

    /// <summary>Every marker string, so the scanner can rule out a line for signatures and markers in one scan.</summary>
    public static IEnumerable<string> Markers => StrongMarkers.Concat(WeakMarkers);

    public static bool HasGlyph(ReadOnlySpan<char> content) => content.IndexOfAny(StrongGlyphs) >= 0;

    private static readonly SearchValues<string> Noise = SearchValues.Create(
    [
        "Downloading", "Downloaded", "Collecting ", "Requirement already", "Get:", "Hit:", "Fetched ", "Unpacking ", "Setting up ", "Selecting previously",
        "Preparing to unpack", "npm WARN", "Progress", "Receiving objects", "Resolving deltas", "remote: ", "Installing collected", "Successfully installed",
        "Using cached", "Processing triggers", "Reading package lists", "Building dependency tree", "Reading state information", "Pulling fs layer",
        "Download complete", "Pull complete", "Waiting", "Extracting", "Verifying Checksum", "Already exists", "Fetching ", "Installing ", "Resolving ",
        "pip install", "warning:", "Warning:", "WARNING:", "DeprecationWarning", "[WARNING]", "[INFO] Download",
    ], StringComparison.Ordinal);

    private readonly List<GeneralBlock> blocks = [];
    private readonly List<string> gap = [];
    private GeneralBlock? open;
    private int lastScoredLine;

    public IReadOnlyList<GeneralBlock> Blocks => blocks;

    /// <summary>Scores one line's content; 0 for none and for noise.</summary>
    public static double Weight(ReadOnlySpan<char> content)
    {
        var trimmed = content.TrimStart();
        if (trimmed.IsEmpty)
        {
            return 0;
        }

        bool strong = trimmed.IndexOfAny(Strong) >= 0 || trimmed.IndexOfAny(StrongGlyphs) >= 0;
        bool frame = IsStackFrame(trimmed);
        if (!strong && !frame && trimmed.IndexOfAny(Weak) < 0)
        {
            return 0;
        }

        if (trimmed.IndexOfAny(Noise) >= 0 && !trimmed.StartsWith("Error") && !trimmed.StartsWith("ERROR"))
        {
            return 0;
        }

        if (strong)
        {
            // A diagnostic with a position ("src/a.c:12:5: error: ...") is worth more than a bare "error".
            return HasPosition(trimmed) ? 4 : 3;
        }

        return frame ? 0.5 : 1;
    }

    /// <param name="mayHaveMarker">False when the scanner's gate found no marker in the line: only a stack frame can score.</param>
    public void Observe(int line, ReadOnlySpan<char> display, ReadOnlySpan<char> content, bool boundary, bool failureMarker, int step, bool mayHaveMarker = true)
    {
        double weight = boundary || failureMarker ? 0 : mayHaveMarker ? Weight(content) : IsStackFrame(content.TrimStart()) ? 0.5 : 0;
        if (weight <= 0)
        {
            if (open is not null)
            {
                if (boundary || failureMarker || line - lastScoredLine > MaxGap || step != open.Step || content.IsWhiteSpace())
                {
                    Close();
                }
                else
                {
                    gap.Add(Cut(display));
                }
            }

            return;
        }

        if (open is null || step != open.Step || line - lastScoredLine > MaxGap + 1)
        {
            Close();
            open = new GeneralBlock(line, step);
        }

        open.Score += weight;
        if (weight >= 3)
        {
            open.StrongLines++;
        }

        if (open.Lines.Count + gap.Count < SignatureHit.MaxEvidenceLines)
        {
            open.Lines.AddRange(gap);
            open.Lines.Add(Cut(display));
            open.EndLine = line;
        }

        gap.Clear();
        lastScoredLine = line;
    }

    /// <summary>Drops blocks of steps that ended without failing: they cannot explain the failure.</summary>
    public void ForgetStep(int step)
    {
        Close();
        blocks.RemoveAll(block => block.Step == step);
    }

    public void Complete() => Close();

    private void Close()
    {
        if (open is null)
        {
            return;
        }

        blocks.Add(open);
        open = null;
        gap.Clear();
        if (blocks.Count > MaxBlocks)
        {
            // Keep the order; drop the weakest block.
            int weakest = 0;
            for (int i = 1; i < blocks.Count; i++)
            {
                if (blocks[i].Score < blocks[weakest].Score)
                {
                    weakest = i;
                }
            }

            blocks.RemoveAt(weakest);
        }
    }

    private static string Cut(ReadOnlySpan<char> display) =>
        display.Length > LineRing.SlotChars ? string.Concat(display[..(LineRing.SlotChars - 1)], "…") : display.ToString();

    private static bool IsStackFrame(ReadOnlySpan<char> trimmed) =>
        trimmed.StartsWith("at ") || trimmed.StartsWith("File \"") || trimmed.StartsWith("from /") || trimmed.StartsWith("goroutine ")
        || (trimmed.StartsWith('#') && trimmed.Length > 2 && char.IsAsciiDigit(trimmed[1]) && trimmed.Contains(" in ", StringComparison.Ordinal));

    private static bool HasPosition(ReadOnlySpan<char> text)
    {
        // path:line: or path:line:column: or path(line,col):
        int colon = text.IndexOf(':');
        return colon > 0 && colon + 1 < text.Length && char.IsAsciiDigit(text[colon + 1]) && text[..colon].IndexOfAny('.', '/') >= 0;
    }
}
