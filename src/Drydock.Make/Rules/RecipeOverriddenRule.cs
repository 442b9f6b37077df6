using Drydock.Findings;

namespace Drydock.Make.Rules;

/// <summary>MK005: a target given two recipes by single-colon rules: make keeps the last and ignores the first.</summary>
public sealed class RecipeOverriddenRule : IMakeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "MK005",
        "recipe-overridden",
        Severity.Warning,
        "A target has two recipes: make warns \"overriding recipe for target\" and silently ignores the first one.",
        "GNU make allows one recipe per target (except in double-colon rules). When a second rule gives the same target a recipe, make prints `warning: overriding recipe for target 'x'` and `warning: ignoring old recipe for target 'x'`, then runs only the later one. Usually a copied block: the first recipe, often the one people read, never runs.",
        "Keep one rule with a recipe for the target (merge the commands), rename one of them, or use double-colon rules (`x::`) if both recipes must run.");

    public RuleDescriptor Rule => Descriptor;

    public void Check(MakeContext context)
    {
        foreach (var file in context.Makefiles.Files)
        {
            foreach (var (name, rules) in file.Targets)
            {
                var withRecipe = rules.Where(rule => rule.HasRecipe && !rule.IsDoubleColon && rule.StaticPattern is null).ToList();
                for (int i = 1; i < withRecipe.Count; i++)
                {
                    var earlier = withRecipe.Take(i).LastOrDefault(rule => rule.Condition.SameAs(withRecipe[i].Condition));
                    if (earlier is null)
                    {
                        continue;
                    }

                    var later = withRecipe[i];
                    var target = later.Targets.First(word => (file.Variables.Expand(word.Text) ?? "").Split(' ').Contains(name));
                    context.Report(Descriptor, file, target.Span,
                        $"target '{name}' already has a recipe at line {earlier.Line}: make warns `{file.Path}:{later.Line}: warning: overriding recipe for target '{name}'` and never runs the first one",
                        related: [MakeContext.Related(file, earlier.Span, $"first recipe for '{name}', ignored by make")]);
                }
            }
        }
    }
}
