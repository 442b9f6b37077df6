using Drydock.Compose.Parsing;

namespace Drydock.Compose.Model;

/// <summary>The <c>build:</c> of a service (string form: the context only).</summary>
public sealed class ComposeBuild
{
    public required ComposeValue Node { get; init; }

    /// <summary>The <c>context</c> value; null when omitted (then ".").</summary>
    public ComposeValue? Context { get; init; }

    public ComposeValue? Dockerfile { get; init; }

    public ComposeValue? DockerfileInline { get; init; }

    public ComposeValue? Target { get; init; }

    public IReadOnlyList<ComposeKeyValue> Args { get; init; } = [];

    public IReadOnlyList<ComposeValue> Platforms { get; init; } = [];

    /// <summary>The context folder relative to the project root, or null when it is remote (git URL, http) or outside the root.</summary>
    public string? ContextPath { get; init; }

    /// <summary>True when the context is a URL or a git reference that Drydock cannot read.</summary>
    public bool IsRemoteContext { get; init; }

    /// <summary>The Dockerfile relative to the project root (dockerfile is relative to the context), or null when unknown.</summary>
    public string? DockerfilePath { get; init; }
}

/// <summary>A <c>KEY: value</c> or <c>- KEY=value</c> entry (environment, build args, labels).</summary>
public sealed record ComposeKeyValue(string Name, ComposeValue Node, string? Value);

/// <summary><c>command:</c> or <c>entrypoint:</c>, as a list (exec form) or a string (split into words, no shell).</summary>
public sealed class ComposeCommand
{
    public required ComposeValue Node { get; init; }

    public required bool IsList { get; init; }

    public required IReadOnlyList<string> Words { get; init; }

    /// <summary>True for <c>command: []</c> or <c>""</c>, which clears the image's value.</summary>
    public bool IsEmpty => Words.Count == 0;
}

public enum HealthcheckTestForm
{
    /// <summary>No <c>test</c> here: the image's HEALTHCHECK, if any, applies.</summary>
    Inherited,

    /// <summary><c>["CMD", "curl", ...]</c>: run directly.</summary>
    Exec,

    /// <summary><c>["CMD-SHELL", "..."]</c> or a plain string: run with /bin/sh -c.</summary>
    Shell,

    /// <summary><c>["NONE"]</c> or <c>disable: true</c>.</summary>
    Disabled,

    /// <summary>A list whose first item is none of CMD, CMD-SHELL, NONE.</summary>
    Invalid,
}

/// <summary>A duration-valued key (interval, timeout, ...): its node and the parsed value when it parses.</summary>
public sealed record ComposeDurationValue(ComposeValue Node, TimeSpan? Value);

public sealed class ComposeHealthcheck
{
    public required ComposeValue Node { get; init; }

    public ComposeValue? Test { get; init; }

    public HealthcheckTestForm Form { get; init; }

    /// <summary>For Exec: the argv after "CMD". For Shell: the one shell string.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    public ComposeDurationValue? Interval { get; init; }

    public ComposeDurationValue? Timeout { get; init; }

    public ComposeDurationValue? StartPeriod { get; init; }

    public ComposeDurationValue? StartInterval { get; init; }

    public ComposeValue? RetriesNode { get; init; }

    public int? Retries { get; init; }

    public ComposeValue? DisableNode { get; init; }

    public bool IsDisabled => Form == HealthcheckTestForm.Disabled;
}

/// <summary>One <c>depends_on</c> entry.</summary>
public sealed record ComposeDependency(string Service, ComposeValue Node, string Condition, ComposeValue? ConditionNode, bool Required)
{
    public const string ServiceStarted = "service_started";
    public const string ServiceHealthy = "service_healthy";
    public const string ServiceCompletedSuccessfully = "service_completed_successfully";
}

/// <summary>One <c>ports</c> entry; <see cref="Mapping"/> is null when it does not parse (or uses a variable).</summary>
public sealed record ComposePort(ComposeValue Node, PortMapping? Mapping, string? Error);

public enum MountType
{
    Bind,
    Volume,
    Tmpfs,
    Npipe,
    Image,
    Cluster,
}

/// <summary>One <c>volumes</c> entry of a service.</summary>
public sealed record ComposeMount(ComposeValue Node, MountType Type, string? Source, string? Target, bool ReadOnly);

/// <summary>A reference by name to a top-level element (network, secret, config) or to a file.</summary>
public sealed record ComposeReference(string Name, ComposeValue Node);

/// <summary>An <c>env_file</c> entry: path relative to the project root, and whether compose requires it.</summary>
public sealed record ComposeEnvFile(ComposeValue Node, string Path, bool Required);

/// <summary>The <c>extends</c> of a service, as written, and what it resolved to.</summary>
public sealed record ComposeExtends(ComposeValue Node, string Service, string? File, string? Problem);
