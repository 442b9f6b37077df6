using Drydock.Compose.Parsing;
using Drydock.Yaml;
using YamlDotNet.RepresentationModel;

namespace Drydock.Compose.Model;

/// <summary>
/// Turns the merged layers of one service into a <see cref="ComposeService"/>, following compose's merge
/// rules: scalars and command-like values are replaced by the last layer; mappings (build, healthcheck,
/// environment, depends_on, networks) merge key by key; ports, expose, secrets and configs append;
/// volumes merge by target path.
/// </summary>
internal sealed class ServiceReader(IReadOnlyList<ServiceLayer> layers, Func<string, string?> variables, string projectRoot)
{
    /// <summary>Each layer's entries (merge keys applied), computed once: every key lookup reads them.</summary>
    private readonly List<(ComposeFile File, IReadOnlyList<KeyValuePair<string, YamlNode>> Entries)> layerEntries =
        [.. layers.Select(layer => (layer.File, YamlNodes.Entries(layer.Node, ComposeFile.NewBudget())))];

    public ComposeService Read(string name, ComposeValue nameNode, ComposeExtends? extends) => new()
    {
        Name = name,
        NameNode = nameNode,
        Layers = layers,
        Image = Last("image"),
        Build = ReadBuild(),
        Command = ReadCommand("command"),
        Entrypoint = ReadCommand("entrypoint"),
        Healthcheck = ReadHealthcheck(),
        DependsOn = ReadDependsOn(),
        Ports = [.. All("ports").SelectMany(Items).Select(ReadPort)],
        Expose = [.. All("expose").SelectMany(Items).Select(node => (node, PortRange.TryParse((node.Value ?? "").Split('/')[0], out var range) ? range : (PortRange?)null))],
        Volumes = ReadVolumes(),
        Environment = MergedKeyValues("environment"),
        EnvFiles = ReadEnvFiles(),
        ContainerName = Last("container_name"),
        Platform = Last("platform"),
        Privileged = Last("privileged"),
        User = Last("user"),
        PullPolicy = Last("pull_policy"),
        NetworkMode = Last("network_mode"),
        Networks = MergedNames("networks"),
        Secrets = [.. All("secrets").SelectMany(Items).Select(SourceOf).OfType<ComposeReference>()],
        Configs = [.. All("configs").SelectMany(Items).Select(SourceOf).OfType<ComposeReference>()],
        Profiles = [.. (Last("profiles") is { } profiles ? Items(profiles) : []).Select(item => item.Value ?? "")],
        Extends = extends,
    };

    /// <summary>Every value of a key across layers, base first.</summary>
    private List<ComposeValue> All(string key)
    {
        var values = new List<ComposeValue>();
        foreach (var layer in layerEntries)
        {
            foreach (var entry in layer.Entries)
            {
                if (entry.Key == key && !entry.Value.IsNull())
                {
                    values.Add(Wrap(layer.File, entry.Value));
                }
            }
        }

        return values;
    }

    private ComposeValue? Last(string key) => All(key).LastOrDefault();

    private ComposeValue Wrap(ComposeFile file, YamlNode node) => new(file, node, variables);

    private IEnumerable<ComposeValue> Items(ComposeValue value) => value.Node switch
    {
        YamlSequenceNode sequence => sequence.Children.Select(child => Wrap(value.File, child)),
        YamlScalarNode => [value],
        _ => [],
    };

    /// <summary>Entries of a mapping (merge keys applied) as values in the same file.</summary>
    private IEnumerable<(string Key, ComposeValue KeyNode, ComposeValue Value)> Entries(ComposeValue value)
    {
        if (value.Node is not YamlMappingNode mapping)
        {
            yield break;
        }

        foreach (var entry in YamlNodes.Entries(mapping, ComposeFile.NewBudget()))
        {
            YamlNode keyNode = mapping.KeyNode(entry.Key) ?? (YamlNode)entry.Value;
            yield return (entry.Key, Wrap(value.File, keyNode), Wrap(value.File, entry.Value));
        }
    }

    private static ComposeValue? Field(IEnumerable<(string Key, ComposeValue KeyNode, ComposeValue Value)> entries, string key) =>
        entries.LastOrDefault(entry => entry.Key == key && !entry.Value.Node.IsNull()).Value;

    /// <summary>Key/value pairs of a list ("K=V") or mapping form, merged across layers (last wins, first position kept).</summary>
    private List<ComposeKeyValue> MergedKeyValues(string key) => MergeKeyValues(All(key));

    private List<ComposeKeyValue> MergeKeyValues(IEnumerable<ComposeValue> values)
    {
        var merged = new List<ComposeKeyValue>();
        foreach (var value in values)
        {
            var pairs = value.Node is YamlMappingNode
                ? Entries(value).Select(entry => new ComposeKeyValue(entry.Key, entry.KeyNode, entry.Value.Node.IsNull() ? null : entry.Value.Value))
                : Items(value).Select(item => SplitAssignment(item));
            foreach (var pair in pairs)
            {
                int existing = merged.FindIndex(candidate => candidate.Name == pair.Name);
                if (existing >= 0)
                {
                    merged[existing] = pair;
                }
                else
                {
                    merged.Add(pair);
                }
            }
        }

        return merged;
    }

    private static ComposeKeyValue SplitAssignment(ComposeValue item)
    {
        string text = item.Value ?? "";
        int equals = text.IndexOf('=');
        return equals < 0 ? new ComposeKeyValue(text, item, null) : new ComposeKeyValue(text[..equals], item, text[(equals + 1)..]);
    }

    private List<ComposeReference> MergedNames(string key)
    {
        var names = new List<ComposeReference>();
        foreach (var value in All(key))
        {
            var found = value.Node is YamlMappingNode
                ? Entries(value).Select(entry => new ComposeReference(entry.Key, entry.KeyNode))
                : Items(value).Select(item => new ComposeReference(item.Value ?? "", item));
            foreach (var reference in found)
            {
                if (!names.Exists(existing => existing.Name == reference.Name))
                {
                    names.Add(reference);
                }
            }
        }

        return names;
    }

    private ComposeReference? SourceOf(ComposeValue item)
    {
        if (item.Node is YamlMappingNode)
        {
            var source = Field(Entries(item), "source");
            return source?.Value is { } name ? new ComposeReference(name, source) : null;
        }

        return item.Value is { Length: > 0 } value ? new ComposeReference(value, item) : null;
    }

    private ComposeBuild? ReadBuild()
    {
        var values = All("build");
        if (values.Count == 0)
        {
            return null;
        }

        ComposeValue? context = null, dockerfile = null, inline = null, target = null;
        var args = new List<ComposeValue>();
        var platforms = new List<ComposeValue>();
        foreach (var value in values)
        {
            if (value.IsScalar)
            {
                context = value;
                continue;
            }

            var entries = Entries(value).ToList();
            context = Field(entries, "context") ?? context;
            dockerfile = Field(entries, "dockerfile") ?? dockerfile;
            inline = Field(entries, "dockerfile_inline") ?? inline;
            target = Field(entries, "target") ?? target;
            if (Field(entries, "args") is { } argsNode)
            {
                args.Add(argsNode);
            }

            if (Field(entries, "platforms") is { } platformsNode)
            {
                platforms.AddRange(Items(platformsNode));
            }
        }

        var last = values[^1];
        string contextText = context?.Value ?? ".";
        bool remote = RepoPath.IsRemote(contextText);
        string? contextPath = remote ? null : RepoPath.Resolve((context ?? last).File.Directory, contextText, projectRoot);
        string? dockerfilePath = null;
        if (contextPath is not null && inline is null)
        {
            string dockerfileText = dockerfile?.Value is { Length: > 0 } written ? written : "Dockerfile";
            dockerfilePath = RepoPath.Resolve(contextPath, dockerfileText, projectRoot);
        }

        return new ComposeBuild
        {
            Node = last,
            Context = context,
            Dockerfile = dockerfile,
            DockerfileInline = inline,
            Target = target,
            Args = MergeKeyValues(args),
            Platforms = platforms,
            ContextPath = contextPath,
            IsRemoteContext = remote,
            DockerfilePath = dockerfilePath,
        };
    }

    private ComposeCommand? ReadCommand(string key)
    {
        var value = Last(key);
        if (value is null)
        {
            return null;
        }

        bool isList = value.Node is YamlSequenceNode;
        IReadOnlyList<string> words = isList
            ? [.. Items(value).Select(item => item.Value ?? "")]
            : ShellWords.Split(value.Value ?? "");
        return new ComposeCommand { Node = value, IsList = isList, Words = words };
    }

    private ComposeHealthcheck? ReadHealthcheck()
    {
        var values = All("healthcheck");
        if (values.Count == 0)
        {
            return null;
        }

        var entries = values.SelectMany(Entries).ToList();
        var test = Field(entries, "test");
        var disable = Field(entries, "disable");
        var (form, command) = ClassifyTest(test);
        if (disable?.AsBoolean() == true)
        {
            form = HealthcheckTestForm.Disabled;
        }

        var retries = Field(entries, "retries");
        return new ComposeHealthcheck
        {
            Node = values[^1],
            Test = test,
            Form = form,
            Command = command,
            Interval = Duration(Field(entries, "interval")),
            Timeout = Duration(Field(entries, "timeout")),
            StartPeriod = Duration(Field(entries, "start_period")),
            StartInterval = Duration(Field(entries, "start_interval")),
            RetriesNode = retries,
            Retries = int.TryParse(retries?.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int count) ? count : null,
            DisableNode = disable,
        };
    }

    private (HealthcheckTestForm Form, IReadOnlyList<string> Command) ClassifyTest(ComposeValue? test)
    {
        if (test is null)
        {
            return (HealthcheckTestForm.Inherited, []);
        }

        if (test.IsScalar)
        {
            return (HealthcheckTestForm.Shell, [test.Value ?? ""]);
        }

        var items = Items(test).Select(item => item.Value ?? "").ToList();
        return items.FirstOrDefault() switch
        {
            "NONE" => (HealthcheckTestForm.Disabled, []),
            "CMD" => (HealthcheckTestForm.Exec, items[1..]),
            "CMD-SHELL" => (HealthcheckTestForm.Shell, [string.Join(' ', items.Skip(1))]),
            _ => (HealthcheckTestForm.Invalid, items),
        };
    }

    private static ComposeDurationValue? Duration(ComposeValue? value) =>
        value is null ? null : new ComposeDurationValue(value, ComposeDuration.TryParse(value.Value, out var parsed) ? parsed : null);

    private List<ComposeDependency> ReadDependsOn()
    {
        var dependencies = new List<ComposeDependency>();
        foreach (var value in All("depends_on"))
        {
            var found = value.Node is YamlMappingNode
                ? Entries(value).Select(entry =>
                {
                    var fields = Entries(entry.Value).ToList();
                    var condition = Field(fields, "condition");
                    bool required = Field(fields, "required")?.AsBoolean() ?? true;
                    return new ComposeDependency(entry.Key, entry.KeyNode, condition?.Value ?? ComposeDependency.ServiceStarted, condition, required);
                })
                : Items(value).Select(item => new ComposeDependency(item.Value ?? "", item, ComposeDependency.ServiceStarted, null, true));
            foreach (var dependency in found)
            {
                dependencies.RemoveAll(existing => existing.Service == dependency.Service);
                dependencies.Add(dependency);
            }
        }

        return dependencies;
    }

    private ComposePort ReadPort(ComposeValue item)
    {
        if (item.Node is YamlMappingNode)
        {
            var fields = Entries(item).ToList();
            string? targetText = Field(fields, "target")?.Value;
            string? publishedText = Field(fields, "published")?.Value;
            if (!PortRange.TryParse(targetText ?? "", out var target))
            {
                return new ComposePort(item, null, $"invalid containerPort: {targetText}");
            }

            PortRange? published = null;
            if (!string.IsNullOrEmpty(publishedText))
            {
                if (!PortRange.TryParse(publishedText, out var parsed))
                {
                    return new ComposePort(item, null, $"invalid hostPort: {publishedText}");
                }

                published = parsed;
            }

            string protocol = Field(fields, "protocol")?.Value ?? "tcp";
            return new ComposePort(item, new PortMapping(Field(fields, "host_ip")?.Value, published, target, protocol), null);
        }

        if (item.IsInterpolated && item.Value is { Length: 0 })
        {
            return new ComposePort(item, null, null);
        }

        return PortSyntax.TryParseShort(item.Value ?? "", out var mapping, out string? error)
            ? new ComposePort(item, mapping, null)
            : new ComposePort(item, null, error);
    }

    private List<ComposeMount> ReadVolumes()
    {
        var mounts = new List<ComposeMount>();
        foreach (var item in All("volumes").SelectMany(Items))
        {
            var mount = ReadMount(item);
            if (mount.Target is not null)
            {
                mounts.RemoveAll(existing => existing.Target == mount.Target);
            }

            mounts.Add(mount);
        }

        return mounts;
    }

    private ComposeMount ReadMount(ComposeValue item)
    {
        if (item.Node is YamlMappingNode)
        {
            var fields = Entries(item).ToList();
            var type = Field(fields, "type")?.Value switch
            {
                "bind" => MountType.Bind,
                "tmpfs" => MountType.Tmpfs,
                "npipe" => MountType.Npipe,
                "image" => MountType.Image,
                "cluster" => MountType.Cluster,
                _ => MountType.Volume,
            };
            return new ComposeMount(item, type, Field(fields, "source")?.Value, Field(fields, "target")?.Value, Field(fields, "read_only")?.AsBoolean() == true);
        }

        string text = item.Value ?? "";
        string[] parts = text.Split(':');
        if (parts.Length == 1)
        {
            return new ComposeMount(item, MountType.Volume, null, parts[0], false);
        }

        string source = parts[0];
        bool isPath = source.StartsWith('.') || source.StartsWith('/') || source.StartsWith('~') || source.Contains('/', StringComparison.Ordinal);
        bool readOnly = parts.Length > 2 && parts[2].Split(',').Contains("ro");
        return new ComposeMount(item, isPath ? MountType.Bind : MountType.Volume, source, parts[1], readOnly);
    }

    private List<ComposeEnvFile> ReadEnvFiles()
    {
        var files = new List<ComposeEnvFile>();
        foreach (var item in All("env_file").SelectMany(Items))
        {
            ComposeValue? pathNode = item;
            bool required = true;
            if (item.Node is YamlMappingNode)
            {
                var fields = Entries(item).ToList();
                pathNode = Field(fields, "path");
                required = Field(fields, "required")?.AsBoolean() ?? true;
            }

            if (pathNode?.Value is { Length: > 0 } written && RepoPath.Resolve(pathNode.File.Directory, written, projectRoot) is { } path)
            {
                files.Add(new ComposeEnvFile(pathNode, path, required));
            }
        }

        return files;
    }
}
