using System.Buffers;
using System.Globalization;

namespace Drydock.Logs.Parsing;

/// <summary>What the structure tracker learned about one line.</summary>
public readonly record struct LineShape(int ContentStart, bool IsBoundary, bool IsFailureMarker);

/// <summary>
/// Follows the structure of a log as it streams past: which CI format it is, where each step starts and ends,
/// the BuildKit vertices and legacy builder steps, docker compose service prefixes, and the lines that declare
/// a failure. Each recogniser is a few exact string tests on the line, in the order the formats document them.
/// </summary>
public sealed class StructureTracker
{
    private const int MaxSteps = 4096;
    private const int MaxMarkers = 256;
    private readonly List<LogStep> steps = [];
    private readonly List<FailureMarker> markers = [];
    private readonly List<DockerfileExcerpt> excerpts = [];
    private readonly Dictionary<int, LogStep> vertices = [];
    private readonly List<string> baseImages = [];
    private readonly Dictionary<string, string> stepNamesByFirstLine;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> stepNameLookup;
    private LogStep? currentCi;
    private LogStep? currentDocker;
    private int lastLine;

    /// <param name="stepNamesByFirstLine">For a GitHub Actions run zip: the first line of each step file, mapped to the step's name.</param>
    public StructureTracker(IReadOnlyDictionary<string, string>? stepNamesByFirstLine = null)
    {
        this.stepNamesByFirstLine = new Dictionary<string, string>(stepNamesByFirstLine ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        stepNameLookup = this.stepNamesByFirstLine.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public LogFormats Formats { get; private set; }

    public IReadOnlyList<LogStep> Steps => steps;

    public IReadOnlyList<FailureMarker> FailureMarkers => markers;

    public IReadOnlyList<DockerfileExcerpt> DockerfileExcerpts => excerpts;

    public bool DeclaredSuccess { get; private set; }

    /// <summary>
    /// Base images a BuildKit build named ("[internal] load metadata for docker.io/library/python:3.11-slim",
    /// "[1/8] FROM docker.io/library/python:3.11-slim@sha256:..."), first seen first, digests removed.
    /// </summary>
    public IReadOnlyList<string> BaseImages => baseImages;

    public LogStep? CurrentCiStep => currentCi;

    public LogStep? CurrentDockerStep => currentDocker;

    /// <param name="decorated">The line without timestamp and escape sequences, '\r' kept (GitLab and Travis put markers before one).</param>
    /// <param name="display">The last drawing of the line, as a terminal showed it.</param>
    public LineShape Observe(int line, ReadOnlySpan<char> rawLine, ReadOnlySpan<char> decorated, ReadOnlySpan<char> display)
    {
        lastLine = line;
        if (currentCi is not null)
        {
            currentCi.EndLine = line;
        }

        if (currentDocker is not null)
        {
            currentDocker.EndLine = line;
        }

        if (stepNamesByFirstLine.Count > 0 && stepNameLookup.TryGetValue(rawLine.TrimEnd('\r'), out string? stepName))
        {
            StartCi(stepName, line);
        }

        if (decorated.Contains('\r') || decorated.StartsWith("section_") || decorated.StartsWith("travis_"))
        {
            if (ObserveFoldMarkers(line, decorated))
            {
                return new LineShape(0, IsBoundary: true, IsFailureMarker: false);
            }
        }

        if (display.StartsWith("##[") || display.StartsWith("::"))
        {
            return ObserveGitHub(line, display);
        }

        if (display.StartsWith('#') && display.Length > 1 && char.IsAsciiDigit(display[1]))
        {
            return ObserveBuildKit(line, display);
        }

        return ObserveOther(line, display);
    }

    /// <summary>Closes the open steps at the end of the log.</summary>
    public void Complete()
    {
        foreach (var step in steps)
        {
            step.EndLine = Math.Max(step.EndLine, step.StartLine);
        }

        if (currentCi is not null)
        {
            currentCi.EndLine = lastLine;
        }
    }

    /// <summary>The CI step that holds a line, or null.</summary>
    public LogStep? CiStepAt(int line) => StepAt(line, StepKind.Ci);

    public LogStep? DockerStepAt(int line) => StepAt(line, StepKind.DockerBuild);

    private LogStep? StepAt(int line, StepKind kind)
    {
        for (int i = steps.Count - 1; i >= 0; i--)
        {
            if (steps[i].Kind == kind && steps[i].Contains(line))
            {
                return steps[i];
            }
        }

        return null;
    }

    private bool ObserveFoldMarkers(int line, ReadOnlySpan<char> decorated)
    {
        int section = decorated.IndexOf("section_start:");
        if (section >= 0)
        {
            Formats |= LogFormats.GitLab;
            var rest = decorated[(section + "section_start:".Length)..];
            int colon = rest.IndexOf(':');
            if (colon >= 0)
            {
                var name = rest[(colon + 1)..];
                int stop = name.IndexOfAny('\r', '[');
                StartCi((stop >= 0 ? name[..stop] : name).ToString(), line);
            }

            return LineNormalizerTail(decorated).IsWhiteSpace();
        }

        if (decorated.Contains("section_end:", StringComparison.Ordinal))
        {
            Formats |= LogFormats.GitLab;
            return LineNormalizerTail(decorated).IsWhiteSpace();
        }

        int fold = decorated.IndexOf("travis_fold:start:");
        if (fold >= 0)
        {
            Formats |= LogFormats.Travis;
            var name = decorated[(fold + "travis_fold:start:".Length)..];
            int stop = name.IndexOf('\r');
            StartCi((stop >= 0 ? name[..stop] : name).ToString(), line);
            return LineNormalizerTail(decorated).IsWhiteSpace();
        }

        if (decorated.Contains("travis_fold:end:", StringComparison.Ordinal) || decorated.Contains("travis_time:", StringComparison.Ordinal))
        {
            Formats |= LogFormats.Travis;
            return LineNormalizerTail(decorated).IsWhiteSpace();
        }

        return false;
    }

    private static ReadOnlySpan<char> LineNormalizerTail(ReadOnlySpan<char> decorated)
    {
        int cr = decorated.IndexOf('\r');
        return cr < 0 ? [] : decorated[(cr + 1)..];
    }

    private LineShape ObserveGitHub(int line, ReadOnlySpan<char> display)
    {
        if (display.StartsWith("##[group]"))
        {
            Formats |= LogFormats.GitHubActions;
            var title = display["##[group]".Length..];
            if (title.StartsWith("Run ") && stepNamesByFirstLine.Count == 0)
            {
                StartCi(title.ToString(), line);
            }

            return new LineShape(0, IsBoundary: true, IsFailureMarker: false);
        }

        if (display.StartsWith("##[endgroup]"))
        {
            Formats |= LogFormats.GitHubActions;
            return new LineShape(0, IsBoundary: true, IsFailureMarker: false);
        }

        if (display.StartsWith("##[error]") || display.StartsWith("::error"))
        {
            Formats |= LogFormats.GitHubActions;
            var message = display.StartsWith("##[error]") ? display["##[error]".Length..] : AfterCommand(display);
            const string completed = "Process completed with exit code ";
            if (message.StartsWith(completed))
            {
                int? code = LeadingInt(message[completed.Length..]);
                FailStep(line, message.ToString(), code);
                return new LineShape(0, IsBoundary: true, IsFailureMarker: true);
            }

            AddMarker(line, message.ToString(), null);
            if (currentCi is not null)
            {
                currentCi.Failed = true;
            }

            return new LineShape(display.Length - message.Length, IsBoundary: false, IsFailureMarker: false);
        }

        if (display.StartsWith("##[") || display.StartsWith("::"))
        {
            Formats |= LogFormats.GitHubActions;
        }

        return new LineShape(0, IsBoundary: display.StartsWith("##[endgroup]"), IsFailureMarker: false);
    }

    private static ReadOnlySpan<char> AfterCommand(ReadOnlySpan<char> display)
    {
        int end = display[2..].IndexOf("::");
        return end < 0 ? display : display[(end + 4)..];
    }

    /// <summary>
    /// The image of a BuildKit "load metadata for IMAGE" or "FROM IMAGE[@digest] [AS name]" line, without its
    /// digest; null for other instructions.
    /// </summary>
    public static string? ImageOf(string instruction)
    {
        const string Metadata = "load metadata for ";
        ReadOnlySpan<char> image;
        if (instruction.StartsWith(Metadata, StringComparison.Ordinal))
        {
            image = instruction.AsSpan(Metadata.Length);
        }
        else if (instruction.StartsWith("FROM ", StringComparison.Ordinal))
        {
            image = instruction.AsSpan(5).TrimStart();
            if (image.StartsWith("--platform=", StringComparison.Ordinal))
            {
                int end = image.IndexOf(' ');
                image = end < 0 ? [] : image[(end + 1)..].TrimStart();
            }
        }
        else
        {
            return null;
        }

        int stop = image.IndexOfAny(' ', '@');
        if (stop >= 0)
        {
            image = image[..stop];
        }

        return image.Length > 0 ? image.ToString() : null;
    }

    private void NoteBaseImage(string instruction)
    {
        if (baseImages.Count < 32 && ImageOf(instruction) is { } image && !baseImages.Contains(image, StringComparer.Ordinal))
        {
            baseImages.Add(image);
        }
    }

    private LineShape ObserveBuildKit(int line, ReadOnlySpan<char> display)
    {
        int space = display.IndexOf(' ');
        if (space < 2 || !int.TryParse(display[1..space], NumberStyles.None, CultureInfo.InvariantCulture, out int vertex))
        {
            return default;
        }

        Formats |= LogFormats.BuildKit;
        var rest = display[(space + 1)..];
        if (rest.StartsWith('['))
        {
            int close = rest.IndexOf("] ");
            if (close > 0 && !vertices.ContainsKey(vertex))
            {
                var label = rest[1..close];
                var instruction = rest[(close + 2)..].ToString();
                string? platform = null;
                int slash = label.IndexOf('/');
                int labelSpace = label.LastIndexOf(' ');
                if (labelSpace > 0 && slash >= 0 && slash < labelSpace)
                {
                    platform = label[..labelSpace].ToString();
                    int stageSpace = platform.IndexOf(' ');
                    if (stageSpace > 0)
                    {
                        platform = platform[..stageSpace];
                    }
                }

                NoteBaseImage(instruction);
                if (!label.StartsWith("internal") && !label.StartsWith("auth"))
                {
                    var step = new LogStep($"[{label}] {instruction}", StepKind.DockerBuild, line)
                    {
                        Instruction = instruction,
                        Platform = platform is not null && platform.Contains('/') ? platform : null,
                        Vertex = vertex,
                    };
                    vertices[vertex] = step;
                    AddStep(step);
                    currentDocker = step;
                }
            }

            return new LineShape(space + 1, IsBoundary: false, IsFailureMarker: false);
        }

        vertices.TryGetValue(vertex, out var owner);
        if (owner is not null)
        {
            owner.EndLine = Math.Max(owner.EndLine, line);
        }

        if (rest.StartsWith("ERROR:") || rest.StartsWith("ERROR "))
        {
            if (owner is not null)
            {
                owner.Failed = true;
                owner.ExitCode = ExitCodeAfter(rest, "exit code: ");
            }

            AddMarker(line, rest.ToString(), ExitCodeAfter(rest, "exit code: "));
            return new LineShape(space + 1, IsBoundary: false, IsFailureMarker: true);
        }

        // "#5 12.34 output": the time since the vertex started, then the command's output.
        int contentStart = space + 1;
        int timeEnd = rest.IndexOf(' ');
        if (timeEnd > 0 && IsDecimal(rest[..timeEnd]))
        {
            contentStart += timeEnd + 1;
        }

        bool noise = rest.StartsWith("DONE ") || rest.StartsWith("CACHED") || rest.StartsWith("sha256:") || rest.StartsWith("transferring ");
        return new LineShape(contentStart, IsBoundary: noise, IsFailureMarker: false);
    }

    private LineShape ObserveOther(int line, ReadOnlySpan<char> display)
    {
        var trimmed = display.TrimStart();
        if (display.StartsWith("Step ") && display.Contains(" : ", StringComparison.Ordinal))
        {
            // "Step : x" has the " : " before the counter would start.
            int colon = display.IndexOf(" : ");
            var counter = colon > 5 ? display[5..colon] : [];
            if (counter.Contains('/') && char.IsAsciiDigit(counter[0]))
            {
                Formats |= LogFormats.LegacyBuilder;
                var instruction = display[(colon + 3)..].ToString();
                var step = new LogStep($"Step {counter} : {instruction}", StepKind.DockerBuild, line) { Instruction = instruction };
                AddStep(step);
                currentDocker = step;
                return new LineShape(0, IsBoundary: true, IsFailureMarker: false);
            }
        }

        if (display.StartsWith("The command '") && display.Contains("' returned a non-zero code: ", StringComparison.Ordinal))
        {
            Formats |= LogFormats.LegacyBuilder;
            int? code = ExitCodeAfter(display, "non-zero code: ");
            if (currentDocker is not null)
            {
                currentDocker.Failed = true;
                currentDocker.ExitCode = code;
            }

            AddMarker(line, display.ToString(), code);
            return new LineShape(0, IsBoundary: false, IsFailureMarker: true);
        }

        if (DockerfileExcerptHeader(display) is { } excerpt)
        {
            excerpts.Add(new DockerfileExcerpt(line, excerpt.Path, excerpt.Line));
            return new LineShape(0, IsBoundary: false, IsFailureMarker: false);
        }

        if (display.StartsWith("[Pipeline] "))
        {
            Formats |= LogFormats.Jenkins;
            var rest = display["[Pipeline] ".Length..];
            if (rest.StartsWith("{ (") && rest.EndsWith(')'))
            {
                StartCi(rest[3..^1].ToString(), line);
            }

            return new LineShape(0, IsBoundary: true, IsFailureMarker: false);
        }

        if (display.StartsWith("Finished: "))
        {
            var status = display["Finished: ".Length..];
            Formats |= LogFormats.Jenkins;
            if (status.StartsWith("SUCCESS"))
            {
                DeclaredSuccess = true;
            }
            else
            {
                AddMarker(line, display.ToString(), null);
            }

            return new LineShape(0, IsBoundary: true, IsFailureMarker: !status.StartsWith("SUCCESS"));
        }

        if (display.StartsWith("ERROR: script returned exit code "))
        {
            Formats |= LogFormats.Jenkins;
            FailStep(line, display.ToString(), LeadingInt(display["ERROR: script returned exit code ".Length..]));
            return new LineShape(0, IsBoundary: true, IsFailureMarker: true);
        }

        if (display.StartsWith("ERROR: Job failed: "))
        {
            Formats |= LogFormats.GitLab;
            FailStep(line, display.ToString(), ExitCodeAfter(display, "exit code "));
            return new LineShape(0, IsBoundary: true, IsFailureMarker: true);
        }

        if (display.StartsWith("Job succeeded"))
        {
            DeclaredSuccess = true;
            return new LineShape(0, IsBoundary: true, IsFailureMarker: false);
        }

        if (display.StartsWith("The command \"") && display.Contains("\" exited with ", StringComparison.Ordinal))
        {
            Formats |= LogFormats.Travis;
            int? code = ExitCodeAfter(display, "\" exited with ");
            if (code is > 0)
            {
                FailStep(line, display.ToString(), code);
            }

            return new LineShape(0, IsBoundary: true, IsFailureMarker: code is > 0);
        }

        if (display.StartsWith("Done. Your build exited with "))
        {
            int? code = LeadingInt(display["Done. Your build exited with ".Length..]);
            Formats |= LogFormats.Travis;
            if (code is 0)
            {
                DeclaredSuccess = true;
            }
            else
            {
                AddMarker(line, display.ToString(), code);
            }

            return new LineShape(0, IsBoundary: true, IsFailureMarker: code is not 0);
        }

        if (trimmed.StartsWith("ERROR: failed to solve:") || trimmed.StartsWith("error: failed to solve:") || trimmed.StartsWith("failed to solve:"))
        {
            Formats |= LogFormats.BuildKit;
            AddMarker(line, trimmed.ToString(), ExitCodeAfter(trimmed, "exit code: "));
            return new LineShape(0, IsBoundary: false, IsFailureMarker: true);
        }

        int servicePrefix = ComposeServicePrefixLength(display);
        if (servicePrefix > 0)
        {
            Formats |= LogFormats.Compose;
            return new LineShape(servicePrefix, IsBoundary: false, IsFailureMarker: false);
        }

        if (currentCi is null && steps.Count == 0 && display.StartsWith("Current runner version:"))
        {
            Formats |= LogFormats.GitHubActions;
            StartCi("Set up job", line);
        }
        else if (display.StartsWith("Post job cleanup.") || display.StartsWith("Cleaning up orphan processes"))
        {
            StartCi(display.StartsWith("Post") ? "Post job cleanup" : "Complete job", line);
        }

        return default;
    }

    /// <summary>The compose service name of a line such as "crawl4ai-mcp-server  | exec ...", or null.</summary>
    public static string? ComposeService(ReadOnlySpan<char> display)
    {
        int length = ComposeServicePrefixLength(display);
        return length == 0 ? null : display[..display.IndexOf(' ')].ToString();
    }

    private static readonly SearchValues<char> ServiceNameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    /// <summary>"name  | ": a name of letters, digits, '-', '_', '.', then spaces, a bar and a space.</summary>
    private static int ComposeServicePrefixLength(ReadOnlySpan<char> display)
    {
        var head = display[..Math.Min(display.Length, 80)];
        int i = head.IndexOfAnyExcept(ServiceNameChars);
        if (i < 0)
        {
            i = head.Length;
        }

        if (i == 0 || i >= display.Length || display[i] != ' ')
        {
            return 0;
        }

        while (i < display.Length && display[i] == ' ')
        {
            i++;
        }

        if (i + 1 < display.Length && display[i] == '|' && display[i + 1] == ' ')
        {
            return i + 2;
        }

        return i < display.Length && display[i] == '|' && i + 1 == display.Length ? i + 1 : 0;
    }

    private static (string Path, int Line)? DockerfileExcerptHeader(ReadOnlySpan<char> display)
    {
        // "Dockerfile:12" or "deployment/Dockerfile.prod:25", alone on its line, then " 12 | >>> RUN ..."
        int colon = display.LastIndexOf(':');
        if (colon <= 0 || colon == display.Length - 1 || display.Contains(' '))
        {
            return null;
        }

        var path = display[..colon];
        int slash = path.LastIndexOf('/');
        var name = path[(slash + 1)..];
        bool dockerfileName = name.StartsWith("Dockerfile") || name.EndsWith(".Dockerfile") || name.EndsWith(".dockerfile") || name.StartsWith("Containerfile");
        if (!dockerfileName || !int.TryParse(display[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int line))
        {
            return null;
        }

        return (path.ToString(), line);
    }

    private void StartCi(string name, int line)
    {
        if (currentCi is not null)
        {
            currentCi.EndLine = Math.Max(currentCi.StartLine, line - 1);
        }

        currentCi = new LogStep(name, StepKind.Ci, line);
        currentDocker = null;
        AddStep(currentCi);
    }

    private void AddStep(LogStep step)
    {
        if (steps.Count < MaxSteps)
        {
            steps.Add(step);
        }
    }

    private void FailStep(int line, string text, int? code)
    {
        AddMarker(line, text, code);
        if (currentCi is not null && code is not 0)
        {
            currentCi.Failed = true;
            currentCi.ExitCode = code;
        }
    }

    private void AddMarker(int line, string text, int? code)
    {
        if (markers.Count < MaxMarkers && code is not 0)
        {
            markers.Add(new FailureMarker(line, text.Length > 500 ? text[..500] : text, code));
        }
    }

    private static int? ExitCodeAfter(ReadOnlySpan<char> text, string label)
    {
        int index = text.LastIndexOf(label);
        return index < 0 ? null : LeadingInt(text[(index + label.Length)..]);
    }

    private static int? LeadingInt(ReadOnlySpan<char> text)
    {
        int end = 0;
        while (end < text.Length && end < 10 && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end > 0 && int.TryParse(text[..end], NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;
    }

    private static bool IsDecimal(ReadOnlySpan<char> text)
    {
        bool digit = false;
        foreach (char c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digit = true;
            }
            else if (c != '.')
            {
                return false;
            }
        }

        return digit;
    }
}
