namespace Drydock.Init;

public enum PackageManager
{
    Pip,
    Poetry,
    Uv,
}

public enum ServiceKind
{
    /// <summary>An HTTP app served on a port (FastAPI, Flask...).</summary>
    Web,

    /// <summary>A long-running worker that connects out (Temporal, Celery...).</summary>
    Worker,

    /// <summary>A program with an entry point and nothing to probe.</summary>
    Program,
}

/// <summary>What `drydock init` learned about a project: everything the templates need, and why.</summary>
public sealed record ProjectProfile
{
    public required string Name { get; init; }

    public required PackageManager Manager { get; init; }

    public required PythonImageChoice Image { get; init; }

    public required string RequiresPython { get; init; }

    public string? RequirementsFile { get; init; }

    /// <summary>True when the project can be installed with pip (it has a [build-system] or Poetry packages).</summary>
    public bool Installable { get; init; }

    /// <summary>Folders (or single modules) holding the code, relative to the project root: "src", or "pkg", "app.py".</summary>
    public required IReadOnlyList<string> SourcePaths { get; init; }

    /// <summary>Files the build needs beside the sources to install the project (README named in pyproject, ...).</summary>
    public IReadOnlyList<string> ProjectFiles { get; init; } = [];

    /// <summary>What PYTHONPATH the runtime needs to import the code from /app.</summary>
    public required string PythonPath { get; init; }

    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Why this command: "[project.scripts] agent-runner", "FastAPI app in inventory_api/app.py".</summary>
    public required string CommandReason { get; init; }

    public required ServiceKind Kind { get; init; }

    public int Port { get; init; }

    public string? HealthRoute { get; init; }

    public bool UsesRedis { get; init; }

    public bool UsesPostgres { get; init; }

    public bool HasTests { get; init; }

    public string? TestExtra { get; init; }

    public required string DefaultBranch { get; init; }

    /// <summary>Things the user should know: facts init could not settle from the files alone.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
