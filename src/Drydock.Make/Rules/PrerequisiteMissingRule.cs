using Drydock.Findings;
using Drydock.Make.Model;

namespace Drydock.Make.Rules;

/// <summary>MK006: a literal prerequisite that no rule makes and no file provides.</summary>
public sealed class PrerequisiteMissingRule : IMakeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "MK006",
        "prerequisite-missing",
        Severity.Error,
        "A prerequisite is neither a target of the Makefile nor a file in the repository: make stops with \"No rule to make target\".",
        "Before running a recipe make needs every prerequisite: a file that exists or a rule that makes it. A renamed target, a typo, or a file that is git-ignored (present on your machine, absent in CI) gives `make: *** No rule to make target 'x', needed by 'y'.  Stop.`",
        "Fix the name to match a target or file, add a rule that makes it, or commit the file.");

    public RuleDescriptor Rule => Descriptor;

    public void Check(MakeContext context)
    {
        foreach (var file in context.Makefiles.Files.Where(file => !file.IsFragment && !file.HasHiddenTargets && !file.HasSearchPath))
        {
            foreach (var rule in file.Rules.Where(rule => rule.Targets.Count > 0 && !rule.IsPatternRule && rule.StaticPattern is null && !rule.Targets.Any(IsSpecialTarget)))
            {
                // lib.a(member.o) names an archive member: make's archive rules handle it.
                foreach (var prerequisite in rule.Prerequisites.Where(word => !word.HasReference && !word.HasWildcard && !word.IsPattern && !word.Text.Contains('(', StringComparison.Ordinal)))
                {
                    string name = MakefileDocument.TargetName(prerequisite.Text);
                    if (file.Targets.ContainsKey(name) || file.PatternCouldMake(name) || context.Exists(file, name) || MakeContext.RepositoryPath(file, name) is not { } path
                        || BuiltInRuleCouldMake(context, path))
                    {
                        continue;
                    }

                    string needer = rule.Targets[0].Text;
                    context.Report(Descriptor, file, prerequisite.Span,
                        $"prerequisite '{name}' of '{needer}' is no target of {file.Path} and no file in the repository: `make {needer}` stops with \"make: *** No rule to make target '{name}', needed by '{needer}'.  Stop.\"");
                }
            }
        }
    }

    /// <summary>.PHONY, .SUFFIXES and the other special targets take names that need not exist.</summary>
    private static bool IsSpecialTarget(MakeWord target) => target.Text.Length > 1 && target.Text[0] == '.' && target.Text.Skip(1).All(c => char.IsAsciiLetterUpper(c) || c == '_');

    /// <summary>
    /// make's built-in rules make <c>x.o</c> from <c>x.c</c>, <c>x</c> from <c>x.c</c> or <c>x.sh</c>, and so on: a file
    /// with the same stem and another extension could be the source, so stay quiet.
    /// </summary>
    private static bool BuiltInRuleCouldMake(MakeContext context, string path)
    {
        int slash = path.LastIndexOf('/');
        string folder = slash < 0 ? "" : path[..slash];
        string name = path[(slash + 1)..];
        int dot = name.LastIndexOf('.');
        string stem = (dot > 0 ? name[..dot] : name) + ".";
        string prefix = folder.Length == 0 ? stem : folder + "/" + stem;
        return context.Project.Files.FilesUnder(folder).Any(file => file.StartsWith(prefix, StringComparison.Ordinal) && !file.AsSpan(prefix.Length).Contains('/'));
    }
}
