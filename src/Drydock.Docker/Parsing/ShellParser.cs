using Drydock.Docker.Model;

namespace Drydock.Docker.Parsing;

/// <summary>
/// A recursive-descent parser for the POSIX shell that RUN, shell-form CMD/ENTRYPOINT and HEALTHCHECK use:
/// lists, and-or, pipelines, subshells, groups, if, case, for/while/until, functions, redirects, substitutions.
/// It never throws; what it cannot read becomes a <see cref="ShellProblem"/> and the parse goes on.
/// </summary>
public sealed class ShellParser
{
    /// <summary>Nesting beyond this (subshells, substitutions, if inside if...) is reported, not followed.</summary>
    public const int MaxDepth = 64;

    private static readonly HashSet<string> ListTerminators = new(StringComparer.Ordinal) { "then", "elif", "else", "fi", "do", "done", "esac", "}" };

    private readonly SourceMap map;
    private readonly ShellLexer lexer;
    private readonly List<ShellProblem> problems;
    private readonly int depth;
    private ShellToken? peeked;
    private int lastEnd;
    private int nesting;

    private ShellParser(SourceMap map, int start, int end, int depth, List<ShellProblem> problems)
    {
        this.map = map;
        this.depth = depth;
        this.problems = problems;
        lexer = new ShellLexer(map, start, end, depth, problems);
        lastEnd = start;
    }

    /// <summary>Parses the whole of <paramref name="map"/>'s text as a script.</summary>
    public static ShellScript Parse(SourceMap map)
    {
        var problems = new List<ShellProblem>();
        var script = ParseRange(map, 0, map.Length, 0, problems);
        script.Problems = problems;
        ShellAnnotator.Annotate(script);
        return script;
    }

    internal static ShellScript ParseRange(SourceMap map, int start, int end, int depth, List<ShellProblem> problems)
    {
        if (depth > MaxDepth)
        {
            problems.Add(new ShellProblem($"shell nesting deeper than {MaxDepth} levels; the rest is not analysed", map.ToFile(start, end)));
            return new ShellScript { Span = map.ToFile(start, end) };
        }

        var parser = new ShellParser(map, start, end, depth, problems);
        var script = parser.ParseList();
        while (parser.Peek().Kind != ShellTokenKind.End)
        {
            var stray = parser.Take();
            problems.Add(new ShellProblem($"unexpected '{stray.Text}'", map.ToFile(stray.Start, stray.End)));
            var more = parser.ParseList();
            script.Items = [.. script.Items, .. more.Items];
        }

        script.Span = map.ToFile(start, end);
        return script;
    }

    private ShellToken Peek() => peeked ??= lexer.Next();

    private ShellToken Take()
    {
        var token = Peek();
        peeked = null;
        lastEnd = token.End;
        return token;
    }

    private void SkipNewlines()
    {
        while (Peek().Kind == ShellTokenKind.Newline)
        {
            Take();
        }
    }

    private bool AtListEnd()
    {
        var token = Peek();
        return token.Kind == ShellTokenKind.End
            || (token.Kind == ShellTokenKind.Operator && token.Text is ")" or ";;" or ";&" or ";;&")
            || (token.Kind == ShellTokenKind.Word && token.Word is { IsQuoted: false } && ListTerminators.Contains(token.Text));
    }

    private ShellScript ParseList()
    {
        int start = Peek().Start;
        var items = new List<ShellAndOr>();
        while (true)
        {
            while (Peek().Kind == ShellTokenKind.Newline || Peek().IsOperator(";"))
            {
                Take();
            }

            if (AtListEnd())
            {
                break;
            }

            var item = ParseAndOr();
            if (item is null)
            {
                var stray = Take();
                problems.Add(new ShellProblem($"unexpected '{stray.Text}'", map.ToFile(stray.Start, stray.End)));
                continue;
            }

            items.Add(item);
            var next = Peek();
            if (next.Kind == ShellTokenKind.Newline || next.IsOperator(";") || next.IsOperator("&"))
            {
                item.Terminator = Take().Text;
            }
        }

        return new ShellScript { Items = items, Span = map.ToFile(start, Math.Max(start, lastEnd)) };
    }

    private ShellAndOr? ParseAndOr()
    {
        int start = Peek().Start;
        var first = ParsePipeline();
        if (first is null)
        {
            return null;
        }

        var pipelines = new List<ShellPipeline> { first };
        var operators = new List<string>();
        while (Peek().IsOperator("&&") || Peek().IsOperator("||"))
        {
            string op = Take().Text;
            SkipNewlines();
            var next = ParsePipeline();
            if (next is null)
            {
                problems.Add(new ShellProblem($"'{op}' is not followed by a command", map.ToFile(lastEnd, lastEnd)));
                break;
            }

            operators.Add(op);
            pipelines.Add(next);
        }

        return new ShellAndOr { Pipelines = pipelines, Operators = operators, Span = map.ToFile(start, lastEnd) };
    }

    private ShellPipeline? ParsePipeline()
    {
        int start = Peek().Start;
        bool negated = false;
        if (Peek().IsKeyword("!"))
        {
            Take();
            negated = true;
        }

        var commands = new List<ShellCommand>();
        var pipeline = new ShellPipeline();
        while (true)
        {
            var command = ParseCommand();
            if (command is null)
            {
                break;
            }

            if (command is SimpleCommand simple)
            {
                simple.Pipeline = pipeline;
            }

            commands.Add(command);
            if (Peek().IsOperator("|") || Peek().IsOperator("|&"))
            {
                Take();
                SkipNewlines();
                continue;
            }

            break;
        }

        if (commands.Count == 0)
        {
            return null;
        }

        pipeline.Commands = commands;
        pipeline.Negated = negated;
        pipeline.Span = map.ToFile(start, lastEnd);
        return pipeline;
    }

    private ShellCommand? ParseCommand()
    {
        var token = Peek();
        if (AtListEnd() && !token.IsKeyword("}"))
        {
            return null;
        }

        if (token.IsKeyword("}"))
        {
            return null;
        }

        int start = token.Start;
        ShellCommand? command = null;
        if (token.IsOperator("("))
        {
            Take();
            var body = ParseNested();
            Expect(")", "(", start);
            command = new ShellSubshell { Body = body };
        }
        else if (token.IsKeyword("{"))
        {
            Take();
            var body = ParseNested();
            ExpectKeyword("}", "{", start);
            command = new ShellBraceGroup { Body = body };
        }
        else if (token.IsKeyword("if"))
        {
            command = ParseIf();
        }
        else if (token.IsKeyword("case"))
        {
            command = ParseCase();
        }
        else if (token.IsKeyword("for") || token.IsKeyword("while") || token.IsKeyword("until"))
        {
            command = ParseLoop();
        }
        else if (token.Kind is ShellTokenKind.Word or ShellTokenKind.Redirect)
        {
            return ParseSimple();
        }
        else
        {
            return null;
        }

        command.Redirects = ParseRedirects();
        command.Span = map.ToFile(start, lastEnd);
        return command;
    }

    private ShellScript ParseNested()
    {
        if (depth + nesting + 1 > MaxDepth)
        {
            problems.Add(new ShellProblem($"shell nesting deeper than {MaxDepth} levels; the rest is not analysed", map.ToFile(Peek().Start, Peek().Start)));
            while (Peek().Kind != ShellTokenKind.End)
            {
                Take();
            }

            return new ShellScript();
        }

        nesting++;
        lexer.Depth = depth + nesting;
        var body = ParseList();
        nesting--;
        lexer.Depth = depth + nesting;
        return body;
    }

    private List<ShellRedirect> ParseRedirects()
    {
        var redirects = new List<ShellRedirect>();
        while (Peek().Kind == ShellTokenKind.Redirect)
        {
            redirects.Add(ParseRedirect());
        }

        return redirects;
    }

    private ShellRedirect ParseRedirect()
    {
        var op = Take();
        ShellWord? target = null;
        if (Peek().Kind == ShellTokenKind.Word)
        {
            target = Take().Word;
        }
        else
        {
            problems.Add(new ShellProblem($"redirect '{op.Text}' has no target", map.ToFile(op.Start, op.End)));
        }

        if (op.Text is "<<" or "<<-" && target is not null)
        {
            lexer.ExpectHeredoc(target.Value, op.Text == "<<-");
        }

        return new ShellRedirect { Operator = op.Text, FileDescriptor = op.FileDescriptor, Target = target, Span = map.ToFile(op.Start, lastEnd) };
    }

    private ShellCommand ParseSimple()
    {
        int start = Peek().Start;
        var assignments = new List<ShellAssignment>();
        var words = new List<ShellWord>();
        var redirects = new List<ShellRedirect>();
        while (true)
        {
            var token = Peek();
            if (token.Kind == ShellTokenKind.Redirect)
            {
                redirects.Add(ParseRedirect());
                continue;
            }

            if (token.Kind != ShellTokenKind.Word)
            {
                break;
            }

            Take();
            var word = token.Word!;
            if (words.Count == 0 && AssignmentName(word) is { } name)
            {
                assignments.Add(new ShellAssignment { Name = name, Value = ValueOfAssignment(word, name), Span = word.Span });
                continue;
            }

            // name() { ... }: a function definition.
            if (words.Count == 0 && assignments.Count == 0 && Peek().IsOperator("("))
            {
                Take();
                if (Peek().IsOperator(")"))
                {
                    Take();
                    SkipNewlines();
                    var body = ParseCommand() ?? new SimpleCommand { Span = map.ToFile(lastEnd, lastEnd) };
                    return new ShellFunction { Name = word.Value, Body = body, Span = map.ToFile(start, lastEnd) };
                }

                problems.Add(new ShellProblem($"unexpected '(' after '{word.Raw}'", word.Span));
            }

            words.Add(word);
        }

        return new SimpleCommand { Assignments = assignments, Words = words, Redirects = redirects, Span = map.ToFile(start, lastEnd) };
    }

    private static string? AssignmentName(ShellWord word)
    {
        int equals = word.Raw.IndexOf('=');
        if (equals <= 0)
        {
            return null;
        }

        string name = word.Raw[..equals];
        if (name.EndsWith('+'))
        {
            name = name[..^1];
        }

        return name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? name : null;
    }

    private static ShellWord ValueOfAssignment(ShellWord word, string name)
    {
        int equals = word.Value.IndexOf('=');
        string value = equals >= 0 ? word.Value[(equals + 1)..] : "";
        int rawEquals = word.Raw.IndexOf('=');
        return new ShellWord
        {
            Raw = word.Raw[(rawEquals + 1)..],
            Value = value,
            IsQuoted = word.IsQuoted,
            HasExpansion = word.HasExpansion,
            Variables = word.Variables,
            Substitutions = word.Substitutions,
            Span = new TextSpan(Math.Min(word.Span.End, word.Span.Start + name.Length + 1), word.Span.End),
        };
    }

    private ShellIf ParseIf()
    {
        int start = Take().Start;
        var clauses = new List<ShellIfClause>();
        var condition = ParseNested();
        ExpectKeyword("then", "if", start);
        clauses.Add(new ShellIfClause(condition, ParseNested()));
        while (true)
        {
            if (Peek().IsKeyword("elif"))
            {
                Take();
                var elifCondition = ParseNested();
                ExpectKeyword("then", "elif", start);
                clauses.Add(new ShellIfClause(elifCondition, ParseNested()));
                continue;
            }

            if (Peek().IsKeyword("else"))
            {
                Take();
                clauses.Add(new ShellIfClause(null, ParseNested()));
            }

            break;
        }

        ExpectKeyword("fi", "if", start);
        return new ShellIf { Clauses = clauses };
    }

    private ShellCase ParseCase()
    {
        int start = Take().Start;
        ShellWord subject;
        if (Peek().Kind == ShellTokenKind.Word)
        {
            subject = Take().Word!;
        }
        else
        {
            problems.Add(new ShellProblem("'case' has no word to match", map.ToFile(start, lastEnd)));
            subject = new ShellWord { Raw = "", Value = "", Span = map.ToFile(lastEnd, lastEnd) };
        }

        SkipNewlines();
        ExpectKeyword("in", "case", start);
        var arms = new List<ShellCaseArm>();
        while (true)
        {
            SkipNewlines();
            var token = Peek();
            if (token.Kind == ShellTokenKind.End || token.IsKeyword("esac"))
            {
                break;
            }

            if (token.IsOperator("("))
            {
                Take();
            }

            var patterns = new List<ShellWord>();
            while (Peek().Kind == ShellTokenKind.Word)
            {
                patterns.Add(Take().Word!);
                if (!Peek().IsOperator("|"))
                {
                    break;
                }

                Take();
            }

            if (patterns.Count == 0 || !Peek().IsOperator(")"))
            {
                var stray = Take();
                problems.Add(new ShellProblem($"unexpected '{stray.Text}' in case pattern", map.ToFile(stray.Start, stray.End)));
                continue;
            }

            Take();
            var body = ParseNested();
            arms.Add(new ShellCaseArm(patterns, body));
            if (Peek().Kind == ShellTokenKind.Operator && Peek().Text is ";;" or ";&" or ";;&")
            {
                Take();
            }
        }

        ExpectKeyword("esac", "case", start);
        return new ShellCase { Subject = subject, Arms = arms };
    }

    private ShellLoop ParseLoop()
    {
        var keywordToken = Take();
        string keyword = keywordToken.Text;
        var header = new List<ShellWord>();
        ShellScript? condition = null;
        if (keyword == "for")
        {
            while (Peek().Kind == ShellTokenKind.Word && !Peek().IsKeyword("do"))
            {
                header.Add(Take().Word!);
            }

            while (Peek().Kind == ShellTokenKind.Newline || Peek().IsOperator(";"))
            {
                Take();
            }
        }
        else
        {
            condition = ParseNested();
        }

        ExpectKeyword("do", keyword, keywordToken.Start);
        var body = ParseNested();
        ExpectKeyword("done", keyword, keywordToken.Start);
        return new ShellLoop { Keyword = keyword, Header = header, Condition = condition, Body = body };
    }

    private void Expect(string op, string opener, int openerStart)
    {
        if (Peek().IsOperator(op))
        {
            Take();
            return;
        }

        problems.Add(new ShellProblem($"'{opener}' is not closed by '{op}'", map.ToFile(openerStart, Math.Max(openerStart + 1, lastEnd))));
    }

    private void ExpectKeyword(string keyword, string opener, int openerStart)
    {
        if (Peek().IsKeyword(keyword))
        {
            Take();
            return;
        }

        problems.Add(new ShellProblem($"'{opener}' is not closed by '{keyword}'", map.ToFile(openerStart, Math.Max(openerStart + 1, lastEnd))));
    }
}
