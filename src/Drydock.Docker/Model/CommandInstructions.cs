using Drydock.Docker.Parsing;

namespace Drydock.Docker.Model;

/// <summary>
/// A command given in exec form (<c>["python", "-m", "app"]</c>) or shell form (<c>python -m app</c>):
/// CMD, ENTRYPOINT and HEALTHCHECK CMD.
/// </summary>
public sealed class CommandForm
{
    private readonly Lazy<ShellScript?> script;

    internal CommandForm(IReadOnlyList<JsonArgument>? exec, SourceMap shellText, string fileText, TextSpan span)
    {
        Exec = exec;
        ShellText = exec is null ? shellText.Text.Trim() : null;
        Span = span;
        script = new Lazy<ShellScript?>(() => exec is null ? ShellParser.Parse(shellText) : ScriptSources.FromExec(exec, fileText));
    }

    /// <summary>The argv of the exec form; null for the shell form.</summary>
    public IReadOnlyList<JsonArgument>? Exec { get; }

    public bool IsExecForm => Exec is not null;

    /// <summary>The command of the shell form; null for the exec form.</summary>
    public string? ShellText { get; }

    public TextSpan Span { get; }

    /// <summary>The shell script this command runs (shell form, or an exec form of <c>sh -c</c>).</summary>
    public ShellScript? Script => script.Value;

    /// <summary>What the container runs: the exec argv, or <paramref name="shell"/> + the shell text.</summary>
    public IReadOnlyList<string> Argv(IReadOnlyList<string> shell) =>
        Exec is not null ? [.. Exec.Select(argument => argument.Value)] : [.. shell, ShellText ?? ""];
}

/// <summary>CMD and ENTRYPOINT.</summary>
public abstract class CommandInstruction : Instruction
{
    internal CommandInstruction(InstructionParts parts)
        : base(parts)
    {
        Command = new CommandForm(parts.Json, parts.Arguments, parts.FileText, ArgumentsSpan);
    }

    public CommandForm Command { get; }
}

public sealed class CmdInstruction : CommandInstruction
{
    internal CmdInstruction(InstructionParts parts)
        : base(parts)
    {
    }
}

public sealed class EntrypointInstruction : CommandInstruction
{
    internal EntrypointInstruction(InstructionParts parts)
        : base(parts)
    {
    }
}

/// <summary><c>HEALTHCHECK NONE</c> or <c>HEALTHCHECK [--interval=..] [--timeout=..] [--start-period=..] [--retries=..] CMD command</c>.</summary>
public sealed class HealthcheckInstruction : Instruction
{
    internal HealthcheckInstruction(InstructionParts parts)
        : base(parts)
    {
        var map = parts.Arguments;
        string text = map.Text;
        int start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        int end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        string mode = text[start..end].ToUpperInvariant();
        IsNone = mode == "NONE";
        if (mode == "CMD")
        {
            DockerfileProblem? problem = null;
            var exec = JsonArrayParser.LooksLikeJson(map, end) ? JsonArrayParser.TryParse(map, end, out problem) : null;
            CommandProblem = problem;
            var rest = map.Slice(end, text.Length);
            Command = new CommandForm(exec, rest, parts.FileText, rest.ToFile(0, rest.Length));
        }
    }

    public bool IsNone { get; }

    /// <summary>The probe; null for NONE or a HEALTHCHECK without CMD.</summary>
    public CommandForm? Command { get; }

    /// <summary>The probe starts with '[' but is not valid JSON.</summary>
    public DockerfileProblem? CommandProblem { get; }

    public string? Interval => Flag("interval")?.Value;

    public string? Timeout => Flag("timeout")?.Value;

    public string? StartPeriod => Flag("start-period")?.Value;

    public string? StartInterval => Flag("start-interval")?.Value;

    public string? Retries => Flag("retries")?.Value;
}
