using Drydock.Docker.Parsing;

namespace Drydock.Docker.Model;

/// <summary>Shell scripts hidden in instructions: the shell form, <c>["sh", "-c", "..."]</c>, heredoc bodies.</summary>
internal static class ScriptSources
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "dash", "ash", "zsh", "ksh", "busybox" };

    public static bool IsShell(string? program) => program is not null && Shells.Contains(program[(program.LastIndexOf('/') + 1)..]);

    /// <summary>The script of an exec form that runs a shell with -c, mapped to the file where the JSON string has no escapes.</summary>
    public static ShellScript? FromExec(IReadOnlyList<JsonArgument> argv, string fileText)
    {
        if (argv.Count < 3 || !IsShell(argv[0].Value))
        {
            return null;
        }

        for (int index = 1; index < argv.Count - 1; index++)
        {
            string option = argv[index].Value;
            if (option.Length > 1 && option[0] == '-' && option.Contains('c'))
            {
                var script = argv[index + 1];
                var map = script.Raw.Contains('\\')
                    ? ScriptMapOfEscaped(script)
                    : SourceMap.Contiguous(fileText, script.Span.Start + 1, script.Span.End - 1);
                return ShellParser.Parse(map);
            }
        }

        return null;
    }

    private static SourceMap ScriptMapOfEscaped(JsonArgument argument)
    {
        // Escapes make positions inexact; anchor every character at the string's opening quote.
        var map = new SourceMap();
        map.AppendDetached(argument.Value, argument.Span.Start);
        return map;
    }
}

/// <summary>A <c>--mount=type=cache,target=/root/.cache</c> of RUN.</summary>
public sealed record RunMount(DockerfileFlag Flag, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>bind (the default), cache, tmpfs, secret or ssh.</summary>
    public string Type => Options.TryGetValue("type", out var type) ? type : "bind";

    public string? Target => Get("target", "dst", "destination");

    public string? Source => Get("source", "src");

    /// <summary>The stage or image a bind or cache mount reads from.</summary>
    public string? From => Get("from");

    public string? Id => Get("id");

    private string? Get(params string[] keys) => keys.Select(key => Options.TryGetValue(key, out var value) ? value : null).FirstOrDefault(value => value is not null);

    internal static RunMount Parse(DockerfileFlag flag)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string field in (flag.Value ?? "").Split(','))
        {
            int equals = field.IndexOf('=');
            string key = (equals < 0 ? field : field[..equals]).Trim();
            if (key.Length > 0)
            {
                options[key] = equals < 0 ? "true" : field[(equals + 1)..].Trim().Trim('"');
            }
        }

        return new RunMount(flag, options);
    }
}

/// <summary>
/// <c>RUN [--mount=...] [--network=...] [--security=...] command</c>, shell form, exec form, or heredoc.
/// <see cref="Scripts"/> gives every shell script the instruction runs, already parsed.
/// </summary>
public sealed class RunInstruction : Instruction
{
    private readonly Lazy<(ShellScript? Line, IReadOnlyList<ShellScript> Heredocs)> scripts;

    internal RunInstruction(InstructionParts parts)
        : base(parts)
    {
        Mounts = [.. FlagsNamed("mount").Select(RunMount.Parse)];
        scripts = new Lazy<(ShellScript?, IReadOnlyList<ShellScript>)>(ParseScripts);
    }

    public IReadOnlyList<RunMount> Mounts { get; }

    public string? Network => Flag("network")?.Value;

    public string? Security => Flag("security")?.Value;

    /// <summary>The script of the RUN line (shell form, or exec form running <c>sh -c</c>); null for other exec forms.</summary>
    public ShellScript? Script => scripts.Value.Line;

    /// <summary>Heredoc bodies that a shell runs: <c>RUN &lt;&lt;EOF</c>, <c>RUN bash &lt;&lt;EOF</c> (not <c>RUN python3 &lt;&lt;EOF</c>).</summary>
    public IReadOnlyList<ShellScript> HeredocScripts => scripts.Value.Heredocs;

    public IEnumerable<ShellScript> Scripts => Script is null ? HeredocScripts : HeredocScripts.Prepend(Script);

    /// <summary>Every simple command of every script, in source order.</summary>
    public IReadOnlyList<SimpleCommand> Commands => commands ??= [.. Scripts.SelectMany(script => script.AllCommands())];

    /// <summary>Every command with its wrappers peeled (sudo, env, python -m).</summary>
    public IReadOnlyList<CommandLine> CommandLines => commandLines ??= [.. Commands.Select(command => command.Effective)];

    private IReadOnlyList<SimpleCommand>? commands;
    private IReadOnlyList<CommandLine>? commandLines;

    private (ShellScript?, IReadOnlyList<ShellScript>) ParseScripts()
    {
        ShellScript? line = IsJsonForm ? ScriptSources.FromExec(JsonArguments, Parts.FileText) : ShellParser.Parse(ArgumentsMap);
        if (Heredocs.Count == 0 || line is null)
        {
            return (line, []);
        }

        var bodies = new List<ShellScript>();
        foreach (var command in line.AllCommands())
        {
            foreach (var redirect in command.Redirects.Where(redirect => redirect.IsHeredoc && redirect.Target is not null))
            {
                var heredoc = Heredocs.FirstOrDefault(candidate => candidate.Delimiter == redirect.Target!.Value);
                bool runByShell = command.Words.Count == 0 || ScriptSources.IsShell(command.Effective.Program);
                if (heredoc is not null && runByShell && !HasForeignShebang(heredoc))
                {
                    bodies.Add(ShellParser.Parse(SourceMap.Contiguous(Parts.FileText, heredoc.BodySpan.Start, heredoc.BodySpan.End)));
                }
            }
        }

        return (line, bodies);
    }

    private static bool HasForeignShebang(Heredoc heredoc)
    {
        string content = heredoc.Content.TrimStart();
        if (!content.StartsWith("#!", StringComparison.Ordinal))
        {
            return false;
        }

        string first = content.Split('\n')[0];
        return !first.Split(' ', '/').Any(ScriptSources.IsShell);
    }
}

/// <summary>COPY and ADD: sources, destination and flags.</summary>
public abstract class FileTransferInstruction : Instruction
{
    internal FileTransferInstruction(InstructionParts parts)
        : base(parts)
    {
        var words = IsJsonForm ? [.. JsonArguments.Select(KeyValueSplitter.FromJson)] : Words;
        Destination = words.Count >= 2 ? words[^1] : null;
        Sources = words.Count >= 2 ? [.. words.Take(words.Count - 1)] : [];
    }

    /// <summary>Sources as written (heredoc markers included: see <see cref="DockerWord.IsHeredocMarker"/>).</summary>
    public IReadOnlyList<DockerWord> Sources { get; }

    public DockerWord? Destination { get; }

    /// <summary>Sources that name paths of the build context (not heredocs, URLs or git repositories).</summary>
    public IEnumerable<DockerWord> ContextSources => From is null
        ? Sources.Where(source => !source.IsHeredocMarker && !IsRemote(source.Value))
        : [];

    public string? From => Flag("from")?.Value;

    public string? Chown => Flag("chown")?.Value;

    public string? Chmod => Flag("chmod")?.Value;

    public bool Link => Flag("link")?.IsTrue == true;

    public bool Parents => Flag("parents")?.IsTrue == true;

    public IReadOnlyList<string> Excludes => [.. FlagsNamed("exclude").Select(flag => flag.Value ?? "")];

    public static bool IsRemote(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || source.StartsWith("git@", StringComparison.Ordinal) || source.StartsWith("git://", StringComparison.Ordinal);
}

public sealed class CopyInstruction : FileTransferInstruction
{
    internal CopyInstruction(InstructionParts parts)
        : base(parts)
    {
    }
}

public sealed class AddInstruction : FileTransferInstruction
{
    internal AddInstruction(InstructionParts parts)
        : base(parts)
    {
    }

    public string? Checksum => Flag("checksum")?.Value;

    public bool KeepGitDir => Flag("keep-git-dir")?.IsTrue == true;
}
