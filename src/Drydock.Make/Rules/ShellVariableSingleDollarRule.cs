using Drydock.Findings;
using Drydock.Make.Model;

namespace Drydock.Make.Rules;

/// <summary>MK004: <c>$HOME</c> in a recipe: make expands <c>$H</c> and leaves <c>OME</c>.</summary>
public sealed class ShellVariableSingleDollarRule : IMakeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "MK004",
        "shell-variable-single-dollar",
        Severity.Error,
        "A recipe uses a shell variable with one `$` (`$HOME`): make expands `$H` and the shell gets `OME`.",
        "make expands every `$` in a recipe before the shell sees it, and `$X` with one letter is a make variable. `$HOME/bin` becomes `OME/bin` (with `$H` usually empty), `$PATH` becomes `ATH`: the command reads or deletes the wrong path, silently.",
        "Write `$$HOME` so that make passes `$HOME` to the shell, or `$(HOME)` to use make's copy of the environment variable.")
    {
        Fixable = true,
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(MakeContext context)
    {
        foreach (var file in context.Makefiles.Files)
        {
            string text = file.Text.Text;
            foreach (var line in file.Rules.SelectMany(rule => rule.Recipe))
            {
                foreach (var reference in Flatten(text, line.Span.Start, line.Span.End))
                {
                    int after = reference.Span.End;
                    int wordEnd = after;
                    while (wordEnd < line.Span.End && (char.IsAsciiLetterOrDigit(text[wordEnd]) || text[wordEnd] == '_'))
                    {
                        wordEnd++;
                    }

                    if (reference.Kind != MakeReferenceKind.SingleCharacter || !(char.IsAsciiLetter(reference.Name[0]) || reference.Name[0] == '_')
                        || wordEnd == after || file.Variables.IsDefined(reference.Name))
                    {
                        continue;
                    }

                    string word = text[(reference.Span.Start + 1)..wordEnd];
                    var fix = new Fix($"Escape the dollar: $${word}", false, [new TextEdit(file.Path, reference.Span.Start, 0, "$")]);
                    context.Report(Descriptor, file, new MakeSpan(reference.Span.Start, wordEnd),
                        $"`${word}` in a recipe: make expands `${reference.Name}` (the make variable '{reference.Name}', empty here) and the shell gets `{text[after..wordEnd]}`; write `$${word}` for the shell variable",
                        $"Write `$${word}` for the shell's variable, or `$({word})` for make's.",
                        fix);
                }
            }
        }
    }

    /// <summary>
    /// Every reference in the span, including those nested in a function's arguments (<c>$(shell echo $HOME)</c>).
    /// Iterative and bounded: real recipes nest a few levels, a hostile file nests thousands of <c>$(</c>.
    /// </summary>
    private static IEnumerable<MakeReference> Flatten(string text, int start, int end)
    {
        const int MaxNesting = 32;
        var pending = new Stack<(int Start, int End, int Depth)>();
        pending.Push((start, end, 0));
        while (pending.Count > 0)
        {
            var (from, to, depth) = pending.Pop();
            foreach (var reference in Parsing.MakeText.References(text, from, to))
            {
                yield return reference;
                if (depth < MaxNesting && reference.Kind is MakeReferenceKind.Function or MakeReferenceKind.Variable && reference.Span.Length > 3)
                {
                    pending.Push((reference.Span.Start + 2, reference.Span.End - 1, depth + 1));
                }
            }
        }
    }
}
