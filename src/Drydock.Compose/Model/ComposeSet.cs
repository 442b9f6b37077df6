using Drydock.Analysis;
using Drydock.Compose.Parsing;
using Drydock.Discovery;
using Drydock.Yaml;
using YamlDotNet.RepresentationModel;

namespace Drydock.Compose.Model;

/// <summary>
/// Every compose file of the repository, and the stacks they form (one per folder with a compose file,
/// plus one per extra file such as docker-compose.prod.yml, layered over the folder's main file).
/// Built once per project: <c>project.Model&lt;ComposeSet&gt;(ComposeSet.Build)</c>.
/// </summary>
public sealed class ComposeSet
{
    /// <summary>Compose's own order of preference for the main file of a folder.</summary>
    public static readonly IReadOnlyList<string> MainFileNames = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];

    public static readonly IReadOnlyList<string> DocumentedEnvFileNames = [".env.example", ".env.sample", ".env.template", ".env.dist"];

    private readonly Dictionary<string, ComposeFile> files;

    private ComposeSet(Dictionary<string, ComposeFile> files, IReadOnlyList<ComposeStack> stacks)
    {
        this.files = files;
        Stacks = stacks;
    }

    public IReadOnlyList<ComposeStack> Stacks { get; }

    /// <summary>Every compose file read (found by name, included, or extended), parsed or not.</summary>
    public IReadOnlyCollection<ComposeFile> Files => files.Values;

    public ComposeFile? File(string path) => files.GetValueOrDefault(path);

    public static ComposeSet Build(Project project)
    {
        // Which files make which stack: the folder's main file with its overrides, and each extra file over the main one.
        var plans = new List<(string Directory, List<string> Paths)>();
        foreach (var folder in project.Files.OfKind(FileKind.Compose).GroupBy(file => DirectoryOf(file.RelativePath)))
        {
            var names = folder.Select(file => file.RelativePath).ToList();
            string? main = MainFileNames.Select(name => Join(folder.Key, name)).FirstOrDefault(names.Contains);
            var overrides = main is null ? [] : OverrideNames(main).Where(names.Contains).ToList();
            var extras = names.Where(name => name != main && !overrides.Contains(name) && !IsOverrideOfOtherFamily(name)).ToList();
            if (main is not null)
            {
                plans.Add((folder.Key, [main, .. overrides]));
            }

            foreach (string extra in extras)
            {
                plans.Add((folder.Key, main is null ? [extra] : [main, extra]));
            }
        }

        // Parsing is most of the work and each file stands alone: parse the files the plans name in parallel first.
        // Stacks are then built in order, and files they include or extend are read as they come.
        var named = plans.SelectMany(plan => plan.Paths).Distinct(StringComparer.Ordinal).ToList();
        var parsed = new ComposeFile[named.Count];
        Parallel.For(0, named.Count, index => parsed[index] = ComposeFile.Load(project, named[index]));
        var preloaded = new Dictionary<string, ComposeFile>(StringComparer.Ordinal);
        for (int index = 0; index < named.Count; index++)
        {
            preloaded[named[index]] = parsed[index];
        }

        var loaded = new Dictionary<string, ComposeFile>(StringComparer.Ordinal);
        ComposeFile Load(string path)
        {
            if (!loaded.TryGetValue(path, out var file))
            {
                loaded[path] = file = preloaded.TryGetValue(path, out var ready) ? ready : ComposeFile.Load(project, path);
            }

            return file;
        }

        var stacks = new List<ComposeStack>();
        foreach (var (directory, paths) in plans)
        {
            stacks.Add(new StackBuilder(project, Load, directory).Build(paths));
        }

        return new ComposeSet(loaded, stacks);
    }

    /// <summary>compose.yaml takes compose.override.yaml/.yml; docker-compose.yml takes docker-compose.override.yml/.yaml.</summary>
    public static IEnumerable<string> OverrideNames(string mainPath)
    {
        string directory = DirectoryOf(mainPath);
        string stem = mainPath[(directory.Length == 0 ? 0 : directory.Length + 1)..].Split('.')[0];
        yield return Join(directory, stem + ".override.yaml");
        yield return Join(directory, stem + ".override.yml");
    }

    private static bool IsOverrideOfOtherFamily(string path) =>
        path.EndsWith(".override.yml", StringComparison.Ordinal) || path.EndsWith(".override.yaml", StringComparison.Ordinal);

    internal static string DirectoryOf(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    internal static string Join(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;

    /// <summary>Reads a .env-format file of the repository from disk (it is usually git-ignored, so not in the inventory).</summary>
    internal static IReadOnlyList<DotEnvEntry> ReadEnvFile(Project project, string path)
    {
        if (!System.IO.File.Exists(project.FullPath(path)))
        {
            return [];
        }

        var (text, _) = project.ReadText(path, maxBytes: 1024 * 1024);
        return text is null ? [] : DotEnvParser.Parse(text.Text);
    }

    /// <summary>Every scalar value (not key) of a tree once, aliases visited once, with its variable references.</summary>
    internal static IEnumerable<(YamlScalarNode Node, VariableReference Reference)> VariableReferences(YamlNode root)
    {
        var visited = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!visited.Add(node))
            {
                continue;
            }

            switch (node)
            {
                case YamlMappingNode mapping:
                    foreach (var child in mapping.Children.Values)
                    {
                        pending.Push(child);
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var child in sequence.Children)
                    {
                        pending.Push(child);
                    }

                    break;
                case YamlScalarNode { Value: { } value } scalar when Interpolation.MayContainVariables(value):
                    foreach (var reference in Interpolation.Interpolate(value, _ => null).References)
                    {
                        yield return (scalar, reference);
                    }

                    break;
            }
        }
    }
}
