using Drydock.Findings;
using Drydock.Make.Model;

namespace Drydock.Make.Rules;

/// <summary>MK002: an action target (test, docs, build...) that is also a committed file or folder, and is not .PHONY.</summary>
public sealed class PhonyTargetNotDeclaredRule : IMakeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "MK002",
        "phony-target-not-declared",
        Severity.Error,
        "An action target has the name of a file or folder next to the Makefile and is not declared .PHONY: make finds it up to date and runs nothing.",
        "make treats a target as a file. When `test` has no prerequisites and a folder `test/` exists, `make test` prints \"make: 'test' is up to date.\" and runs nothing: the CI step passes without running a single test, and nobody notices.",
        "Declare the target phony: `.PHONY: test` (append it to the existing .PHONY line).")
    {
        Fixable = true,
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(MakeContext context)
    {
        // An included file may declare .PHONY: stay quiet there.
        foreach (var file in context.Makefiles.Files.Where(file => !file.IsFragment && !file.Includes.Any()))
        {
            var phony = file.PhonyTargets;
            foreach (var (name, rules) in file.Targets)
            {
                if (phony.Contains(name) || !context.Knowledge.ConventionalPhonyTargets.Contains(name) || !context.Exists(file, name)
                    || rules.Any(rule => rule.Prerequisites.Count > 0 || rule.IsDoubleColon) || !rules.Any(rule => rule.HasRecipe))
                {
                    continue;
                }

                var rule = rules.First(rule => rule.HasRecipe);
                var target = rule.Targets.First(word => (file.Variables.Expand(word.Text) ?? "").Split(' ').Contains(name));
                string path = MakeContext.RepositoryPath(file, name)!;
                string kind = context.Project.Files.DirectoryExists(path) ? "folder" : "file";
                context.Report(Descriptor, file, target.Span,
                    $"target '{name}' has no prerequisites and a {kind} '{path}' exists: `make {name}` prints \"make: '{name}' is up to date.\" and runs nothing; declare it in .PHONY",
                    $"Add `{name}` to .PHONY.",
                    Fix(file, rule, name));
            }
        }
    }

    /// <summary>Appends the name to the last .PHONY line, or inserts a .PHONY line above the rule.</summary>
    private static Fix Fix(MakefileDocument file, MakeRule rule, string name)
    {
        var declaration = file.Rules.LastOrDefault(candidate => candidate.Targets.Count == 1 && candidate.Targets[0].Text == ".PHONY" && !candidate.HasRecipe && candidate.OrderOnly.Count == 0);
        if (declaration is not null)
        {
            return new Fix($"Add '{name}' to .PHONY", true, [new TextEdit(file.Path, declaration.Span.End, 0, " " + name)]);
        }

        int lineStart = file.Text.LineStart(rule.Line);
        return new Fix($"Declare '{name}' in .PHONY", true, [new TextEdit(file.Path, lineStart, 0, $".PHONY: {name}{file.Text.NewLine}")]);
    }
}
