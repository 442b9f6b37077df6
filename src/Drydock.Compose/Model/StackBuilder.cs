using Drydock.Analysis;
using Drydock.Compose.Parsing;
using Drydock.Yaml;
using YamlDotNet.RepresentationModel;

namespace Drydock.Compose.Model;

/// <summary>Builds one <see cref="ComposeStack"/>: loads includes, resolves <c>extends</c>, merges services.</summary>
internal sealed class StackBuilder(Project project, Func<string, ComposeFile> load, string directory)
{
    private const int MaxExtendsDepth = 16;

    private readonly List<ComposeFile> files = [];
    private readonly List<ComposeInclude> includes = [];
    private Dictionary<string, DotEnvEntry> variables = new(StringComparer.Ordinal);

    public ComposeStack Build(IReadOnlyList<string> paths)
    {
        foreach (var entry in ComposeSet.ReadEnvFile(project, ComposeSet.Join(directory, ".env")))
        {
            variables[entry.Name] = entry;
        }

        var documented = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in ComposeSet.DocumentedEnvFileNames)
        {
            documented.UnionWith(ComposeSet.ReadEnvFile(project, ComposeSet.Join(directory, name)).Select(entry => entry.Name));
        }

        foreach (string path in paths)
        {
            AddFile(load(path));
        }

        var usable = files.Where(file => file.IsUsable).ToList();
        var order = new List<string>();
        var layers = new Dictionary<string, List<ServiceLayer>>(StringComparer.Ordinal);
        var nameNodes = new Dictionary<string, ComposeValue>(StringComparer.Ordinal);
        foreach (var file in usable)
        {
            foreach (var (name, keyNode, mapping) in ServiceMappings(file))
            {
                if (!layers.TryGetValue(name, out var list))
                {
                    layers[name] = list = [];
                    order.Add(name);
                    nameNodes[name] = Wrap(file, keyNode);
                }

                list.Add(new ServiceLayer(file, mapping));
            }
        }

        var services = order.Select(name =>
        {
            var own = layers[name];
            var (baseLayers, extends) = ResolveExtends(own, 0);
            return new ServiceReader([.. baseLayers, .. own], Lookup, project.Root).Read(name, nameNodes[name], extends);
        }).ToList();

        string? projectName = usable.Select(file => TopLevel(file, "name")?.ScalarValue()).LastOrDefault(name => !string.IsNullOrEmpty(name));
        return new ComposeStack
        {
            Directory = directory,
            Name = projectName ?? (directory.Length == 0 ? Path.GetFileName(project.Root) : directory[(directory.LastIndexOf('/') + 1)..]),
            Files = files,
            Services = services,
            Networks = Declared(usable, "networks"),
            Volumes = Declared(usable, "volumes"),
            Secrets = Declared(usable, "secrets"),
            Configs = Declared(usable, "configs"),
            Variables = variables,
            DocumentedVariables = documented,
            VariableUses = [.. usable.SelectMany(file => ComposeSet.VariableReferences(file.Root!).Select(found => new VariableUse(file, found.Node, found.Reference)))],
            Includes = includes,
        };
    }

    private string? Lookup(string name) => variables.TryGetValue(name, out var entry) ? entry.Value : null;

    private ComposeValue Wrap(ComposeFile file, YamlNode node) => new(file, node, Lookup);

    private void AddFile(ComposeFile file)
    {
        if (files.Contains(file))
        {
            return;
        }

        files.Add(file);
        if (!file.IsUsable || TopLevel(file, "include") is not YamlSequenceNode list)
        {
            return;
        }

        foreach (var item in list.Children)
        {
            var pathNodes = item switch
            {
                YamlScalarNode scalar => [scalar],
                YamlMappingNode mapping => mapping.Children.Where(entry => entry.Key.ScalarValue() == "path")
                    .SelectMany(entry => entry.Value is YamlSequenceNode paths ? paths.Children : [entry.Value]),
                _ => [],
            };
            foreach (var pathNode in pathNodes)
            {
                var value = Wrap(file, pathNode);
                string? resolved = value.Value is { Length: > 0 } written ? RepoPath.Resolve(file.Directory, written, project.Root) : null;
                bool exists = resolved is not null && File.Exists(project.FullPath(resolved));
                includes.Add(new ComposeInclude(value, resolved, exists));
                if (exists)
                {
                    AddFile(load(resolved!));
                }
            }
        }
    }

    private (List<ServiceLayer> Layers, ComposeExtends? Extends) ResolveExtends(List<ServiceLayer> own, int depth)
    {
        var extendsNode = own.Select(layer => (layer.File, Node: layer.Node.Children.FirstOrDefault(entry => entry.Key.ScalarValue() == "extends").Value))
            .LastOrDefault(found => found.Node is not null);
        if (extendsNode.Node is null)
        {
            return ([], null);
        }

        var value = Wrap(extendsNode.File, extendsNode.Node);
        string? serviceName = extendsNode.Node is YamlMappingNode map ? map.Children.FirstOrDefault(entry => entry.Key.ScalarValue() == "service").Value.ScalarValue() : value.Value;
        string? fileText = (extendsNode.Node as YamlMappingNode)?.Children.FirstOrDefault(entry => entry.Key.ScalarValue() == "file").Value.ScalarValue();
        if (string.IsNullOrEmpty(serviceName))
        {
            return ([], new ComposeExtends(value, "", fileText, "extends names no service"));
        }

        var baseFile = extendsNode.File;
        if (fileText is not null)
        {
            string? resolved = RepoPath.Resolve(extendsNode.File.Directory, fileText, project.Root);
            if (resolved is null || !File.Exists(project.FullPath(resolved)))
            {
                return ([], new ComposeExtends(value, serviceName, fileText, $"extends file {fileText} does not exist"));
            }

            baseFile = load(resolved);
        }

        var baseMapping = baseFile.IsUsable ? ServiceMappings(baseFile).FirstOrDefault(found => found.Name == serviceName).Mapping : null;
        if (baseMapping is null)
        {
            return ([], new ComposeExtends(value, serviceName, fileText, $"cannot extend service \"{serviceName}\": no such service in {baseFile.Path}"));
        }

        if (depth >= MaxExtendsDepth || ReferenceEquals(baseMapping, own[0].Node))
        {
            return ([], new ComposeExtends(value, serviceName, fileText, $"circular reference with extends of service \"{serviceName}\""));
        }

        var baseOwn = new List<ServiceLayer> { new(baseFile, baseMapping) };
        var (deeper, _) = ResolveExtends(baseOwn, depth + 1);
        return ([.. deeper, .. baseOwn], new ComposeExtends(value, serviceName, fileText, null));
    }

    internal static YamlNode? TopLevel(ComposeFile file, string key) =>
        file.Root is null ? null : YamlNodes.Entries(file.Root, ComposeFile.NewBudget()).FirstOrDefault(entry => entry.Key == key).Value;

    internal static IEnumerable<(string Name, YamlNode KeyNode, YamlMappingNode Mapping)> ServiceMappings(ComposeFile file)
    {
        if (TopLevel(file, "services") is not YamlMappingNode services)
        {
            yield break;
        }

        foreach (var entry in YamlNodes.Entries(services, ComposeFile.NewBudget()))
        {
            if (entry.Value is YamlMappingNode mapping)
            {
                yield return (entry.Key, (YamlNode?)services.KeyNode(entry.Key) ?? mapping, mapping);
            }
        }
    }

    private Dictionary<string, ComposeValue> Declared(List<ComposeFile> usable, string key)
    {
        var declared = new Dictionary<string, ComposeValue>(StringComparer.Ordinal);
        foreach (var file in usable)
        {
            if (TopLevel(file, key) is YamlMappingNode mapping)
            {
                foreach (var entry in YamlNodes.Entries(mapping, ComposeFile.NewBudget()))
                {
                    declared.TryAdd(entry.Key, Wrap(file, (YamlNode?)mapping.KeyNode(entry.Key) ?? entry.Value));
                }
            }
        }

        return declared;
    }
}
