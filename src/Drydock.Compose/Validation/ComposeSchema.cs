using System.Text.Json;
using System.Text.RegularExpressions;
using Drydock.Knowledge;

namespace Drydock.Compose.Validation;

/// <summary>A type in Drydock's compose schema language (see compose-spec-keys.json, "typeSyntax").</summary>
public abstract record SchemaType;

public sealed record PrimitiveType(string Name) : SchemaType;

public sealed record ListType(SchemaType Item) : SchemaType;

public sealed record MapType(SchemaType Value) : SchemaType;

public sealed record ReferenceType(string Name) : SchemaType;

public sealed record UnionType(IReadOnlyList<SchemaType> Alternatives) : SchemaType;

/// <summary>A named definition: an object with known keys, a string enumeration, or an alias of a type expression.</summary>
public sealed record SchemaDefinition(
    string Name,
    IReadOnlyDictionary<string, SchemaType>? Keys,
    bool AllowsExtensions,
    IReadOnlyList<string> Required,
    IReadOnlyDictionary<string, Regex> NamedMaps,
    IReadOnlyList<string>? EnumValues,
    IReadOnlyList<Regex> EnumPatterns,
    SchemaType? Alias)
{
    public bool IsObject => Keys is not null;

    public bool IsEnum => EnumValues is not null;
}

/// <summary>The compose structure knowledge, loaded from the embedded compose-spec-keys.json.</summary>
public sealed class ComposeSchema
{
    public static readonly IReadOnlySet<string> Primitives = new HashSet<string>(StringComparer.Ordinal)
    {
        "string", "integer", "number", "boolean", "scalar", "any", "null", "duration",
    };

    private static readonly Lazy<ComposeSchema> Embedded = new(() => Load(KnowledgeFile.Open(typeof(ComposeSchema).Assembly, "compose-spec-keys.json")));

    private ComposeSchema(IReadOnlyDictionary<string, SchemaDefinition> definitions, string root)
    {
        Definitions = definitions;
        Root = root;
    }

    public static ComposeSchema Default => Embedded.Value;

    public IReadOnlyDictionary<string, SchemaDefinition> Definitions { get; }

    public string Root { get; }

    public SchemaDefinition Definition(string name) =>
        Definitions.TryGetValue(name, out var definition) ? definition : throw new KnowledgeException($"compose-spec-keys.json: no definition '{name}'");

    public static ComposeSchema Load(JsonDocument document)
    {
        using (document)
        {
            var root = document.RootElement;
            string rootName = KnowledgeFile.RequiredString(root, "root", "compose-spec-keys.json");
            var definitions = new Dictionary<string, SchemaDefinition>(StringComparer.Ordinal);
            foreach (var property in root.GetProperty("definitions").EnumerateObject())
            {
                definitions[property.Name] = ReadDefinition(property.Name, property.Value);
            }

            var schema = new ComposeSchema(definitions, rootName);
            schema.CheckReferences();
            return schema;
        }
    }

    public static SchemaType ParseType(string expression)
    {
        int position = 0;
        var type = ParseUnion(expression, ref position);
        if (position != expression.Length)
        {
            throw new KnowledgeException($"compose-spec-keys.json: unexpected '{expression[position..]}' in type '{expression}'");
        }

        return type;
    }

    private static SchemaDefinition ReadDefinition(string name, JsonElement element)
    {
        string context = $"compose-spec-keys.json definition '{name}'";
        Dictionary<string, SchemaType>? keys = null;
        if (element.TryGetProperty("keys", out var keysElement))
        {
            keys = new Dictionary<string, SchemaType>(StringComparer.Ordinal);
            foreach (var key in keysElement.EnumerateObject())
            {
                keys[key.Name] = ParseType(key.Value.GetString() ?? throw new KnowledgeException($"{context}: key '{key.Name}' needs a type string"));
            }
        }

        var namedMaps = new Dictionary<string, Regex>(StringComparer.Ordinal);
        if (element.TryGetProperty("namedMaps", out var maps))
        {
            foreach (var map in maps.EnumerateObject())
            {
                namedMaps[map.Name] = new Regex(map.Value.GetString()!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
        }

        IReadOnlyList<string>? enumValues = element.TryGetProperty("enum", out _) ? KnowledgeFile.StringArray(element, "enum") : null;
        var patterns = KnowledgeFile.StringArray(element, "patterns").Select(pattern => new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))).ToList();
        SchemaType? alias = element.TryGetProperty("type", out var typeElement) ? ParseType(typeElement.GetString() ?? "") : null;
        if ((keys is null ? 0 : 1) + (enumValues is null ? 0 : 1) + (alias is null ? 0 : 1) != 1)
        {
            throw new KnowledgeException($"{context}: needs exactly one of 'keys', 'enum' or 'type'");
        }

        bool extensions = element.TryGetProperty("extensions", out var ext) && ext.ValueKind == JsonValueKind.True;
        return new SchemaDefinition(name, keys, extensions, KnowledgeFile.StringArray(element, "required"), namedMaps, enumValues, patterns, alias);
    }

    private static SchemaType ParseUnion(string text, ref int position)
    {
        var alternatives = new List<SchemaType> { ParseTerm(text, ref position) };
        while (position < text.Length && text[position] == '|')
        {
            position++;
            alternatives.Add(ParseTerm(text, ref position));
        }

        return alternatives.Count == 1 ? alternatives[0] : new UnionType(alternatives);
    }

    private static SchemaType ParseTerm(string text, ref int position)
    {
        int start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '_' or '@'))
        {
            position++;
        }

        string word = text[start..position];
        if (position < text.Length && text[position] == '<')
        {
            position++;
            var inner = ParseUnion(text, ref position);
            if (position >= text.Length || text[position] != '>')
            {
                throw new KnowledgeException($"compose-spec-keys.json: missing '>' in type '{text}'");
            }

            position++;
            return word switch
            {
                "list" => new ListType(inner),
                "map" => new MapType(inner),
                _ => throw new KnowledgeException($"compose-spec-keys.json: unknown generic '{word}' in '{text}'"),
            };
        }

        if (word.StartsWith('@'))
        {
            return new ReferenceType(word[1..]);
        }

        return Primitives.Contains(word) ? new PrimitiveType(word) : throw new KnowledgeException($"compose-spec-keys.json: unknown type '{word}' in '{text}'");
    }

    private void CheckReferences()
    {
        void Check(SchemaType type, string where)
        {
            switch (type)
            {
                case ReferenceType reference when !Definitions.ContainsKey(reference.Name):
                    throw new KnowledgeException($"compose-spec-keys.json: {where} refers to unknown definition '{reference.Name}'");
                case ListType list: Check(list.Item, where); break;
                case MapType map: Check(map.Value, where); break;
                case UnionType union: union.Alternatives.ToList().ForEach(alternative => Check(alternative, where)); break;
            }
        }

        _ = Definition(Root);
        foreach (var definition in Definitions.Values)
        {
            foreach (var (key, type) in definition.Keys ?? new Dictionary<string, SchemaType>())
            {
                Check(type, $"{definition.Name}.{key}");
            }

            if (definition.Alias is not null)
            {
                Check(definition.Alias, definition.Name);
            }
        }
    }
}
