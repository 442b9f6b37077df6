using System.Collections.Frozen;
using Drydock.Knowledge;

namespace Drydock.CrossFile.Knowledge;

/// <summary>How a <c>docker build</c> command line reads (docker-build-options.json): its subcommand spellings and the options that take a value.</summary>
public sealed class DockerBuildOptions
{
    private const string FileName = "docker-build-options.json";

    private static readonly Lazy<DockerBuildOptions> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private DockerBuildOptions(IReadOnlyList<IReadOnlyList<string>> commands, FrozenSet<string> valueOptions)
    {
        Commands = commands;
        ValueOptions = valueOptions;
    }

    public static DockerBuildOptions Default => Shared.Value;

    /// <summary>The words after <c>docker</c> that start a build ("build", "buildx build"...).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Commands { get; }

    /// <summary>Options whose value is the next word when not written <c>--name=value</c>.</summary>
    public FrozenSet<string> ValueOptions { get; }

    internal static DockerBuildOptions Load()
    {
        using var document = KnowledgeFile.Open(typeof(DockerBuildOptions).Assembly, FileName);
        var root = document.RootElement;
        if (!root.TryGetProperty("commands", out var commands) || commands.GetArrayLength() == 0)
        {
            throw new KnowledgeException($"{FileName}: 'commands' must be a non-empty array of word lists");
        }

        var spellings = commands.EnumerateArray().Select(item => (IReadOnlyList<string>)[.. item.EnumerateArray().Select(word => word.GetString() ?? "")]).ToList();
        var options = KnowledgeFile.StringArray(root, "valueOptions");
        if (spellings.Any(words => words.Count == 0 || words.Any(word => word.Length == 0)) || options.Count == 0 || options.Any(option => !option.StartsWith('-')))
        {
            throw new KnowledgeException($"{FileName}: every command needs words, and 'valueOptions' must list options starting with '-'");
        }

        return new DockerBuildOptions(spellings, options.ToFrozenSet(StringComparer.Ordinal));
    }
}
