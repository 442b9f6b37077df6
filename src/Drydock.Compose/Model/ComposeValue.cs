using Drydock.Compose.Parsing;
using Drydock.Findings;
using Drydock.Yaml;
using YamlDotNet.RepresentationModel;

namespace Drydock.Compose.Model;

/// <summary>
/// A node of a compose file with where it came from (which file: values of one service may come from
/// several files once overrides and <c>extends</c> are merged), its raw text and, for scalars, its value
/// after interpolation with the stack's variables.
/// </summary>
public sealed class ComposeValue
{
    public ComposeValue(ComposeFile file, YamlNode node, Func<string, string?> variables)
    {
        File = file;
        Node = node;
        Raw = (node as YamlScalarNode)?.Value;
        if (Raw is not null && Interpolation.MayContainVariables(Raw))
        {
            Value = Interpolation.Interpolate(Raw, variables).Value;
        }
        else
        {
            Value = Raw;
        }
    }

    public ComposeFile File { get; }

    public YamlNode Node { get; }

    /// <summary>The scalar's text as written; null for a mapping or a sequence.</summary>
    public string? Raw { get; }

    /// <summary>The scalar after interpolation (unset variables become empty, as compose does).</summary>
    public string? Value { get; }

    public bool IsScalar => Node is YamlScalarNode;

    /// <summary>True when the raw value uses a variable, so the final value is only known at run time.</summary>
    public bool IsInterpolated => Raw is not null && Raw.Replace("$$", "", StringComparison.Ordinal).Contains('$', StringComparison.Ordinal);

    public (int Start, int End) Span => YamlSource.Span(Node);

    public SourceLocation Location => File.Locate(Node);

    public bool? AsBoolean() => Value?.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => null,
    };

    public override string ToString() => Value ?? ComposeFile.NodeKind(Node);
}
