using Drydock.Yaml;
using YamlDotNet.RepresentationModel;

namespace Drydock.Workflows.Model;

/// <summary>Character offsets [Start, End) into a workflow file's decoded text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public static TextSpan Of(YamlNode node)
    {
        var (start, end) = YamlSource.Span(node);
        return new TextSpan(start, end);
    }
}

/// <summary>A scalar value of the workflow with the span of its YAML node (quotes included).</summary>
public sealed record PositionedString(string Value, TextSpan Span, YamlNode Node)
{
    public static PositionedString? From(YamlNode? node) =>
        node is YamlScalarNode scalar && !scalar.IsNull() ? new PositionedString(scalar.Value ?? "", TextSpan.Of(scalar), scalar) : null;

    /// <summary>True when the value holds a ${{ }} template, so its run-time value is unknown here.</summary>
    public bool HasExpression => Value.Contains("${{", StringComparison.Ordinal);

    public override string ToString() => Value;
}
