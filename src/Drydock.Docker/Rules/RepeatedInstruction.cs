using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>Shared check of DF015-DF017: an instruction that only its last occurrence in a stage takes effect.</summary>
internal static class RepeatedInstruction
{
    public static void Check<T>(DockerfileContext context, Stage stage, RuleDescriptor rule, string keyword)
        where T : Instruction
    {
        var all = stage.InstructionsOf<T>().ToList();
        foreach (var earlier in all.Take(all.Count - 1))
        {
            context.Report(rule, earlier.KeywordSpan, $"stage {stage.DisplayName} has {all.Count} {keyword} instructions and only the last (line {all[^1].Line}) takes effect; this one at line {earlier.Line} is dead: remove it");
        }
    }
}
