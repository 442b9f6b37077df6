using Drydock.Compose.Model;
using Drydock.Compose.Parsing;
using Drydock.Yaml;
using YamlDotNet.RepresentationModel;

namespace Drydock.Compose.Validation;

public enum SchemaProblemKind
{
    /// <summary>A key the specification does not define here.</summary>
    UnknownKey,

    /// <summary>A value of the wrong shape (a list where a mapping is needed), or a required key missing.</summary>
    WrongType,

    /// <summary>The right shape but a value compose rejects (an unknown enum value, a bad duration, a bad name).</summary>
    InvalidValue,
}

/// <summary>One structural problem: the dotted path compose prints, the node to point at, and compose's wording.</summary>
public sealed record SchemaProblem(SchemaProblemKind Kind, string Path, YamlNode Node, string Message);

/// <summary>
/// Checks a compose document against <see cref="ComposeSchema"/>. Each (node, type) pair is checked once,
/// so aliases shared many times (or a YAML bomb) cost their own size only.
/// </summary>
public sealed class SchemaValidator(ComposeSchema schema)
{
    public IReadOnlyList<SchemaProblem> Validate(ComposeFile file)
    {
        var problems = new List<SchemaProblem>();
        if (file.Root is not null)
        {
            new Walk(schema, problems).Check(file.Root, new ReferenceType(schema.Root), "");
        }

        return problems;
    }

    private sealed class Walk(ComposeSchema schema, List<SchemaProblem> problems)
    {
        private readonly HashSet<(YamlNode, SchemaType)> seen = new(new NodeTypeComparer());
        private readonly YamlWalkBudget budget = ComposeFile.NewBudget();

        public void Check(YamlNode node, SchemaType type, string path)
        {
            if (!seen.Add((node, type)) || !budget.Spend())
            {
                return;
            }

            switch (type)
            {
                case UnionType union:
                    CheckUnion(node, union, path);
                    break;
                case ReferenceType reference:
                    CheckDefinition(node, schema.Definition(reference.Name), path);
                    break;
                case ListType list:
                    if (node is not YamlSequenceNode sequence)
                    {
                        WrongType(node, path, "list");
                        break;
                    }

                    for (int i = 0; i < sequence.Children.Count; i++)
                    {
                        Check(sequence.Children[i], list.Item, Join(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    }

                    break;
                case MapType map:
                    if (node is not YamlMappingNode mapping)
                    {
                        WrongType(node, path, "mapping");
                        break;
                    }

                    foreach (var entry in YamlNodes.Entries(mapping, budget))
                    {
                        Check(entry.Value, map.Value, Join(path, entry.Key));
                    }

                    break;
                case PrimitiveType primitive:
                    CheckPrimitive(node, primitive.Name, path);
                    break;
            }
        }

        private void CheckUnion(YamlNode node, UnionType union, string path)
        {
            var fitting = union.Alternatives.Where(alternative => Fits(node, alternative)).ToList();
            if (fitting.Count == 0)
            {
                WrongType(node, path, string.Join(" or ", union.Alternatives.Select(Describe).Distinct()));
                return;
            }

            if (node is YamlScalarNode && fitting.Count > 1)
            {
                // Several scalar forms fit (a string or an enum): accept when any accepts.
                foreach (var alternative in fitting)
                {
                    var trial = new List<SchemaProblem>();
                    new Walk(schema, trial).Check(node, alternative, path);
                    if (trial.Count == 0)
                    {
                        return;
                    }
                }
            }

            Check(node, fitting[0], path);
        }

        private void CheckDefinition(YamlNode node, SchemaDefinition definition, string path)
        {
            if (definition.Alias is not null)
            {
                Check(node, definition.Alias, path);
                return;
            }

            if (definition.IsEnum)
            {
                CheckEnum(node, definition, path);
                return;
            }

            if (node is not YamlMappingNode mapping)
            {
                WrongType(node, path, "mapping");
                return;
            }

            var entries = YamlNodes.Entries(mapping, budget);
            foreach (var (key, value) in entries)
            {
                YamlNode keyNode = (YamlNode?)mapping.KeyNode(key) ?? value;
                if (definition.Keys!.TryGetValue(key, out var keyType))
                {
                    if (definition.NamedMaps.TryGetValue(key, out var namePattern) && value is YamlMappingNode named)
                    {
                        CheckNames(named, namePattern, Join(path, key));
                    }

                    Check(value, keyType, Join(path, key));
                }
                else if (!(definition.AllowsExtensions && key.StartsWith("x-", StringComparison.Ordinal)))
                {
                    problems.Add(new SchemaProblem(SchemaProblemKind.UnknownKey, path, keyNode, $"{Display(path)} additional properties '{key}' not allowed"));
                }
            }

            foreach (string required in definition.Required)
            {
                if (!entries.Any(entry => entry.Key == required))
                {
                    problems.Add(new SchemaProblem(SchemaProblemKind.WrongType, path, mapping, $"{Display(path)} missing property '{required}'"));
                }
            }
        }

        private void CheckNames(YamlMappingNode mapping, System.Text.RegularExpressions.Regex pattern, string path)
        {
            foreach (var key in mapping.Children.Keys.OfType<YamlScalarNode>())
            {
                string name = key.Value ?? "";
                if (name != "<<" && !pattern.IsMatch(name))
                {
                    problems.Add(new SchemaProblem(SchemaProblemKind.InvalidValue, path, key, $"{path} additional properties '{name}' not allowed: names must match {pattern}"));
                }
            }
        }

        private void CheckEnum(YamlNode node, SchemaDefinition definition, string path)
        {
            if (node is not YamlScalarNode scalar || scalar.IsNull())
            {
                WrongType(node, path, "string");
                return;
            }

            string value = scalar.Value ?? "";
            if (definition.EnumValues!.Contains(value) || definition.EnumPatterns.Any(pattern => pattern.IsMatch(value)) || value.Contains('$', StringComparison.Ordinal))
            {
                return;
            }

            string allowed = string.Join(", ", definition.EnumValues!.Select(item => $"\"{item}\""));
            problems.Add(new SchemaProblem(SchemaProblemKind.InvalidValue, path, node, $"{Display(path)} must be one of the following: {allowed}"));
        }

        private void CheckPrimitive(YamlNode node, string name, string path)
        {
            bool isNull = node.IsNull();
            switch (name)
            {
                case "any":
                    return;
                case "null":
                    if (!isNull)
                    {
                        WrongType(node, path, "null");
                    }

                    return;
                case "scalar":
                    if (node is not YamlScalarNode)
                    {
                        WrongType(node, path, "string, number, boolean or null");
                    }

                    return;
            }

            if (node is not YamlScalarNode scalar || isNull)
            {
                WrongType(node, path, Describe(new PrimitiveType(name)));
                return;
            }

            string value = scalar.Value ?? "";
            if (value.Contains('$', StringComparison.Ordinal))
            {
                return;
            }

            if (name == "boolean" && scalar.Style is YamlDotNet.Core.ScalarStyle.Plain && !IsBooleanWord(value))
            {
                WrongType(node, path, "boolean");
            }
            else if (name == "duration" && !ComposeDuration.TryParse(value, out _))
            {
                string detail = value.All(char.IsAsciiDigit) ? $"time: missing unit in duration \"{value}\"" : $"time: invalid duration \"{value}\"";
                problems.Add(new SchemaProblem(SchemaProblemKind.InvalidValue, path, node, $"{Display(path)}: {detail}"));
            }
        }

        private static bool IsBooleanWord(string value) =>
            value.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off";

        private bool Fits(YamlNode node, SchemaType type) => type switch
        {
            PrimitiveType { Name: "any" } => true,
            PrimitiveType { Name: "null" } => node.IsNull(),
            PrimitiveType { Name: "scalar" } => node is YamlScalarNode,
            PrimitiveType => node is YamlScalarNode && !node.IsNull(),
            ListType => node is YamlSequenceNode,
            MapType => node is YamlMappingNode,
            UnionType union => union.Alternatives.Any(alternative => Fits(node, alternative)),
            ReferenceType reference => schema.Definition(reference.Name) switch
            {
                { Alias: { } alias } => Fits(node, alias),
                { IsEnum: true } => node is YamlScalarNode && !node.IsNull(),
                _ => node is YamlMappingNode,
            },
            _ => false,
        };

        private string Describe(SchemaType type) => type switch
        {
            PrimitiveType { Name: "duration" } => "string",
            PrimitiveType { Name: "integer" or "number" } => "number",
            PrimitiveType primitive => primitive.Name,
            ListType => "list",
            MapType => "mapping",
            ReferenceType reference => schema.Definition(reference.Name) switch
            {
                { Alias: { } alias } => Describe(alias),
                { IsEnum: true } => "string",
                _ => "mapping",
            },
            UnionType union => string.Join(" or ", union.Alternatives.Select(Describe).Distinct()),
            _ => "value",
        };

        private void WrongType(YamlNode node, string path, string expected) =>
            problems.Add(new SchemaProblem(SchemaProblemKind.WrongType, path, node, $"{Display(path)} must be a {expected}"));

        private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

        private static string Display(string path) => path.Length == 0 ? "(root)" : path;
    }

    private sealed class NodeTypeComparer : IEqualityComparer<(YamlNode Node, SchemaType Type)>
    {
        public bool Equals((YamlNode Node, SchemaType Type) x, (YamlNode Node, SchemaType Type) y) =>
            ReferenceEquals(x.Node, y.Node) && x.Type.Equals(y.Type);

        public int GetHashCode((YamlNode Node, SchemaType Type) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Node), obj.Type.GetHashCode());
    }
}
