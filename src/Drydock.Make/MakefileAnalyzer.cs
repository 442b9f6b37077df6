using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Make.Model;
using Drydock.Make.Rules;

namespace Drydock.Make;

/// <summary>The MK rules that read Makefiles alone. Rules are listed explicitly (NativeAOT: no reflection).</summary>
public sealed class MakefileAnalyzer : IAnalyzer
{
    private static readonly IReadOnlyList<IMakeRule> AllRules =
    [
        new MakefileUnparsableRule(),
        new RecipeIndentedWithSpacesRule(),
        new PhonyTargetNotDeclaredRule(),
        new CdAloneInRecipeRule(),
        new ShellVariableSingleDollarRule(),
        new RecipeOverriddenRule(),
        new PrerequisiteMissingRule(),
        new DefaultGoalMissingRule(),
    ];

    public IReadOnlyList<RuleDescriptor> Rules { get; } = [.. AllRules.Select(rule => rule.Rule)];

    /// <summary>The rule objects, for the test that checks every rule class is listed.</summary>
    public static IReadOnlyList<IMakeRule> RuleInstances => AllRules;

    public void Analyze(Project project, FindingSink sink)
    {
        if (project.Files.OfKind(Discovery.FileKind.Makefile).Count == 0)
        {
            return;
        }

        var context = new MakeContext(project, project.Model<MakefileSet>(MakefileSet.Build), sink);
        foreach (var rule in AllRules)
        {
            rule.Check(context);
        }
    }
}
