using Drydock.Compose.Parsing;

namespace Drydock.Compose.Model;

/// <summary>
/// One service after compose's merge: the base of <c>extends</c>, the main file, then override files.
/// Each member keeps the node (and so the file and line) its final value came from.
/// </summary>
public sealed class ComposeService
{
    public required string Name { get; init; }

    /// <summary>The service's key in the first file that defines it.</summary>
    public required ComposeValue NameNode { get; init; }

    /// <summary>The mappings that were merged, base first.</summary>
    public required IReadOnlyList<ServiceLayer> Layers { get; init; }

    public ComposeValue? Image { get; init; }

    public ComposeBuild? Build { get; init; }

    public ComposeCommand? Command { get; init; }

    public ComposeCommand? Entrypoint { get; init; }

    public ComposeHealthcheck? Healthcheck { get; init; }

    public IReadOnlyList<ComposeDependency> DependsOn { get; init; } = [];

    public IReadOnlyList<ComposePort> Ports { get; init; } = [];

    /// <summary><c>expose</c> entries with their parsed range (null when it does not parse).</summary>
    public IReadOnlyList<(ComposeValue Node, PortRange? Range)> Expose { get; init; } = [];

    public IReadOnlyList<ComposeMount> Volumes { get; init; } = [];

    public IReadOnlyList<ComposeKeyValue> Environment { get; init; } = [];

    public IReadOnlyList<ComposeEnvFile> EnvFiles { get; init; } = [];

    public ComposeValue? ContainerName { get; init; }

    public ComposeValue? Platform { get; init; }

    public ComposeValue? Privileged { get; init; }

    public ComposeValue? User { get; init; }

    public ComposeValue? PullPolicy { get; init; }

    public ComposeValue? NetworkMode { get; init; }

    public IReadOnlyList<ComposeReference> Networks { get; init; } = [];

    public IReadOnlyList<ComposeReference> Secrets { get; init; } = [];

    public IReadOnlyList<ComposeReference> Configs { get; init; } = [];

    public IReadOnlyList<string> Profiles { get; init; } = [];

    public ComposeExtends? Extends { get; init; }

    /// <summary>Services with profiles only start when one of them is enabled.</summary>
    public bool IsInDefaultProfile => Profiles.Count == 0;

    public bool IsPrivileged => Privileged?.AsBoolean() == true;

    /// <summary>The image reference after interpolation, or null when it is not set or uses an unset variable.</summary>
    public string? ImageReference => Image?.Value is { Length: > 0 } value ? value : null;
}

/// <summary>One mapping merged into a service, and the file it is in.</summary>
public sealed record ServiceLayer(ComposeFile File, YamlDotNet.RepresentationModel.YamlMappingNode Node);
