using System.Collections.Concurrent;
using Drydock.Configuration;
using Drydock.Discovery;
using Drydock.Text;

namespace Drydock.Analysis;

/// <summary>
/// The repository seen as one thing. Each analyzer family adds its parsed model here once
/// (<see cref="Model{T}"/>), so that cross-file rules (a compose healthcheck against a Dockerfile stage,
/// a CMD against a Python module) read shared models instead of parsing files again.
/// </summary>
public sealed class Project
{
    private readonly ConcurrentDictionary<Type, Lazy<object>> models = new();
    private readonly ConcurrentDictionary<string, Lazy<(SourceText? Text, ReadProblem? Problem)>> texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SuppressionMap> suppressions = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, SourceText> overrides = new Dictionary<string, SourceText>(StringComparer.Ordinal);

    public Project(string root, DrydockConfig config, RepositoryInventory files)
    {
        Root = Path.GetFullPath(root);
        Config = config;
        Files = files;
    }

    public string Root { get; }

    public DrydockConfig Config { get; }

    public RepositoryInventory Files { get; }

    /// <summary>Options that only some analyzers read (e.g. "host-ports"), set from the command line.</summary>
    public IReadOnlySet<string> Switches { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public static Project Open(string root, DrydockConfig? config = null, IProgress<int>? progress = null)
    {
        config ??= ConfigLoader.LoadFromDirectory(root);
        var files = RepositoryScanner.Scan(root, config.ExcludedPaths, progress);
        return new Project(root, config, files);
    }

    /// <summary>The model of type <typeparamref name="T"/>, built once by <paramref name="build"/> and shared.</summary>
    public T Model<T>(Func<Project, T> build)
        where T : class
    {
        var lazy = models.GetOrAdd(typeof(T), _ => new Lazy<object>(() => build(this), LazyThreadSafetyMode.ExecutionAndPublication));
        return (T)lazy.Value;
    }

    /// <summary>Reads a repository file as text once; later calls get the same text (or the same problem).</summary>
    public (SourceText? Text, ReadProblem? Problem) ReadText(string relativePath, long maxBytes = SourceReader.DefaultMaxBytes)
    {
        if (overrides.TryGetValue(relativePath, out var replaced))
        {
            return (replaced, null);
        }

        return texts.GetOrAdd(relativePath, path => new Lazy<(SourceText?, ReadProblem?)>(() =>
        {
            string full = FullPath(path);
            return SourceReader.TryRead(full, path, out var text, out var problem, maxBytes) ? (text, null) : (null, problem);
        })).Value;
    }

    /// <summary>
    /// The same repository with some files' text replaced in memory, for `fix` to re-check its edits
    /// before anything is written. Models are rebuilt from scratch; nothing on disk changes.
    /// </summary>
    public Project WithTextOverrides(IReadOnlyDictionary<string, SourceText> replacements) =>
        new(Root, Config, Files) { Switches = Switches, overrides = replacements };

    public string FullPath(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Parsers register the inline pragmas of each file they read; the engine applies them.</summary>
    public void RegisterSuppressions(string relativePath, SuppressionMap map)
    {
        if (!ReferenceEquals(map, SuppressionMap.None))
        {
            suppressions[relativePath] = map;
        }
    }

    public SuppressionMap SuppressionsFor(string relativePath) =>
        suppressions.TryGetValue(relativePath, out var map) ? map : SuppressionMap.None;
}
