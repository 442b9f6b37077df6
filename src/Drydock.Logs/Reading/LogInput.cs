namespace Drydock.Logs.Reading;

/// <summary>One log to diagnose: where it came from, the job it belongs to, and how to open it (once per scan).</summary>
public sealed class LogInput
{
    /// <summary>What reports show: "logs/build.log", "run.zip!build (3.9).txt", "-".</summary>
    public required string Path { get; init; }

    /// <summary>The CI job: from the run zip's file name, or the log's file name without extensions.</summary>
    public required string JobName { get; init; }

    public required Func<Stream> Open { get; init; }

    /// <summary>For a job of a GitHub Actions run zip: first line of each step file -> the step's name.</summary>
    public IReadOnlyDictionary<string, string>? StepNamesByFirstLine { get; init; }

    public override string ToString() => Path;
}

/// <summary>An input that cannot be read at all (a missing file, a zip bomb): reported as LG000, never thrown past the engine.</summary>
public sealed class LogInputException(string message) : Exception(message);
