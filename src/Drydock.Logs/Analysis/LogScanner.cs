using System.Buffers;
using System.IO.Compression;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using Drydock.Logs.Parsing;
using Drydock.Logs.Reading;
using Drydock.Logs.Signatures;

namespace Drydock.Logs.Analysis;

/// <summary>Limits of one scan.</summary>
public sealed record ScanOptions
{
    /// <summary>Lines longer than this are cut for analysis (and still counted as one line).</summary>
    public int MaxLineChars { get; init; } = LogLineReader.DefaultMaxLineChars;

    /// <summary>Hits kept per signature in one log (more are counted, not kept).</summary>
    public int MaxHitsPerSignature { get; init; } = 5;
}

/// <summary>
/// One streaming pass over one log: normalise each line, follow the structure, try the signatures whose anchors
/// the line holds, feed the general extractor. Memory stays flat in the log's size: a ring of recent lines for
/// context, and a bounded number of hits and blocks.
/// </summary>
public sealed class LogScanner
{
    private const int RingLines = 96;
    private const int StartAtReach = 80;
    private const int DateReach = 64;
    private const long ProgressBytes = 8L << 20;
    private const string RedactedKeyLine = "[REDACTED:private-key]";
    private const string PrivateKeyMarker = "PRIVATE KEY-----";

    private readonly SignatureCatalog catalog;
    private readonly ScanOptions options;
    private readonly bool anyFileHeader;

    /// <summary>Anchors of every signature and the general extractor's markers: a line without any skips both.</summary>
    private readonly LineGate gate;

    public LogScanner(SignatureCatalog? catalog = null, ScanOptions? options = null)
    {
        this.catalog = catalog ?? SignatureCatalog.Default;
        this.options = options ?? new ScanOptions();
        anyFileHeader = this.catalog.Signatures.Any(signature => signature.FileHeader is not null);
        gate = new LineGate(this.catalog, GeneralExtractor.Markers);
    }

    /// <param name="bytesRead">Told, every few megabytes and at the end, how many more bytes of the log were read (for progress).</param>
    public LogScan Scan(LogInput input, Action<long>? bytesRead = null)
    {
        try
        {
            using var stream = input.Open();
            return Scan(input, stream, bytesRead);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or LogInputException or NotSupportedException)
        {
            return new LogScan { Input = input, Problem = Describe(e) };
        }
    }

    private static string Describe(Exception e) => e switch
    {
        InvalidDataException => $"not a valid compressed log: {e.Message}",
        UnauthorizedAccessException => $"cannot read: {e.Message}",
        _ => e.Message,
    };

    private LogScan Scan(LogInput input, Stream stream, Action<long>? bytesRead)
    {
        using var reader = new LogLineReader(stream, options.MaxLineChars, leaveOpen: true);
        using var state = new ScanState(input, options, RingLines, gate);
        long reported = 0;
        while (reader.ReadLine(out var raw))
        {
            if (bytesRead is not null && reader.BytesRead - reported >= ProgressBytes)
            {
                bytesRead(reader.BytesRead - reported);
                reported = reader.BytesRead;
            }

            if (reader.LineNumber == 1 && reader.LooksBinary)
            {
                string why = reader.StartsWithUtf16Bom
                    ? "the log is UTF-16 encoded; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8) and run again"
                    : "the file is binary (NUL or control bytes in its first 8 KB), not a text log; pass the log itself, or the .zip/.gz it came in";
                return new LogScan { Input = input, Problem = why, Bytes = reader.BytesRead };
            }

            ScanLine(state, checked((int)reader.LineNumber), raw);
        }

        bytesRead?.Invoke(reader.BytesRead - reported);
        if (reader.LineNumber == 0)
        {
            return new LogScan { Input = input, Problem = "the log is empty: nothing to diagnose (was the job cancelled before it started, or the download cut short?)" };
        }

        state.Tracker.Complete();
        state.General.Complete();
        CloseAll(state);
        return new LogScan
        {
            Input = input,
            Lines = reader.LineNumber,
            Bytes = reader.BytesRead,
            TruncatedLines = reader.TruncatedLineCount,
            Formats = state.Tracker.Formats,
            Steps = state.Tracker.Steps,
            FailureMarkers = state.Tracker.FailureMarkers,
            DockerfileExcerpts = state.Tracker.DockerfileExcerpts,
            Hits = state.Hits,
            Blocks = state.General.Blocks,
            DeclaredSuccess = state.Tracker.DeclaredSuccess,
            BaseImages = state.Tracker.BaseImages,
            Date = state.Date,
        };
    }

    private void ScanLine(ScanState state, int number, ReadOnlySpan<char> raw)
    {
        if (state.Date is null && number <= DateReach)
        {
            state.Date = LineNormalizer.TimestampDate(raw);
        }

        int length = LineNormalizer.StripDecorations(raw, state.Scratch);
        ReadOnlySpan<char> decorated = state.Scratch.AsSpan(0, length);
        var display = LineNormalizer.LastDrawing(decorated);
        display = RedactKeyBlock(state, display);

        var shape = state.Tracker.Observe(number, raw, decorated, display);
        if (state.Tracker.CurrentCiStep != state.LastCiStep)
        {
            if (state.LastCiStep is { Failed: false })
            {
                state.General.ForgetStep(state.StepIndex);
            }

            CloseAll(state);
            state.StepIndex++;
            state.LastCiStep = state.Tracker.CurrentCiStep;
        }

        var content = display[Math.Min(shape.ContentStart, display.Length)..];
        bool stop = shape.IsBoundary || shape.IsFailureMarker;
        if (state.OpenHits.Count > 0)
        {
            Continue(state, number, display, content, stop);
        }

        state.Ring.Push(number, display, shape.ContentStart, stop, state.StepIndex);
        bool hasMarker = gate.Inspect(content, state.GateScratch, state.Candidates);
        if (!shape.IsBoundary)
        {
            if (state.Candidates.ContainsAnyExcept(0UL))
            {
                Match(state, number, display, content);
            }
            else if (anyFileHeader && LooksLikePath(content))
            {
                state.LintFile = content.Trim().ToString();
            }
        }

        state.General.Observe(number, display, content, shape.IsBoundary, shape.IsFailureMarker, state.StepIndex, hasMarker);
    }

    private static ReadOnlySpan<char> RedactKeyBlock(ScanState state, ReadOnlySpan<char> display)
    {
        if (display.Contains(PrivateKeyMarker, StringComparison.Ordinal))
        {
            if (display.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                state.InPrivateKey = !display.Contains("-----END", StringComparison.Ordinal);
            }
            else if (display.Contains("-----END", StringComparison.Ordinal))
            {
                state.InPrivateKey = false;
            }

            return RedactedKeyLine;
        }

        return state.InPrivateKey ? RedactedKeyLine : display;
    }

    private void Match(ScanState state, int number, ReadOnlySpan<char> display, ReadOnlySpan<char> content)
    {
        string? text = null;
        var candidates = state.Candidates;
        for (int word = 0; word < candidates.Length; word++)
        {
            for (ulong bits = candidates[word]; bits != 0; bits &= bits - 1)
            {
                MatchSignature(state, number, display, catalog.Signatures[(word << 6) + BitOperations.TrailingZeroCount(bits)], text ??= content.ToString());
            }
        }
    }

    /// <summary>Tries one signature whose anchor the line holds, and records or extends its hit.</summary>
    private void MatchSignature(ScanState state, int number, ReadOnlySpan<char> display, Signature signature, string text)
    {
        var match = signature.TryMatch(text);
        if (match is null)
        {
            return;
        }

        var existing = state.HitsOf(signature);
        if (signature.Aggregation == SignatureAggregation.PerFile)
        {
            var hit = existing.Count > 0 ? existing[0] : NewHit(state, signature, number, display);
            hit.Tally ??= new LintTally();
            string? file = match.Groups["file"] is { Success: true } f ? f.Value : state.LintFile;
            string code = match.Groups["code"] is { Success: true } c ? c.Value : "?";
            hit.Tally.Add(file ?? "(unknown file)", code);
            if (existing.Count > 0)
            {
                hit.Occurrences++;
            }

            return;
        }

        var adjacent = existing.Count > 0 && (existing[^1].Open || existing[^1].EndLine >= number - 1) ? existing[^1] : null;
        if (adjacent is not null)
        {
            adjacent.AddValues(match);
            adjacent.Occurrences++;
            return;
        }

        if (existing.Count >= options.MaxHitsPerSignature)
        {
            existing[^1].Occurrences++;
            return;
        }

        var created = NewHit(state, signature, number, display);
        created.AddValues(match);
    }

    private static SignatureHit NewHit(ScanState state, Signature signature, int number, ReadOnlySpan<char> display)
    {
        var hit = new SignatureHit(signature, number, state.Tracker.CurrentCiStep, state.Tracker.CurrentDockerStep)
        {
            ComposeService = StructureTracker.ComposeService(display),
        };
        int start = ContextStart(state, signature, number);
        hit.StartLine = start;
        for (int line = start; line < number; line++)
        {
            hit.Lines.Add(state.Ring.Display(line).ToString());
        }

        hit.Lines.Add(display.ToString());
        hit.EndLine = number;
        hit.AfterRemaining = signature.After;
        hit.Open = signature.After > 0;
        if (hit.Open)
        {
            state.OpenHits.Add(hit);
        }

        state.AddHit(hit);
        return hit;
    }

    private static int ContextStart(ScanState state, Signature signature, int number)
    {
        var ring = state.Ring;
        if (signature.StartAt is { } startAt)
        {
            for (int line = number - 1; line >= number - StartAtReach && ring.Holds(line); line--)
            {
                if (ring.IsBoundary(line) || ring.StepOf(line) != state.StepIndex)
                {
                    break;
                }

                if (SafeIsMatch(startAt, ring.Content(line)))
                {
                    return line;
                }
            }
        }

        int start = number;
        for (int line = number - 1; line >= number - signature.Before && ring.Holds(line); line--)
        {
            if (ring.IsBoundary(line) || ring.StepOf(line) != state.StepIndex || ring.Display(line).IsWhiteSpace())
            {
                break;
            }

            start = line;
        }

        return start;
    }

    private static void Continue(ScanState state, int number, ReadOnlySpan<char> display, ReadOnlySpan<char> content, bool stop)
    {
        for (int i = state.OpenHits.Count - 1; i >= 0; i--)
        {
            var hit = state.OpenHits[i];
            bool blank = display.IsWhiteSpace();
            bool close = stop || (blank && !hit.Signature.KeepBlankLines) || (hit.Signature.StopAt is { } stopAt && SafeIsMatch(stopAt, content));
            if (!close)
            {
                hit.Append(number, display.ToString());
                hit.AfterRemaining--;
                close = hit.AfterRemaining <= 0 || (hit.Signature.EndAt is { } endAt && SafeIsMatch(endAt, content));
            }

            if (close)
            {
                hit.Close();
                state.OpenHits.RemoveAt(i);
            }
        }
    }

    private static void CloseAll(ScanState state)
    {
        foreach (var hit in state.OpenHits)
        {
            hit.Close();
        }

        state.OpenHits.Clear();
    }

    private static bool SafeIsMatch(Regex regex, ReadOnlySpan<char> text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool LooksLikePath(ReadOnlySpan<char> content)
    {
        if (content.Length < 4 || content.Length > 400 || content[0] is ' ' or '\t')
        {
            return false;
        }

        bool rooted = content[0] == '/' || (content.Length > 2 && content[1] == ':' && content[2] == '\\');
        return rooted && content.IndexOf(' ') < 0 && content.LastIndexOf('.') > content.LastIndexOfAny('/', '\\');
    }

    private sealed class ScanState : IDisposable
    {
        private readonly Dictionary<Signature, List<SignatureHit>> bySignature = [];

        public ScanState(LogInput input, ScanOptions options, int ringLines, LineGate gate)
        {
            Tracker = new StructureTracker(input.StepNamesByFirstLine);
            Scratch = ArrayPool<char>.Shared.Rent(options.MaxLineChars + 16);
            Ring = new LineRing(ringLines);
            GateScratch = new ulong[gate.ScratchWords];
            Candidates = new ulong[gate.SignatureWords];
        }

        /// <summary>Bits of the gate's strings found in the current line.</summary>
        public ulong[] GateScratch { get; }

        /// <summary>Catalog positions of the signatures whose anchors the current line holds.</summary>
        public ulong[] Candidates { get; }

        public StructureTracker Tracker { get; }

        public GeneralExtractor General { get; } = new();

        public LineRing Ring { get; }

        public char[] Scratch { get; }

        public List<SignatureHit> Hits { get; } = [];

        public List<SignatureHit> OpenHits { get; } = [];

        public LogStep? LastCiStep { get; set; }

        public int StepIndex { get; set; }

        public bool InPrivateKey { get; set; }

        public DateOnly? Date { get; set; }

        public string? LintFile { get; set; }

        public void Dispose()
        {
            ArrayPool<char>.Shared.Return(Scratch);
            Ring.Dispose();
        }

        public List<SignatureHit> HitsOf(Signature signature) =>
            bySignature.TryGetValue(signature, out var list) ? list : [];

        public void AddHit(SignatureHit hit)
        {
            if (!bySignature.TryGetValue(hit.Signature, out var list))
            {
                bySignature[hit.Signature] = list = [];
            }

            list.Add(hit);
            Hits.Add(hit);
        }
    }
}
