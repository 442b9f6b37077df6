using Drydock.Compose.Parsing;
using YamlDotNet.RepresentationModel;

namespace Drydock.Compose.Model;

/// <summary>A variable used in a compose value, and where.</summary>
public sealed record VariableUse(ComposeFile File, YamlScalarNode Node, VariableReference Reference);

/// <summary>An <c>include:</c> entry and the file it names (relative to the root), which may not exist.</summary>
public sealed record ComposeInclude(ComposeValue Node, string? Path, bool Exists);

/// <summary>
/// What <c>docker compose up</c> in one folder sees: the main file, its override file, the files they
/// include, merged into one set of services, with the variables of the folder's .env file.
/// </summary>
public sealed class ComposeStack
{
    public required string Directory { get; init; }

    /// <summary>The project name: <c>name:</c> if set, else the folder's name.</summary>
    public required string Name { get; init; }

    /// <summary>The files in load order: main, the files it includes, then overrides (and the files they include).</summary>
    public required IReadOnlyList<ComposeFile> Files { get; init; }

    public required IReadOnlyList<ComposeService> Services { get; init; }

    public required IReadOnlyDictionary<string, ComposeValue> Networks { get; init; }

    public required IReadOnlyDictionary<string, ComposeValue> Volumes { get; init; }

    public required IReadOnlyDictionary<string, ComposeValue> Secrets { get; init; }

    public required IReadOnlyDictionary<string, ComposeValue> Configs { get; init; }

    /// <summary>Variables from the folder's .env file (what compose interpolates with, besides the shell).</summary>
    public required IReadOnlyDictionary<string, DotEnvEntry> Variables { get; init; }

    /// <summary>Names listed in .env.example, .env.sample, .env.template or .env.dist: documented for the user to set.</summary>
    public required IReadOnlySet<string> DocumentedVariables { get; init; }

    public required IReadOnlyList<VariableUse> VariableUses { get; init; }

    public required IReadOnlyList<ComposeInclude> Includes { get; init; }

    public ComposeService? Service(string name) => Services.FirstOrDefault(service => service.Name == name);

    /// <summary>True when a file of this stack is the given path.</summary>
    public bool Contains(string path) => Files.Any(file => file.Path == path);
}
