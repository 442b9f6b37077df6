using Drydock.Docker.Model;
using Drydock.Docker.Parsing;
using Drydock.Workflows.Model;
using Drydock.Workflows.Parsing;
using TextSpan = Drydock.Workflows.Model.TextSpan;

namespace Drydock.CrossFile.Rules.Workflows;

/// <summary>
/// A workflow <c>run:</c> script read by the Dockerfile part's shell parser. Each <c>${{ }}</c> is replaced, before
/// parsing, by a shell variable of the same length (<c>$_____</c>): offsets stay those of the YAML value, and words
/// holding an expression come out with <see cref="ShellWord.HasExpansion"/>, i.e. unknown.
/// </summary>
internal sealed class RunScript
{
    private RunScript(WorkflowFile file, Step step, ShellScript script)
    {
        File = file;
        Step = step;
        Script = script;
    }

    public WorkflowFile File { get; }

    public Step Step { get; }

    public ShellScript Script { get; }

    /// <summary>Every simple command of the script with its wrappers peeled (<c>python -m pip</c> is <c>pip</c>).</summary>
    public IEnumerable<CommandLine> Commands => Script.AllCommands().Select(command => command.Effective);

    /// <summary>The script of a run step in a POSIX-like shell; null for other steps and for <c>shell: python</c>, pwsh or cmd.</summary>
    public static RunScript? Of(WorkflowFile file, Step step)
    {
        if (step.Run is not { } run || !RunsInPosixShell(step))
        {
            return null;
        }

        return new RunScript(file, step, ShellParser.Parse(SourceMap.Contiguous(Neutralize(run.Value), 0, run.Value.Length)));
    }

    /// <summary>The value with every <c>${{ }}</c> template replaced by <c>$___</c> of the same length.</summary>
    public static string Neutralize(string value)
    {
        var characters = value.ToCharArray();
        foreach (var template in ExpressionTemplates.Find(value))
        {
            for (int i = template.Start; i < template.End; i++)
            {
                characters[i] = i == template.Start ? '$' : characters[i] == '\n' ? '\n' : '_';
            }
        }

        return new string(characters);
    }

    /// <summary>
    /// The span of a word in the workflow file, or null when the file text there is not the word as written (a
    /// double-quoted YAML scalar with escapes): a fix must only replace text it has seen.
    /// </summary>
    public TextSpan? Locate(ShellWord word)
    {
        var run = Step.Run!;
        var span = File.Locate(run, word.Span.Start, word.Span.End - word.Span.Start);
        string original = run.Value.Substring(word.Span.Start, word.Span.End - word.Span.Start);
        return span.End - span.Start == original.Length && string.CompareOrdinal(File.Text.Text, span.Start, original, 0, original.Length) == 0 ? span : null;
    }

    /// <summary>The span of a word, falling back to the whole run value when it cannot be placed exactly.</summary>
    public TextSpan SpanOf(ShellWord word) => Locate(word) ?? Step.Run!.Span;

    /// <summary>True for a run step in bash (the default) or another POSIX-like shell, not python, pwsh or cmd.</summary>
    public static bool RunsInPosixShell(Step step)
    {
        string program = step.Shell?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "bash";
        return program is "bash" or "sh" or "zsh" or "dash" or "ksh";
    }
}
