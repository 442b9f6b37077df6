using Drydock.Findings;
using Drydock.Make.Model;

namespace Drydock.Make.Rules;

/// <summary>MK001: a command under a rule indented with spaces instead of a tab.</summary>
public sealed class RecipeIndentedWithSpacesRule : IMakeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "MK001",
        "recipe-indented-with-spaces",
        Severity.Error,
        "A recipe line is indented with spaces: make stops with \"missing separator\".",
        "make recognises a recipe line only by its leading tab (the recipe prefix). A command indented with spaces is read as a makefile line that is neither a rule nor an assignment, and make stops before running any target: `Makefile:N: *** missing separator (did you mean TAB instead of 8 spaces?).  Stop.` Editors that expand tabs cause it.",
        "Indent recipe lines with one tab (set your editor to keep tabs in Makefiles), or set `.RECIPEPREFIX` to a visible character.")
    {
        Fixable = true,
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(MakeContext context)
    {
        foreach (var file in context.Makefiles.Files)
        {
            foreach (var line in file.Statements.OfType<MisindentedRecipeLine>())
            {
                string target = line.Rule.Targets.FirstOrDefault()?.Text ?? "the rule";
                string command = file.Text.Text[line.Span.Start..line.Span.End].Split('\n')[0].TrimEnd('\r', '\\', ' ');
                string tab = file.Text.Text[line.Indent.Start..line.Indent.End].Contains('\t', StringComparison.Ordinal) ? "spaces and tabs" : $"{line.Indent.Length} space(s)";
                var fix = new Fix(line.Prefix == '\t' ? "Indent the recipe line with a tab" : $"Start the recipe line with the recipe prefix '{line.Prefix}'", true, [new TextEdit(file.Path, line.Indent.Start, line.Indent.Length, line.Prefix.ToString())]);
                context.Report(Descriptor, file, new MakeSpan(line.Indent.Start, line.Span.End),
                    $"`{command}` (recipe of '{target}', line {line.Rule.Line}) is indented with {tab}, not {(line.Prefix == '\t' ? "a tab" : $"the recipe prefix '{line.Prefix}'")}: make stops with `{file.Path}:{line.Line}: *** missing separator.  Stop.`",
                    fix: fix);
            }
        }
    }
}
