using Drydock.CrossFile.Knowledge;
using Drydock.Docker.Model;
using Drydock.Workflows.Model;

namespace Drydock.CrossFile.Platforms;

/// <summary>
/// A <c>docker build</c> / <c>docker buildx build</c> command line read from the shell model: its <c>--platform</c>
/// words, its <c>-f</c> word and its context word. Which options take a value comes from docker-build-options.json.
/// </summary>
internal sealed class DockerBuildCommand
{
    private DockerBuildCommand(IReadOnlyList<string> words, IReadOnlyList<(ShellWord Word, int ValueStart)> platforms, (ShellWord Word, int ValueStart)? file, ShellWord? context, bool contextKnown)
    {
        Words = words;
        Platforms = platforms;
        File = file;
        Context = context;
        ContextKnown = contextKnown;
    }

    /// <summary>The subcommand as written after docker: "build", "buildx build"...</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Each --platform value: the word and where the value starts in it (after "--platform=").</summary>
    public IReadOnlyList<(ShellWord Word, int ValueStart)> Platforms { get; }

    /// <summary>The -f/--file word and where its value starts, or null for the default &lt;context&gt;/Dockerfile.</summary>
    public (ShellWord Word, int ValueStart)? File { get; }

    /// <summary>The one positional argument, the build context; null when there is none or several.</summary>
    public ShellWord? Context { get; }

    /// <summary>False when the words do not let the context be told apart (no positional word, or several).</summary>
    public bool ContextKnown { get; }

    /// <summary>
    /// The Dockerfile the build reads, as a repository path: the -f value resolved from <paramref name="directory"/> (the
    /// repository folder the command runs in, "" for the root), else &lt;context&gt;/Dockerfile; null when an expansion,
    /// stdin (<c>-</c>), a URL or an absolute path leaves it unknown.
    /// </summary>
    public string? DockerfilePath(string directory)
    {
        if (File is { } file)
        {
            string? path = file.Word.HasExpansion ? null : file.Word.Value[file.ValueStart..];
            return path is null or "-" || Path.IsPathRooted(path) ? null : ImageBuild.Normalize(Join(directory, path));
        }

        if (Context?.Literal is not { } context || context == "-" || context.Contains("://", StringComparison.Ordinal) || context.StartsWith("git@", StringComparison.Ordinal) || Path.IsPathRooted(context))
        {
            return null;
        }

        return ImageBuild.Normalize(Join(Join(directory, context), "Dockerfile"));
    }

    /// <summary>The build command <paramref name="line"/> runs, or null when it is not one.</summary>
    public static DockerBuildCommand? Of(CommandLine line)
    {
        if (line.Program != "docker")
        {
            return null;
        }

        var arguments = line.Arguments;
        var options = DockerBuildOptions.Default;
        var command = options.Commands.FirstOrDefault(words => words.Count <= arguments.Count
            && words.Select((word, index) => arguments[index].Literal == word).All(same => same));
        if (command is null)
        {
            return null;
        }

        var platforms = new List<(ShellWord, int)>();
        (ShellWord, int)? file = null;
        var positional = new List<ShellWord>();
        for (int index = command.Count; index < arguments.Count; index++)
        {
            var word = arguments[index];
            string value = word.Value;
            if (!word.IsFlag)
            {
                positional.Add(word);
                continue;
            }

            int equals = value.IndexOf('=', StringComparison.Ordinal);
            string name = equals > 0 && value.StartsWith("--", StringComparison.Ordinal) ? value[..equals] : value;
            (ShellWord, int)? argument = null;
            if (equals > 0 && name.Length == equals)
            {
                argument = (word, equals + 1);
            }
            else if (options.ValueOptions.Contains(name) && index + 1 < arguments.Count)
            {
                argument = (arguments[++index], 0);
            }

            switch (name)
            {
                case "--platform" when argument is { } platform:
                    platforms.Add(platform);
                    break;
                case "--file" or "-f" when argument is { } named:
                    file = named;
                    break;
            }
        }

        return new DockerBuildCommand(command, platforms, file, positional.Count == 1 ? positional[0] : null, positional.Count == 1);
    }

    private static string Join(string directory, string path) => directory.Length == 0 || directory == "." ? path : directory.TrimEnd('/') + "/" + path;
}
