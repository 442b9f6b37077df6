using Drydock.Findings;

namespace Drydock.Logs.Model;

/// <summary>The lines of a log that prove a diagnosis: 1-based, inclusive, counted at '\n' only.</summary>
public sealed record Evidence(string Path, int StartLine, int EndLine, IReadOnlyList<string> Lines);

/// <summary>A job (one log, or one job of a run zip) and the step it failed in.</summary>
public sealed record JobRef(string Name, string Path, string? Step, int? ExitCode);

/// <summary>
/// One root cause found in one or more logs. <see cref="Jobs"/> lists every job that failed for it;
/// <see cref="Related"/> points into the repository (the test module, the Dockerfile instruction, the workflow
/// step) and cites <c>drydock check</c> findings at those places.
/// </summary>
public sealed record Diagnosis
{
    public required string RuleId { get; init; }

    public required string Name { get; init; }

    public required string Title { get; init; }

    /// <summary>Specific to this failure: names the package, the module, the service, the exit code.</summary>
    public required string Message { get; init; }

    public required string Category { get; init; }

    public required double Confidence { get; init; }

    public required Evidence Evidence { get; init; }

    public required IReadOnlyList<JobRef> Jobs { get; init; }

    public IReadOnlyList<RelatedLocation> Related { get; init; } = [];

    /// <summary>The cause in plain words.</summary>
    public required string Cause { get; init; }

    public required string Fix { get; init; }

    /// <summary>Check findings at the related places, cited with their own fix.</summary>
    public IReadOnlyList<Finding> CitedFindings { get; init; } = [];

    /// <summary>True when no known signature matched and the general extractor chose the chunk.</summary>
    public bool IsGeneral { get; init; }

    /// <summary>Per-file counts for lint output ("src/app.py: 12 (E128 x8, E122 x4)").</summary>
    public IReadOnlyList<string> Summary { get; init; } = [];

    /// <summary>Other signatures that matched inside the same chunk (the symptom lines a cause explains).</summary>
    public IReadOnlyList<string> AlsoMatched { get; init; } = [];

    public string DocPath => $"docs/rules/{RuleId}.md";

    /// <summary>For apt failures (LG120, LG121): the packages and build facts, to advise again from the Dockerfile.</summary>
    internal Analysis.AptContext? Apt { get; init; }
}

/// <summary>A log that could not be diagnosed (LG000): unreadable, binary, empty, over a limit.</summary>
public sealed record LogProblem(string Path, string Message)
{
    public const string RuleId = "LG000";
    public const string Name = "log-unreadable";
}

/// <summary>How one job ended.</summary>
public sealed record JobOutcome(string Name, string Path, bool Failed, string? FailedStep, int? ExitCode, long Lines, string Formats);

/// <summary>The answer of <c>drydock diagnose</c>.</summary>
public sealed record DiagnoseResult(
    IReadOnlyList<Diagnosis> Diagnoses,
    IReadOnlyList<JobOutcome> Jobs,
    IReadOnlyList<LogProblem> Problems)
{
    public IEnumerable<JobOutcome> Passed => Jobs.Where(job => !job.Failed);

    public IEnumerable<JobOutcome> Failed => Jobs.Where(job => job.Failed);

    public bool FailureDiagnosed => Diagnoses.Count > 0;

    /// <summary>What the reader had to do to a log (cut overlong lines), said plainly.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
