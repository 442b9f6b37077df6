using Drydock.Logs.Parsing;
using Drydock.Logs.Reading;

namespace Drydock.Logs.Analysis;

/// <summary>Everything one pass over one log learned: structure, signature hits, general blocks.</summary>
public sealed class LogScan
{
    public required LogInput Input { get; init; }

    public long Lines { get; init; }

    public long Bytes { get; init; }

    public long TruncatedLines { get; init; }

    public LogFormats Formats { get; init; }

    public IReadOnlyList<LogStep> Steps { get; init; } = [];

    public IReadOnlyList<FailureMarker> FailureMarkers { get; init; } = [];

    public IReadOnlyList<DockerfileExcerpt> DockerfileExcerpts { get; init; } = [];

    public IReadOnlyList<SignatureHit> Hits { get; init; } = [];

    /// <summary>Base images the build in the log named (BuildKit metadata loads and FROM steps), digests removed.</summary>
    public IReadOnlyList<string> BaseImages { get; init; } = [];

    /// <summary>The day of the log's first GitHub Actions timestamp: which release a moving tag meant then.</summary>
    public DateOnly? Date { get; init; }

    public IReadOnlyList<GeneralBlock> Blocks { get; init; } = [];

    /// <summary>Why the log could not be analysed (LG000), or null.</summary>
    public string? Problem { get; init; }

    public bool DeclaredSuccess { get; init; }

    /// <summary>
    /// Whether the log failed: a CI format says so (an exit code, a failed job), or, for logs without a CI
    /// frame (a compose or build output), a known root cause matched.
    /// </summary>
    public bool Failed
    {
        get
        {
            if (Problem is not null)
            {
                return false;
            }

            if (FailureMarkers.Count > 0 || Steps.Any(step => step.Failed))
            {
                return true;
            }

            bool ciFrame = (Formats & (LogFormats.GitHubActions | LogFormats.GitLab | LogFormats.Travis | LogFormats.Jenkins)) != 0;
            return !ciFrame && !DeclaredSuccess && Hits.Any(hit => !hit.Signature.Symptom);
        }
    }

    /// <summary>The CI step that failed (the first one that declared it), or null for logs without steps.</summary>
    public LogStep? FailingStep =>
        Steps.FirstOrDefault(step => step.Kind == StepKind.Ci && step.Failed && step.ExitCode is not null)
        ?? Steps.FirstOrDefault(step => step.Kind == StepKind.Ci && step.Failed)
        ?? (FailureMarkers.Count > 0 ? Steps.LastOrDefault(step => step.Kind == StepKind.Ci && step.Contains(FailureMarkers[0].Line)) : null);

    public LogStep? FailingDockerStep => Steps.FirstOrDefault(step => step.Kind == StepKind.DockerBuild && step.Failed);

    public int? ExitCode => FailingStep?.ExitCode ?? FailureMarkers.FirstOrDefault(marker => marker.ExitCode is not null)?.ExitCode;
}
