using Drydock.Configuration;
using Drydock.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Drydock.Yaml;

/// <summary>
/// A YAML file parsed with YamlDotNet's representation model, which keeps the start and end mark of every
/// node. Aliases stay shared nodes (never expanded), so a "billion laughs" document costs its own size;
/// code that walks the tree uses <see cref="YamlWalkBudget"/> so that following aliases stays bounded too.
/// </summary>
public sealed class YamlSource
{
    private YamlSource(SourceText text, IReadOnlyList<YamlDocument> documents)
    {
        Text = text;
        Documents = documents;
    }

    public SourceText Text { get; }

    public IReadOnlyList<YamlDocument> Documents { get; }

    /// <summary>The first document's root, or null for an empty file.</summary>
    public YamlNode? Root => Documents.Count > 0 ? Documents[0].RootNode : null;

    /// <summary>
    /// Parses a file. Syntax errors, duplicate keys and tabs used as indentation come back as a problem with
    /// the line and column YamlDotNet reports.
    /// </summary>
    public static bool TryParse(SourceText text, out YamlSource? source, out ReadProblem? problem)
    {
        source = null;
        problem = null;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text.Text));
        }
        catch (YamlException e)
        {
            problem = Locate(text, "invalid YAML: " + CleanMessage(e), (int)e.Start.Line, (int)e.Start.Column);
            return false;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            problem = Locate(text, "invalid YAML: " + e.Message, 1, 1);
            return false;
        }

        source = new YamlSource(text, [.. stream.Documents]);
        return true;
    }

    /// <summary>
    /// A problem at 1:1 usually means YamlDotNet lost the position (tab indentation, an unclosed '['): the
    /// locator replays the event stream to find where the text really breaks.
    /// </summary>
    private static ReadProblem Locate(SourceText text, string message, int line, int column) =>
        line <= 1 && column <= 1 && YamlErrorLocator.Locate(text.Text) is { } located
            ? new ReadProblem(text.Path, "invalid YAML: " + located.Message, Math.Max(1, located.Line), Math.Max(1, located.Column))
            : new ReadProblem(text.Path, message, Math.Max(1, line), Math.Max(1, column));

    /// <summary>Character offsets of a node, for findings and text edits.</summary>
    public static (int Start, int End) Span(YamlNode node) => ((int)node.Start.Index, (int)Math.Max(node.Start.Index, node.End.Index));

    /// <summary>
    /// The suppression map of a YAML file: a <c># drydock ignore=...</c> comment covers the next key and
    /// everything indented below it.
    /// </summary>
    public static SuppressionMap Pragmas(SourceText text) => PragmaScanner.Scan(text, first =>
    {
        string head = text.Line(first);
        int indent = Indent(head);
        // "key:" followed by a block sequence at the same indent ("key:\n- a") still owns that sequence.
        bool ownsSameIndentSequence = head.TrimEnd().EndsWith(':') && !head.TrimStart().StartsWith("- ", StringComparison.Ordinal);
        int last = first;
        for (int line = first + 1; line <= text.LineCount; line++)
        {
            string content = text.Line(line);
            if (content.Trim().Length == 0 || content.TrimStart().StartsWith('#'))
            {
                continue;
            }

            bool sameIndentItem = ownsSameIndentSequence && Indent(content) == indent && content.TrimStart().StartsWith("- ", StringComparison.Ordinal);
            if (Indent(content) <= indent && !sameIndentItem)
            {
                break;
            }

            last = line;
        }

        return last;
    });

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private static string CleanMessage(YamlException e)
    {
        string message = e.Message;
        int at = message.IndexOf(" Line: ", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }
}

/// <summary>
/// A shared budget for walking a YAML tree that may contain aliases: each visited node costs one unit,
/// and the walk stops (with <see cref="Exhausted"/> set) when the budget is spent, so a document of nested
/// aliases cannot make a walk take exponential time.
/// </summary>
public sealed class YamlWalkBudget(int maxNodes = 1_000_000)
{
    private int remaining = maxNodes;

    public bool Exhausted { get; private set; }

    public bool Spend()
    {
        if (remaining-- > 0)
        {
            return true;
        }

        Exhausted = true;
        return false;
    }
}

/// <summary>Small helpers over YamlDotNet nodes that every YAML model uses.</summary>
public static class YamlNodes
{
    /// <summary>
    /// The mapping's entries with YAML merge keys (<c>&lt;&lt;: *base</c>, or a list of them) applied:
    /// explicit keys win over merged ones, and earlier merge sources win over later ones.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, YamlNode>> Entries(YamlMappingNode mapping, YamlWalkBudget? budget = null)
    {
        var explicitKeys = new List<KeyValuePair<string, YamlNode>>();
        var merged = new List<KeyValuePair<string, YamlNode>>();
        foreach (var (key, value) in mapping.Children)
        {
            string name = (key as YamlScalarNode)?.Value ?? "";
            if (IsMergeKey(key, name))
            {
                foreach (var source in value is YamlSequenceNode sequence ? sequence.Children : [value])
                {
                    if (source is YamlMappingNode sourceMap && (budget?.Spend() ?? true))
                    {
                        foreach (var entry in Entries(sourceMap, budget))
                        {
                            if (!merged.Exists(existing => existing.Key == entry.Key))
                            {
                                merged.Add(entry);
                            }
                        }
                    }
                }

                continue;
            }

            explicitKeys.Add(new(name, value));
        }

        foreach (var entry in merged)
        {
            if (!explicitKeys.Exists(existing => existing.Key == entry.Key))
            {
                explicitKeys.Add(entry);
            }
        }

        return explicitKeys;
    }

    public static YamlNode? Get(this YamlMappingNode mapping, string key)
    {
        // Explicit keys win over merged ones: look at them first, and apply merge keys only when none matches.
        bool merges = false;
        foreach (var (keyNode, value) in mapping.Children)
        {
            string name = (keyNode as YamlScalarNode)?.Value ?? "";
            if (IsMergeKey(keyNode, name))
            {
                merges = true;
            }
            else if (name == key)
            {
                return value;
            }
        }

        if (!merges)
        {
            return null;
        }

        foreach (var entry in Entries(mapping))
        {
            if (entry.Key == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>The key node itself (for a precise location), or null.</summary>
    public static YamlScalarNode? KeyNode(this YamlMappingNode mapping, string key)
    {
        foreach (var (keyNode, _) in mapping.Children)
        {
            if (keyNode is YamlScalarNode scalar && scalar.Value == key)
            {
                return scalar;
            }
        }

        return null;
    }

    private static bool IsMergeKey(YamlNode key, string name) =>
        name == "<<" && key is YamlScalarNode { Style: not ScalarStyle.SingleQuoted and not ScalarStyle.DoubleQuoted };

    public static string? ScalarValue(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    /// <summary>The node whose end is where <paramref name="node"/>'s text ends: YamlDotNet gives a block collection the end of its start.</summary>
    public static YamlNode LastDescendant(this YamlNode node) => node switch
    {
        YamlMappingNode { Children.Count: > 0 } mapping => mapping.Children.Last().Value.LastDescendant(),
        YamlSequenceNode { Children.Count: > 0 } sequence => sequence.Children[^1].LastDescendant(),
        _ => node,
    };

    /// <summary>The 1-based line <paramref name="node"/>'s text ends on (a block ends where the next key starts, at column 1 of the following line).</summary>
    public static int LastLine(this YamlNode node)
    {
        var last = node.LastDescendant();
        return last.End.Column <= 1 && last.End.Line > last.Start.Line ? (int)last.End.Line - 1 : (int)last.End.Line;
    }

    /// <summary>True for a plain (unquoted) scalar null: '', '~', 'null'.</summary>
    public static bool IsNull(this YamlNode? node) =>
        node is null || node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };
}
