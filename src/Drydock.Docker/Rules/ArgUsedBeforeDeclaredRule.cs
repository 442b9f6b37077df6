using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>
/// DF034: an instruction uses a variable that is a global ARG (before FROM), a platform ARG, or an ARG declared later
/// in the stage, but is not declared in the stage at that point: it expands to an empty string.
/// </summary>
public sealed class ArgUsedBeforeDeclaredRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF034",
        "arg-not-in-scope",
        Severity.Warning,
        "A variable is used where its ARG is not in scope.",
        "An ARG declared before FROM is visible only to FROM lines; inside a stage it must be declared again (ARG NAME). Platform ARGs such as TARGETARCH need 'ARG TARGETARCH' in the stage too. Otherwise the variable is silently empty: 'if [ \"$TARGETARCH\" = amd64 ]' is never true.",
        "Add 'ARG NAME' (no value: it inherits the global default) in the stage, before the first use.")
    {
        Equivalents = ["buildkit UndefinedArgInFrom", "buildkit UndefinedVar"],
        Fixable = true,
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitInstruction(DockerfileContext context, Instruction instruction)
    {
        if (instruction.Stage is not { } stage || instruction is FromInstruction or ArgInstruction)
        {
            return;
        }

        var scope = stage.ScopeAt(instruction);
        foreach (string name in UsedVariables(instruction).Distinct())
        {
            if (scope.IsDeclared(name))
            {
                continue;
            }

            string? why = context.Document.GlobalScope[name] is { Origin: VariableOrigin.Arg } ? "is declared only before FROM"
                : StageBuilderNames.Platform.Contains(name) ? "is a platform ARG that must be declared in the stage"
                : stage.InstructionsOf<ArgInstruction>().FirstOrDefault(arg => arg.Index > instruction.Index && arg.Declarations.Any(declaration => declaration.Name == name)) is { } later ? $"is declared later, at line {later.Line}"
                : null;
            if (why is null)
            {
                continue;
            }

            var fix = context.Insert($"declare ARG {name}", instruction.Span.Start, $"ARG {name}" + context.Document.Source.NewLine);
            context.Report(Descriptor, instruction.KeywordSpan, $"${name} {why}, so here in stage {stage.DisplayName} it expands to an empty string; add 'ARG {name}' before line {instruction.Line}", fix);
        }
    }

    private static IEnumerable<string> UsedVariables(Instruction instruction) => instruction switch
    {
        RunInstruction run => run.Commands.SelectMany(command => command.Words.Concat(command.Assignments.Select(assignment => assignment.Value)))
            .SelectMany(word => word.Variables),
        CommandInstruction or HealthcheckInstruction => [],
        _ => instruction.Words.Where(word => word.HasVariables).SelectMany(word => VariableNames(word.Raw))
            .Concat(instruction.Flags.Where(flag => flag.Value?.Contains('$') == true).SelectMany(flag => VariableNames(flag.Value!))),
    };

    private static IEnumerable<string> VariableNames(string raw)
    {
        for (int index = raw.IndexOf('$'); index >= 0 && index + 1 < raw.Length; index = raw.IndexOf('$', index + 1))
        {
            int start = raw[index + 1] == '{' ? index + 2 : index + 1;
            int end = start;
            while (end < raw.Length && (char.IsAsciiLetterOrDigit(raw[end]) || raw[end] == '_'))
            {
                end++;
            }

            if (end > start && !char.IsAsciiDigit(raw[start]))
            {
                yield return raw[start..end];
            }
        }
    }
}

internal static class StageBuilderNames
{
    public static readonly HashSet<string> Platform = ["TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT"];
}
