using Drydock.Findings;
using Drydock.Logs.Reading;

namespace Drydock.Logs.Analysis;

/// <summary>What <c>drydock diagnose</c> was asked to do.</summary>
public sealed record DiagnoseOptions
{
    /// <summary>The repository the logs came from (--repo), to point at files and lines; null for none.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary><c>drydock check</c> findings of that repository: a diagnosis cites those at its places.</summary>
    public IReadOnlyList<Finding> CheckFindings { get; init; } = [];

    /// <summary>
    /// Rule ids or names never reported (<c>.drydock.yaml</c> <c>ignore:</c> of the repository). An ignored signature
    /// is not matched at all, so the next explanation of the failure comes through instead.
    /// </summary>
    public IReadOnlySet<string> IgnoredRules { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Told how far the scan is, every few megabytes and after each log (from several threads: keep it cheap).</summary>
    public IProgress<DiagnoseProgress>? Progress { get; init; }

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    public ScanOptions Scan { get; init; } = new();

    public ArchiveLimits Archives { get; init; } = new();

    /// <summary>Secondary root causes reported per log besides the first (non-overlapping, other signatures).</summary>
    public int MaxSecondaryPerLog { get; init; } = 3;
}

/// <summary>How far a diagnose run is: bytes read across all logs so far, and logs finished of all logs.</summary>
public readonly record struct DiagnoseProgress(long BytesRead, int LogsDone, int LogsTotal);
