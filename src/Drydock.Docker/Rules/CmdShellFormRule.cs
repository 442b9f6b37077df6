using System.Text;
using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF014: CMD or ENTRYPOINT in shell form in the shipped stage.</summary>
public sealed class CmdShellFormRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF014",
        "cmd-shell-form",
        Severity.Warning,
        "CMD or ENTRYPOINT uses the shell form.",
        "The shell form runs '/bin/sh -c \"...\"': the shell is PID 1, so 'docker stop' sends SIGTERM to the shell, not to the app, which is killed after the timeout without a clean shutdown; and a shell-form ENTRYPOINT ignores CMD and run arguments.",
        "Use the JSON (exec) form: CMD [\"gunicorn\", \"app:app\"]. If you need the shell, end it with exec: CMD exec gunicorn app:app.")
    {
        Equivalents = ["hadolint DL3025"],
        Fixable = true,
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitCommand(DockerfileContext context, CommandInstruction command)
    {
        if (!context.IsShipped(command.Stage) || command.Command.IsExecForm || command.JsonProblem is not null || command.Command.ShellText is not { Length: > 0 } text)
        {
            return;
        }

        if (command.Command.Script?.AllCommands().FirstOrDefault() is { Name: "exec" })
        {
            return;
        }

        context.Report(Descriptor, command.ArgumentsSpan, $"{command.Keyword} {text} runs under /bin/sh -c, so the app does not receive SIGTERM on 'docker stop'; use the exec form {ExecForm(text) ?? "[\"...\"]"}", Fix(context, command, text));
    }

    private static Fix? Fix(DockerfileContext context, CommandInstruction command, string text) =>
        ExecForm(text) is { } json ? context.Replace("use the exec form", command.ArgumentsSpan, json) : null;

    /// <summary>The JSON form when the text is plain words (no quotes, variables, operators, globs), else null.</summary>
    internal static string? ExecForm(string text)
    {
        if (text.AsSpan().IndexOfAny("\"'`$\\|&;<>()*?[]{}~#=\n") >= 0)
        {
            return null;
        }

        var builder = new StringBuilder("[");
        foreach (string word in text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(builder.Length > 1 ? ", \"" : "\"").Append(word).Append('"');
        }

        return builder.Append(']').ToString();
    }
}
