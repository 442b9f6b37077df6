using Drydock.Compose.Model;
using Drydock.Docker.Parsing;
using Drydock.Docker.Rules;

namespace Drydock.CrossFile.Rules.Compose;

/// <summary>
/// The argv a service's container starts when compose overrides <c>command:</c> or <c>entrypoint:</c>, combined with
/// the image's ENTRYPOINT/CMD as the engine does: <c>entrypoint:</c> replaces the image's ENTRYPOINT and drops its CMD;
/// <c>command:</c> replaces CMD and is appended to an exec-form ENTRYPOINT (a shell-form ENTRYPOINT ignores it).
/// A <c>sh -c "..."</c> command is reduced to the first command of its script.
/// </summary>
public sealed class ServiceStart
{
    private ServiceStart(ServiceImage image, IReadOnlyList<ComposeCommand> overrides, IReadOnlyList<string> words)
    {
        Image = image;
        Overrides = overrides;
        Words = words;
    }

    public ServiceImage Image { get; }

    /// <summary>The compose keys that set the argv (entrypoint first), for reporting.</summary>
    public IReadOnlyList<ComposeCommand> Overrides { get; }

    /// <summary>The argv the container runs, literal words only.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The override text as a user would type it.</summary>
    public string Text => string.Join(' ', Overrides.SelectMany(item => item.Words));

    /// <summary>The override start for a built service whose compose file sets command or entrypoint; null when nothing is overridden or the argv is not known.</summary>
    public static ServiceStart? Of(ServiceImage image)
    {
        var service = image.Service;
        if (image.Stage is not { } stage || (service.Command is null && service.Entrypoint is null))
        {
            return null;
        }

        List<ComposeCommand> overrides = [];
        List<string> argv = [];
        if (service.Entrypoint is { } entrypoint)
        {
            overrides.Add(entrypoint);
            argv.AddRange(entrypoint.Words);
            if (service.Command is { IsEmpty: false } command)
            {
                overrides.Add(command);
                argv.AddRange(command.Words);
            }
        }
        else
        {
            var command = service.Command!;
            if (command.IsEmpty || stage.Entrypoint is { Command.IsExecForm: false })
            {
                return null;
            }

            if (stage.Entrypoint is { } imageEntrypoint)
            {
                argv.AddRange(imageEntrypoint.Command.Argv(stage.ShellAt(imageEntrypoint)));
            }

            overrides.Add(command);
            argv.AddRange(command.Words);
        }

        var words = FirstCommand(argv);
        if (words is not null && FieldCaseFacts.StartWords(stage) is { } imageWords && imageWords.SequenceEqual(words, StringComparer.Ordinal))
        {
            return null; // the override repeats the image's own command: the Dockerfile rules report on it
        }

        return words is null || words.Count == 0 || words.Any(word => word.Contains('$')) ? null : new ServiceStart(image, overrides, words);
    }

    /// <summary>The compose node whose words contain <paramref name="word"/> (else the first override).</summary>
    public ComposeValue NodeFor(string word) =>
        (Overrides.FirstOrDefault(item => item.Words.Any(candidate => candidate.Contains(word, StringComparison.Ordinal))) ?? Overrides[0]).Node;

    /// <summary>The argv, or for <c>sh -c "script"</c> the literal words of the script's first command (null when unknown).</summary>
    private static IReadOnlyList<string>? FirstCommand(IReadOnlyList<string> argv)
    {
        if (argv.Count == 0 || !ComposeImageKnowledge.Default.IsShell(argv[0]))
        {
            return argv;
        }

        int c = argv.ToList().FindIndex(1, word => word.Length > 1 && word[0] == '-' && word.Contains('c', StringComparison.Ordinal));
        if (c < 0 || c + 1 >= argv.Count)
        {
            return null;
        }

        string script = argv[c + 1];
        var simple = ShellParser.Parse(SourceMap.Contiguous(script, 0, script.Length)).AllCommands().FirstOrDefault();
        if (simple?.Effective.ProgramWord is not { } programWord)
        {
            return null;
        }

        // Effective reads "python -m mod" as the program "mod": start at the interpreter instead.
        int start = simple.Words.ToList().IndexOf(programWord);
        if (start >= 2 && simple.Words[start - 1].Value == "-m")
        {
            start -= 2;
        }

        var words = simple.Words.Skip(start).ToList();
        return start < 0 || words.Any(word => word.Literal is null) ? null : [.. words.Select(word => word.Literal!)];
    }
}
