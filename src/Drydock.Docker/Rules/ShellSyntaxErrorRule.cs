using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF036: a RUN (or shell-form CMD/ENTRYPOINT/HEALTHCHECK) whose shell script does not parse.</summary>
public sealed class ShellSyntaxErrorRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF036",
        "shell-syntax-error",
        Severity.Error,
        "A shell command has a syntax error.",
        "The shell rejects the whole script ('syntax error: unterminated quoted string', 'unexpected end of file'): the RUN fails the build, and a CMD makes the container exit at start.",
        "Close the quote, substitution or compound command at the reported place.");

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitRun(DockerfileContext context, RunInstruction run) => Check(context, run, run.Scripts);

    public override void VisitCommand(DockerfileContext context, CommandInstruction command) =>
        Check(context, command, command.Command.IsExecForm ? [] : [.. OfNullable(command.Command.Script)]);

    public override void VisitHealthcheck(DockerfileContext context, HealthcheckInstruction healthcheck) =>
        Check(context, healthcheck, healthcheck.Command is { IsExecForm: false } command ? [.. OfNullable(command.Script)] : []);

    private static IEnumerable<ShellScript> OfNullable(ShellScript? script) => script is null ? [] : [script];

    private static void Check(DockerfileContext context, Instruction instruction, IEnumerable<ShellScript> scripts)
    {
        if (instruction.Stage?.ShellAt(instruction) is { } shell && shell.Count > 0 && !shell[0].EndsWith("sh", StringComparison.Ordinal))
        {
            return; // PowerShell or cmd: not POSIX shell.
        }

        foreach (var problem in scripts.SelectMany(script => script.Problems).Take(1))
        {
            context.Report(Descriptor, problem.Span, $"{instruction.Keyword} at line {instruction.Line}: {problem.Message}");
        }
    }
}
