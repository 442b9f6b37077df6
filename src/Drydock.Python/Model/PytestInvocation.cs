using System.Text;
using Drydock.Discovery;
using Drydock.Make.Model;
using Drydock.Python.Packaging;

namespace Drydock.Python.Model;

/// <summary>A pytest run found in a shell command: its arguments and the folder it runs in.</summary>
public sealed record PytestRun(IReadOnlyList<string> Arguments, string WorkingDirectory, bool Certain);

/// <summary>A pytest run written in a file of the repository (tox.ini commands, a Makefile recipe).</summary>
public sealed record PytestInvocation(string File, int Line, int Start, int End, string Command, PytestRun Run)
{
    internal static IReadOnlyList<PytestInvocation> Find(PythonProject project)
    {
        var found = new List<PytestInvocation>();
        foreach (var ini in project.IniFiles.Where(ini => Path.GetFileName(ini.Path) == "tox.ini"))
        {
            var (text, _) = project.Project.ReadText(ini.Path);
            if (text is null) { continue; }
            string directory = ini.Path.Contains('/') ? ini.Path[..ini.Path.LastIndexOf('/')] : "";
            foreach (var section in ini.Sections.Where(section => section.Name.StartsWith("testenv", StringComparison.Ordinal)))
            {
                string workDirectory = section["changedir"]?.Value.Replace("{toxinidir}", directory, StringComparison.Ordinal).Trim('/') ?? directory;
                foreach (var (line, command) in section["commands"]?.Items() ?? [])
                {
                    string expanded = command.Replace("{toxinidir}/", directory.Length == 0 ? "" : directory + "/", StringComparison.Ordinal)
                        .Replace("{posargs}", "", StringComparison.Ordinal);
                    if (expanded.Contains("{posargs:", StringComparison.Ordinal))
                    {
                        int at = expanded.IndexOf("{posargs:", StringComparison.Ordinal);
                        int close = expanded.IndexOf('}', at);
                        expanded = close < 0 ? expanded : string.Concat(expanded.AsSpan(0, at), expanded.AsSpan(at + 9, close - at - 9), expanded.AsSpan(close + 1));
                    }

                    Add(found, text, ini.Path, line, command, expanded, workDirectory);
                }
            }
        }

        // Makefile recipes come from the Make part's model (parsed once for every part): recipe lines only, continuation
        // lines joined, literal variables expanded; a reference make's expander cannot resolve stays as written, and an
        // argument holding it makes the run uncertain.
        if (project.Project.Files.OfKind(FileKind.Makefile).Count > 0)
        {
            foreach (var makefile in project.Project.Model(MakefileSet.Build).Files)
            {
                foreach (var line in makefile.Rules.SelectMany(rule => rule.Recipe))
                {
                    var span = line.TrimmedSpan;
                    foreach (var run in PytestCommandLine.FindRuns(makefile.ShellTextOf(line).Text, makefile.Folder))
                    {
                        found.Add(new PytestInvocation(makefile.Path, line.Line, span.Start, span.End, line.OneLine, run));
                    }
                }
            }
        }

        return found;
    }

    private static void Add(List<PytestInvocation> found, Text.SourceText text, string file, int line, string command, string expanded, string directory)
    {
        foreach (var run in PytestCommandLine.FindRuns(expanded, directory))
        {
            string lineText = text.Line(line);
            int column = Math.Max(0, lineText.IndexOf(command.Trim(), StringComparison.Ordinal));
            int start = text.LineStart(line) + column;
            found.Add(new PytestInvocation(file, line, start, start + command.Trim().Length, command.Trim(), run));
        }
    }
}

/// <summary>Finds pytest runs in a shell command line: <c>pytest ...</c>, <c>python -m pytest ...</c>, behind <c>uv run</c>, <c>poetry run</c>, <c>cd dir &amp;&amp;</c>.</summary>
public static class PytestCommandLine
{
    /// <param name="command">A shell command (one line; workflows pass each line of a run: block).</param>
    /// <param name="workingDirectory">Repository-relative folder the command starts in.</param>
    public static IReadOnlyList<PytestRun> FindRuns(string command, string workingDirectory = "")
    {
        var runs = new List<PytestRun>();
        string directory = workingDirectory.Trim('/');
        foreach (var words in SimpleCommands(command))
        {
            if (words.Count >= 2 && words[0] == "cd")
            {
                directory = words[1].StartsWith('/') || words[1].Contains('$') ? "\0" : RequirementsParser.NormalizePath(directory.Length == 0 ? words[1] : directory + "/" + words[1]);
                continue;
            }

            int start = -1;
            for (int k = 0; k < words.Count; k++)
            {
                string word = Path.GetFileName(words[k]);
                if (word is "pytest" or "py.test") { start = k + 1; break; }
                if (word.StartsWith("python", StringComparison.Ordinal) && k + 2 < words.Count && words[k + 1] == "-m" && words[k + 2] == "pytest") { start = k + 3; break; }
                if (!IsWrapperWord(words[k], word)) { break; }
            }

            if (start < 0) { continue; }
            bool certain = directory != "\0";
            runs.Add(new PytestRun(words.Skip(start).ToList(), certain ? directory : "", certain));
        }

        return runs;
    }

    private static readonly HashSet<string> Wrappers = new(StringComparer.Ordinal)
    {
        "uv", "uvx", "poetry", "pipenv", "pdm", "hatch", "rye", "run", "exec", "env", "time", "nice", "sudo", "timeout", "xvfb-run", "coverage", "tox", "nox", "--", "-m",
    };

    /// <summary>Words that may come before pytest in a command: VAR=value, runners (uv run, poetry run, coverage run -m), their options.</summary>
    private static bool IsWrapperWord(string raw, string word) =>
        Wrappers.Contains(word) || raw.StartsWith('-') || (raw.Contains('=') && !raw.StartsWith('=')) || raw.All(char.IsAsciiDigit);

    /// <summary>Splits on ; &amp;&amp; || | and newlines, and into words with shell quoting.</summary>
    private static List<List<string>> SimpleCommands(string command)
    {
        var commands = new List<List<string>>();
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        void EndWord()
        {
            if (inWord) { words.Add(word.ToString()); }
            word.Clear();
            inWord = false;
        }

        void EndCommand()
        {
            EndWord();
            if (words.Count > 0) { commands.Add(words); }
            words = [];
        }

        for (int k = 0; k < command.Length; k++)
        {
            char c = command[k];
            if (quote != '\0')
            {
                if (c == quote) { quote = '\0'; } else { word.Append(c); }
                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    inWord = true;
                    break;
                case '\\' when k + 1 < command.Length && command[k + 1] == '\n':
                    k++; // a backslash-newline joins the lines (a Makefile recipe continued over several)
                    break;
                case '\\' when k + 1 < command.Length:
                    word.Append(command[++k]);
                    inWord = true;
                    break;
                case ' ' or '\t':
                    EndWord();
                    break;
                case ';' or '&' or '|' or '\n' or '(' or ')':
                    EndCommand();
                    break;
                case '#' when !inWord:
                    EndCommand();
                    return commands;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        EndCommand();
        return commands;
    }
}
