using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Drydock.Python.Packaging;

public enum TomlNodeKind
{
    Table,
    Array,
    String,
    Other,
}

/// <summary>
/// A TOML value with the span [Start, End) it was written at (offsets into the file text). Built from Tomlyn's
/// lossless syntax tree, so that findings point at the exact key or array item.
/// </summary>
public sealed class TomlNode
{
    internal TomlNode(TomlNodeKind kind, int start, int end, string? text)
    {
        Kind = kind;
        Start = start;
        End = end;
        Text = text;
    }

    public TomlNodeKind Kind { get; }

    public int Start { get; internal set; }

    public int End { get; internal set; }

    /// <summary>A string's value; the literal text of numbers, booleans and dates.</summary>
    public string? Text { get; }

    /// <summary>Where the key naming this value starts (the key of <c>key = value</c> or the table header).</summary>
    public int KeyStart { get; internal set; }

    public Dictionary<string, TomlNode> Children { get; } = new(StringComparer.Ordinal);

    public List<TomlNode> Items { get; } = [];

    public TomlNode? this[string key] => Children.TryGetValue(key, out var child) ? child : null;

    /// <summary>Follows dotted keys: <c>Get("tool", "poetry", "dependencies")</c>.</summary>
    public TomlNode? Get(params string[] path)
    {
        var node = this;
        foreach (string key in path)
        {
            node = node?[key];
        }

        return node;
    }

    public string? String(params string[] path) => Get(path) is { Kind: TomlNodeKind.String } node ? node.Text : null;

    public IEnumerable<TomlNode> StringItems(params string[] path) =>
        Get(path) is { Kind: TomlNodeKind.Array } array ? array.Items.Where(item => item.Kind == TomlNodeKind.String) : [];
}

/// <summary>A parsed TOML file: its root table and the syntax errors Tomlyn reported (offset, message).</summary>
public sealed record TomlDocument(TomlNode Root, IReadOnlyList<(int Offset, string Message)> Errors)
{
    public static TomlDocument Parse(string text, string path)
    {
        var errors = new List<(int, string)>();
        var root = new TomlNode(TomlNodeKind.Table, 0, text.Length, null);
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(text, path, true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new TomlDocument(root, [(0, e.Message)]);
        }

        foreach (var message in document.Diagnostics)
        {
            if (message.Kind == DiagnosticMessageKind.Error) { errors.Add((Math.Clamp(message.Span.Offset, 0, text.Length), message.Message)); }
        }

        foreach (var keyValue in document.KeyValues) { AddKeyValue(root, keyValue); }
        foreach (var table in document.Tables)
        {
            if (table.Name is null) { continue; }
            var keys = KeyParts(table.Name);
            if (keys.Count == 0) { continue; }
            var parent = root;
            for (int k = 0; k < keys.Count - 1; k++) { parent = Child(parent, keys[k], TomlNodeKind.Table, table.Span.Start.Offset); }
            TomlNode target;
            if (table is TableArraySyntax)
            {
                var array = Child(parent, keys[^1], TomlNodeKind.Array, table.Span.Start.Offset);
                target = new TomlNode(TomlNodeKind.Table, table.Span.Start.Offset, table.Span.End.Offset + 1, null) { KeyStart = table.Span.Start.Offset };
                array.Items.Add(target);
            }
            else
            {
                target = Child(parent, keys[^1], TomlNodeKind.Table, table.Span.Start.Offset);
                target.Start = target.KeyStart = table.Span.Start.Offset;
                target.End = table.Span.End.Offset + 1;
            }

            foreach (var keyValue in table.Items) { AddKeyValue(target, keyValue); }
        }

        return new TomlDocument(root, errors);
    }

    private static TomlNode Child(TomlNode parent, string key, TomlNodeKind kind, int offset)
    {
        if (!parent.Children.TryGetValue(key, out var child))
        {
            child = new TomlNode(kind, offset, offset, null) { KeyStart = offset };
            parent.Children[key] = child;
        }

        return child;
    }

    private static List<string> KeyParts(KeySyntax key)
    {
        var parts = new List<string>();
        if (key.Key is { } first) { parts.Add(KeyText(first)); }
        if (key.DotKeys is { } dotted)
        {
            foreach (var item in dotted)
            {
                if (item.Key is { } part) { parts.Add(KeyText(part)); }
            }
        }

        return parts;
    }

    private static string KeyText(BareKeyOrStringValueSyntax key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax text => text.Value ?? "",
        _ => "",
    };

    private static void AddKeyValue(TomlNode table, KeyValueSyntax? keyValue)
    {
        if (keyValue?.Key is null || keyValue.Value is null) { return; }
        var keys = KeyParts(keyValue.Key);
        if (keys.Count == 0) { return; }
        var parent = table;
        int keyStart = keyValue.Span.Start.Offset;
        for (int k = 0; k < keys.Count - 1; k++) { parent = Child(parent, keys[k], TomlNodeKind.Table, keyStart); }
        var value = Convert(keyValue.Value);
        value.KeyStart = keyStart;
        parent.Children[keys[^1]] = value;
    }

    private static TomlNode Convert(ValueSyntax value)
    {
        int start = value.Span.Start.Offset, end = value.Span.End.Offset + 1;
        switch (value)
        {
            case StringValueSyntax text:
                return new TomlNode(TomlNodeKind.String, start, end, text.Value);
            case ArraySyntax array:
                var node = new TomlNode(TomlNodeKind.Array, start, end, null);
                if (array.Items is { } items)
                {
                    foreach (var item in items)
                    {
                        if (item.Value is { } itemValue) { node.Items.Add(Convert(itemValue)); }
                    }
                }

                return node;
            case InlineTableSyntax inline:
                var table = new TomlNode(TomlNodeKind.Table, start, end, null);
                if (inline.Items is { } entries)
                {
                    foreach (var entry in entries) { AddKeyValue(table, entry.KeyValue); }
                }

                return table;
            default:
                return new TomlNode(TomlNodeKind.Other, start, end, value.ToString()?.Trim());
        }
    }
}
