using Drydock.Findings;

namespace Drydock.Make.Rules;

/// <summary>MK003: <c>cd dir</c> alone on a recipe line, with more lines after it: the next line runs in the old folder.</summary>
public sealed class CdAloneInRecipeRule : IMakeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "MK003",
        "cd-alone-in-recipe",
        Severity.Warning,
        "`cd dir` stands alone on a recipe line: the following lines still run in the original folder.",
        "make runs each recipe line in its own shell (unless .ONESHELL is set). `cd build` on one line changes the folder of that shell only, which then exits; the next line runs where make started, so it builds, tests or deletes in the wrong place.",
        "Join the commands on one line: `cd build && cmake ..` (or use `$(MAKE) -C build`), or set .ONESHELL.");

    public RuleDescriptor Rule => Descriptor;

    public void Check(MakeContext context)
    {
        foreach (var file in context.Makefiles.Files.Where(file => !file.IsOneShell))
        {
            foreach (var rule in file.Rules)
            {
                for (int i = 0; i + 1 < rule.Recipe.Count; i++)
                {
                    string[] words = rule.Recipe[i].Command.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                    if (words.Length is < 1 or > 2 || words[0] != "cd" || (words.Length == 2 && words[1].AsSpan().IndexOfAny(";&|`()<>\\") >= 0))
                    {
                        continue;
                    }

                    string folder = words.Length == 2 ? words[1] : "~";
                    string next = rule.Recipe[i + 1].Command.Split('\n')[0].TrimEnd('\r', '\\', ' ');
                    context.Report(Descriptor, file, rule.Recipe[i].Span,
                        $"`cd {folder}` runs in its own shell: the next line (`{next}`, line {rule.Recipe[i + 1].Line}) still runs in the folder make started in",
                        $"Write `cd {folder} && {next}` on one line, or use `$(MAKE) -C {folder}` for a sub-make.");
                }
            }
        }
    }
}
