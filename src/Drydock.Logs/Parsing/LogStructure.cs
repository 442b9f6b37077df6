namespace Drydock.Logs.Parsing;

/// <summary>The log formats recognised. A log can hold several (a GitHub Actions job running a BuildKit build).</summary>
[Flags]
public enum LogFormats
{
    Plain = 0,
    GitHubActions = 1,
    GitLab = 2,
    Travis = 4,
    Jenkins = 8,
    BuildKit = 16,
    LegacyBuilder = 32,
    Compose = 64,
}

public enum StepKind
{
    /// <summary>A CI step: a GitHub Actions step, a GitLab section, a Travis fold, a Jenkins stage.</summary>
    Ci,

    /// <summary>A Docker build step: a BuildKit vertex or a legacy builder "Step n/m".</summary>
    DockerBuild,
}

/// <summary>A step of a log, 1-based lines in the original file.</summary>
public sealed class LogStep
{
    public LogStep(string name, StepKind kind, int startLine)
    {
        Name = name;
        Kind = kind;
        StartLine = startLine;
        EndLine = startLine;
    }

    public string Name { get; }

    public StepKind Kind { get; }

    public int StartLine { get; }

    public int EndLine { get; internal set; }

    public int? ExitCode { get; internal set; }

    public bool Failed { get; internal set; }

    /// <summary>For a Docker build step: the instruction as the builder printed it ("RUN apt-get update").</summary>
    public string? Instruction { get; init; }

    /// <summary>For a BuildKit step of a multi-platform build: "linux/arm64".</summary>
    public string? Platform { get; init; }

    /// <summary>The BuildKit vertex number ("#5"), to attach its output and its ERROR line.</summary>
    internal int Vertex { get; init; }

    public bool Contains(int line) => line >= StartLine && line <= EndLine;

    public override string ToString() => Name;
}

/// <summary>A line that says the job, step or build failed (the symptom, not the cause).</summary>
public sealed record FailureMarker(int Line, string Text, int? ExitCode);

/// <summary>An excerpt of the Dockerfile that BuildKit prints under a failed step ("Dockerfile:12").</summary>
public sealed record DockerfileExcerpt(int LogLine, string DockerfilePath, int DockerfileLine);
