using Drydock.Make.Model;
using Drydock.Text;

namespace Drydock.Make.Parsing;

/// <summary>
/// Reads a GNU Makefile into statements with exact spans: logical lines joined at backslash-newlines, comments,
/// recipes (after the recipe prefix, tab unless <c>.RECIPEPREFIX</c> says otherwise), rules of every form,
/// assignments, <c>define</c> blocks, conditionals (both branches kept) and directives. It never reports rule
/// findings: syntax errors make stops on become <see cref="MakeProblem"/>s.
/// </summary>
public sealed partial class MakefileParser
{
    private readonly SourceText source;
    private readonly string text;
    private readonly List<MakeStatement> statements = [];
    private readonly List<MakeProblem> problems = [];
    private readonly List<ConditionalFrame> frames = [];
    private readonly Dictionary<int, int> statementEnds = [];
    private char recipePrefix = '\t';
    private MakeRule? rule;
    private int nextConditional;

    private MakefileParser(SourceText source)
    {
        this.source = source;
        text = source.Text;
    }

    public static MakefileDocument Parse(SourceText source)
    {
        var parser = new MakefileParser(source);
        parser.Run();
        return new MakefileDocument(source, parser.statements, parser.problems, parser.statementEnds);
    }

    private sealed class ConditionalFrame(int id, int line, MakeSpan span)
    {
        public int Id { get; } = id;

        public int Line { get; } = line;

        public MakeSpan Span { get; } = span;

        public int Branch { get; set; }
    }

    private ConditionPath Condition => frames.Count == 0 ? ConditionPath.Always : new ConditionPath([.. frames.Select(frame => (frame.Id, frame.Branch))]);

    private void Run()
    {
        int position = 0;
        while (position < text.Length)
        {
            var (start, end, next) = LogicalLine(position);
            position = next;
            if (rule is not null && text[start] == recipePrefix)
            {
                AddRecipeLine(start + 1, end, isInline: false);
                continue;
            }

            ReadLine(start, end, ref position);
        }

        foreach (var frame in frames)
        {
            problems.Add(new MakeProblem("missing 'endif'", frame.Span, frame.Line));
        }
    }

    /// <summary>A logical line from <paramref name="start"/>: its end (before the line break) and where the next one starts.</summary>
    private (int Start, int End, int Next) LogicalLine(int start)
    {
        int physical = start;
        while (true)
        {
            int newline = text.IndexOf('\n', physical);
            int next = newline < 0 ? text.Length : newline + 1;
            int end = newline < 0 ? text.Length : newline;
            if (end > physical && text[end - 1] == '\r')
            {
                end--;
            }

            if (next < text.Length && MakeText.EndsWithContinuation(text, physical, end))
            {
                physical = next;
                continue;
            }

            return (start, end, next);
        }
    }

    private void ReadLine(int start, int end, ref int position)
    {
        int hash = MakeText.IndexOfUnreferenced(text, start, end, "#");
        var content = MakeText.Trim(text, start, hash < 0 ? end : hash);
        if (content.Length == 0)
        {
            return;
        }

        int line = source.Position(content.Start).Line;
        string keyword = FirstWord(content);
        if (ReadConditional(keyword, content, line))
        {
            return;
        }

        if (keyword == "endef")
        {
            problems.Add(new MakeProblem("extraneous 'endef'", content, line));
            return;
        }

        if (ReadDirective(keyword, content, line, end, ref position))
        {
            rule = null;
            return;
        }

        if (ReadAssignment(content, line, []) is { } assignment)
        {
            Add(assignment, end);
            rule = null;
            if (assignment.Name.Text == ".RECIPEPREFIX" && assignment.Operator is AssignmentOperator.Recursive or AssignmentOperator.Simple && !assignment.Value.Contains('$', StringComparison.Ordinal))
            {
                recipePrefix = assignment.Value.Length == 0 ? '\t' : assignment.Value[0];
            }

            return;
        }

        if (ReadRule(end, content, line))
        {
            return;
        }

        // A line of references only ($(eval ...), $(info ...), $(foreach ...)) may expand to nothing, which is fine,
        // or to a rule: make decides after expansion, so it is no problem here.
        if (OnlyReferences(content))
        {
            return;
        }

        if (rule is not null && text[start] is ' ' or '\t')
        {
            Add(new MisindentedRecipeLine { Span = content, Line = line, Condition = Condition, Indent = new MakeSpan(start, content.Start), Rule = rule, Prefix = recipePrefix }, end);
            return;
        }

        if (MakeText.References(text, content.Start, content.End).Any(reference => reference.Kind != MakeReferenceKind.Escape))
        {
            // A reference could expand to ':' or '=': what make reads is unknown, so stay quiet.
            return;
        }

        string message = text[start] == recipePrefix
            ? "recipe commences before first target"
            : string.CompareOrdinal(text, start, "        ", 0, 8) == 0 && recipePrefix == '\t'
                ? "missing separator (did you mean TAB instead of 8 spaces?)"
                : "missing separator";
        problems.Add(new MakeProblem(message, content, line));
    }

    private bool OnlyReferences(MakeSpan content)
    {
        int i = content.Start;
        while (i < content.End)
        {
            if (MakeText.IsBlank(text, i, content.End))
            {
                i++;
            }
            else if (text[i] == '$' && i + 1 < content.End && text[i + 1] is '(' or '{')
            {
                i = MakeText.ReferenceEnd(text, i, content.End);
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private string FirstWord(MakeSpan content)
    {
        int i = content.Start;
        while (i < content.End && !MakeText.IsBlank(text, i, content.End) && text[i] != '(' && text[i] != '=' && text[i] != ':')
        {
            i++;
        }

        return text[content.Start..i];
    }

    private bool ReadConditional(string keyword, MakeSpan content, int line)
    {
        switch (keyword)
        {
            case "ifeq" or "ifneq" or "ifdef" or "ifndef":
                frames.Add(new ConditionalFrame(nextConditional++, line, content));
                return true;
            case "else":
                if (frames.Count == 0)
                {
                    problems.Add(new MakeProblem("extraneous 'else'", content, line));
                }
                else
                {
                    frames[^1].Branch++;
                }

                return true;
            case "endif":
                if (frames.Count == 0)
                {
                    problems.Add(new MakeProblem("extraneous 'endif'", content, line));
                }
                else
                {
                    frames.RemoveAt(frames.Count - 1);
                }

                return true;
            default:
                return false;
        }
    }

    private void AddRecipeLine(int start, int end, bool isInline)
    {
        var recipe = new RecipeLine { Span = new MakeSpan(start, end), Line = source.Position(start).Line, Text = text[start..end], IsInline = isInline, Prefix = recipePrefix };
        rule!.Recipe.Add(recipe);
        var (endLine, _) = source.Position(end);
        if (!isInline)
        {
            statementEnds[rule.Line] = Math.Max(statementEnds.GetValueOrDefault(rule.Line), endLine);
        }
    }

    private void Add(MakeStatement statement, int end)
    {
        statements.Add(statement);
        statementEnds[statement.Line] = Math.Max(statementEnds.GetValueOrDefault(statement.Line), source.Position(end).Line);
    }
}
