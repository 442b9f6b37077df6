namespace Drydock.Logs.Analysis;

/// <summary>A word of a shell command and the 1-based line it starts on.</summary>
internal readonly record struct ShellWord(string Text, int Line, bool Quoted);

/// <summary>
/// A make call in a shell script as a workflow step or a Dockerfile RUN writes it: the folders it runs in
/// (a <c>cd</c> before it, then each <c>-C</c>), its <c>-f</c> file and its goals, each goal with its line.
/// <see cref="Directories"/> is null when a folder comes from a variable or cannot be followed.
/// </summary>
internal sealed record MakeCall(IReadOnlyList<string>? Directories, string? File, IReadOnlyList<ShellWord> Goals, int Line)
{
    private static readonly string[] Programs = ["make", "gmake", "mingw32-make"];
    private static readonly string[] Wrappers = ["sudo", "time", "env", "exec", "command", "nice"];

    /// <summary>Every make call of a script, in order. A <c>cd</c> carries over to the commands after it.</summary>
    public static List<MakeCall> In(string script, int firstLine)
    {
        var calls = new List<MakeCall>();
        List<string>? folder = [];
        foreach (var command in Commands(script, firstLine))
        {
            int start = 0;
            while (start < command.Count && (IsAssignment(command[start].Text) || Wrappers.Contains(command[start].Text, StringComparer.Ordinal)))
            {
                start++;
            }

            if (start >= command.Count)
            {
                continue;
            }

            string program = command[start].Text;
            if (program == "cd")
            {
                folder = command.Count == start + 2 && IsLiteralFolder(command[start + 1].Text) && folder is not null ? [.. folder, command[start + 1].Text] : null;
            }
            else if (Programs.Contains(Path.GetFileName(program), StringComparer.Ordinal))
            {
                calls.Add(Read(command, start, folder));
            }
        }

        return calls;
    }

    private static MakeCall Read(List<ShellWord> command, int programIndex, List<string>? folder)
    {
        List<string>? directories = folder is null ? null : [.. folder];
        string? file = null;
        var goals = new List<ShellWord>();
        for (int i = programIndex + 1; i < command.Count; i++)
        {
            string word = command[i].Text;
            string? next = i + 1 < command.Count ? command[i + 1].Text : null;
            if (word.StartsWith("--", StringComparison.Ordinal))
            {
                string name = word.Split('=')[0];
                string? value = word.Contains('=', StringComparison.Ordinal) ? word[(word.IndexOf('=', StringComparison.Ordinal) + 1)..] : null;
                if (name is "--directory" or "--file" or "--makefile" or "--include-dir" or "--old-file" or "--assume-old" or "--what-if" or "--new-file" or "--assume-new" && value is null)
                {
                    value = next;
                    i++;
                }

                Apply(name is "--directory" ? 'C' : name is "--file" or "--makefile" ? 'f' : ' ', value, ref directories, ref file);
            }
            else if (word.Length > 1 && word[0] == '-')
            {
                for (int c = 1; c < word.Length; c++)
                {
                    char option = word[c];
                    if (option is 'C' or 'f' or 'I' or 'o' or 'W')
                    {
                        string? value = c + 1 < word.Length ? word[(c + 1)..] : next;
                        if (c + 1 >= word.Length)
                        {
                            i++;
                        }

                        Apply(option, value, ref directories, ref file);
                        break;
                    }

                    if (option is 'j' or 'l')
                    {
                        if (c + 1 == word.Length && next is not null && next.All(char.IsAsciiDigit))
                        {
                            i++;
                        }

                        break;
                    }
                }
            }
            else if (!IsAssignment(word))
            {
                goals.Add(command[i]);
            }
        }

        return new MakeCall(directories, file, goals, command[programIndex].Line);
    }

    private static void Apply(char option, string? value, ref List<string>? directories, ref string? file)
    {
        if (option == 'C')
        {
            directories = value is not null && IsLiteralFolder(value) && directories is not null ? [.. directories, value] : null;
        }
        else if (option == 'f')
        {
            file = value;
        }
    }

    private static bool IsLiteralFolder(string value) =>
        value.Length > 0 && value != "-" && !value.StartsWith('~') && value.IndexOfAny(['$', '`', '*', '?']) < 0;

    private static bool IsAssignment(string word)
    {
        int equals = word.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && word.AsSpan(0, equals).IndexOfAny(" -/'\"$") < 0;
    }

    /// <summary>
    /// Splits a script into simple commands of words: quotes group, a backslash-newline continues the command,
    /// <c>&amp;&amp; || ; | &amp;</c>, parentheses and newlines end one. Enough to find make calls; not a shell.
    /// </summary>
    internal static List<List<ShellWord>> Commands(string script, int firstLine)
    {
        var commands = new List<List<ShellWord>>();
        var current = new List<ShellWord>();
        var word = new System.Text.StringBuilder();
        int line = firstLine, wordLine = firstLine;
        bool quoted = false;
        char quote = '\0';

        void EndWord()
        {
            if (word.Length > 0 || quoted)
            {
                current.Add(new ShellWord(word.ToString(), wordLine, quoted));
                word.Clear();
                quoted = false;
            }
        }

        void EndCommand()
        {
            EndWord();
            if (current.Count > 0)
            {
                commands.Add(current);
                current = [];
            }
        }

        for (int i = 0; i < script.Length; i++)
        {
            char c = script[i];
            if (c == '\n')
            {
                line++;
            }

            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }

                continue;
            }

            if (c == '\\' && i + 1 < script.Length)
            {
                if (script[i + 1] == '\n' || (script[i + 1] == '\r' && i + 2 < script.Length && script[i + 2] == '\n'))
                {
                    EndWord();
                    i += script[i + 1] == '\r' ? 2 : 1;
                    line++;
                    continue;
                }

                StartWord(word, ref wordLine, line);
                word.Append(script[++i]);
                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    StartWord(word, ref wordLine, line);
                    quote = c;
                    quoted = true;
                    break;
                case '#' when word.Length == 0:
                    while (i + 1 < script.Length && script[i + 1] != '\n')
                    {
                        i++;
                    }

                    break;
                case '\n' or ';' or '&' or '|' or '(' or ')':
                    EndCommand();
                    break;
                case ' ' or '\t' or '\r':
                    EndWord();
                    break;
                default:
                    StartWord(word, ref wordLine, line);
                    word.Append(c);
                    break;
            }
        }

        EndCommand();
        return commands;
    }

    private static void StartWord(System.Text.StringBuilder word, ref int wordLine, int line)
    {
        if (word.Length == 0)
        {
            wordLine = line;
        }
    }
}
