namespace Drydock.Docker.Model;

/// <summary>
/// A simple command with its wrappers peeled: <c>sudo -E apt-get install x</c> is program <c>apt-get</c>
/// with arguments <c>install x</c> and wrapper <c>sudo</c>; <c>python3 -m pip install x</c> is program <c>pip</c>.
/// The program is the base name of the executable (<c>/usr/bin/curl</c> is <c>curl</c>).
/// </summary>
public sealed class CommandLine
{
    private static readonly HashSet<string> SimpleWrappers = new(StringComparer.Ordinal) { "nice", "nohup", "time", "exec", "stdbuf", "ionice", "chronic" };

    private CommandLine(SimpleCommand command, string? program, ShellWord? programWord, IReadOnlyList<ShellWord> arguments, IReadOnlyList<ShellWord> wrappers)
    {
        Command = command;
        Program = program;
        ProgramWord = programWord;
        Arguments = arguments;
        Wrappers = wrappers;
    }

    public SimpleCommand Command { get; }

    /// <summary>The base name of what runs, or null when it is unknown (an expansion) or absent.</summary>
    public string? Program { get; }

    public ShellWord? ProgramWord { get; }

    public IReadOnlyList<ShellWord> Arguments { get; }

    /// <summary>sudo, env, nice... as written before the program.</summary>
    public IReadOnlyList<ShellWord> Wrappers { get; }

    public bool IsRunWithSudo => Wrappers.Any(word => word.Value is "sudo" or "doas");

    /// <summary>The first argument that is not an option: <c>install</c> in <c>apt-get -y install</c>.</summary>
    public ShellWord? Subcommand => Arguments.FirstOrDefault(word => !word.IsFlag);

    /// <summary>True when a short option letter (<c>-y</c>, also inside <c>-qy</c>) or one of the long forms is present.</summary>
    public bool HasOption(char? shortLetter, params string[] longForms)
    {
        foreach (var word in Arguments)
        {
            if (word.IsQuoted)
            {
                continue;
            }

            string value = word.Value;
            if (value == "--")
            {
                return false;
            }

            foreach (string form in longForms)
            {
                if (value == form || (value.StartsWith(form, StringComparison.Ordinal) && value.Length > form.Length && value[form.Length] == '='))
                {
                    return true;
                }
            }

            if (shortLetter is char letter && value.Length > 1 && value[0] == '-' && value[1] != '-' && value.AsSpan(1).IndexOf(letter) >= 0
                && value.AsSpan(1).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") < 0)
            {
                return true;
            }
        }

        return false;
    }

    public static CommandLine Of(SimpleCommand command)
    {
        var words = command.Words;
        var wrappers = new List<ShellWord>();
        int index = 0;
        while (index < words.Count)
        {
            string name = BaseName(words[index].Value);
            if (name is "sudo" or "doas")
            {
                wrappers.Add(words[index++]);
                while (index < words.Count && words[index].IsFlag)
                {
                    // sudo -u user / -g group take a value.
                    bool takesValue = words[index].Value is "-u" or "-g" or "-U" or "-C" or "-h" or "-p" or "-r" or "-t";
                    index += takesValue ? 2 : 1;
                }

                continue;
            }

            if (name == "env")
            {
                wrappers.Add(words[index++]);
                while (index < words.Count && (words[index].IsFlag || words[index].Value.Contains('=')))
                {
                    index++;
                }

                continue;
            }

            if (SimpleWrappers.Contains(name))
            {
                wrappers.Add(words[index++]);
                while (index < words.Count && words[index].IsFlag)
                {
                    index++;
                }

                continue;
            }

            break;
        }

        if (index >= words.Count)
        {
            return new CommandLine(command, null, null, [], wrappers);
        }

        var programWord = words[index];
        string? program = programWord.Literal is { } literal ? BaseName(literal) : null;
        var arguments = words.Skip(index + 1).ToList();

        // python -m pip install x  ->  pip install x
        if (program is not null && IsPython(program) && arguments.Count >= 2 && arguments[0].Value == "-m" && arguments[1].Literal is { } module)
        {
            return new CommandLine(command, module, arguments[1], [.. arguments.Skip(2)], wrappers);
        }

        return new CommandLine(command, program, programWord, arguments, wrappers);
    }

    public static bool IsPython(string program) =>
        program.StartsWith("python", StringComparison.Ordinal) && program.AsSpan(6).IndexOfAnyExcept("0123456789.") < 0;

    private static string BaseName(string value)
    {
        int slash = value.LastIndexOf('/');
        return slash >= 0 ? value[(slash + 1)..] : value;
    }

    public override string ToString() => string.Join(' ', new[] { Program ?? "?" }.Concat(Arguments.Select(word => word.Raw)));
}
