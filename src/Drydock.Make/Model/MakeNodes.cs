using Drydock.Make.Parsing;

namespace Drydock.Make.Model;

/// <summary>A span of the Makefile's text: character offsets into its <see cref="Text.SourceText"/>, end exclusive.</summary>
public readonly record struct MakeSpan(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// Which branches of which conditionals a statement sits in (<c>ifeq ... else ... endif</c>). Both branches are kept;
/// two statements in different branches of the same conditional never take effect together.
/// </summary>
public sealed record ConditionPath(IReadOnlyList<(int Conditional, int Branch)> Steps)
{
    public static readonly ConditionPath Always = new([]);

    public bool IsConditional => Steps.Count > 0;

    /// <summary>False when the two sit in different branches of one conditional.</summary>
    public bool CanCoexist(ConditionPath other) =>
        !Steps.Any(step => other.Steps.Any(theirs => theirs.Conditional == step.Conditional && theirs.Branch != step.Branch));

    public bool SameAs(ConditionPath other) => Steps.SequenceEqual(other.Steps);
}

/// <summary>A whitespace-separated word of a rule line or directive, as written (references unexpanded).</summary>
public sealed record MakeWord(string Text, MakeSpan Span)
{
    /// <summary>True when the word holds a variable reference or function call (its value is not the text).</summary>
    public bool HasReference => Text.Contains('$', StringComparison.Ordinal);

    /// <summary>True for a glob make expands in rule lines (<c>*.c</c>, <c>file?</c>, <c>[ab].o</c>).</summary>
    public bool HasWildcard => Text.AsSpan().IndexOfAny("*?[") >= 0;

    public bool IsPattern => Text.Contains('%', StringComparison.Ordinal);

    public override string ToString() => Text;
}

/// <summary>Something the Makefile says, in order: a rule, an assignment, a directive.</summary>
public abstract class MakeStatement
{
    /// <summary>The logical line (with its continuation lines), comment excluded.</summary>
    public required MakeSpan Span { get; init; }

    /// <summary>1-based line where the statement starts.</summary>
    public required int Line { get; init; }

    public required ConditionPath Condition { get; init; }
}

/// <summary>One command line of a recipe: the text after the recipe prefix, with its continuation lines.</summary>
public sealed class RecipeLine
{
    public required MakeSpan Span { get; init; }

    public required int Line { get; init; }

    /// <summary>The command as written (backslash-newlines kept, as make passes them to the shell).</summary>
    public required string Text { get; init; }

    /// <summary>True for the recipe written after <c>;</c> on the rule line.</summary>
    public bool IsInline { get; init; }

    /// <summary>The command without make's leading <c>@</c>, <c>-</c>, <c>+</c> prefixes and blanks.</summary>
    public string Command => Text.TrimStart('@', '-', '+', ' ', '\t').TrimStart('@', '-', '+', ' ', '\t');

    /// <summary>The line without the blanks around it, <c>@ - +</c> kept: what a finding about the whole command points at.</summary>
    public MakeSpan TrimmedSpan
    {
        get
        {
            var trimmed = MakeText.Trim(Text, 0, Text.Length);
            return new MakeSpan(Span.Start + trimmed.Start, Span.Start + trimmed.End);
        }
    }

    /// <summary>The trimmed line on one line (each backslash-newline and the blanks around it become one space), for messages.</summary>
    public string OneLine
    {
        get
        {
            var trimmed = MakeText.Trim(Text, 0, Text.Length);
            return MakeText.Collapse(Text, trimmed.Start, trimmed.End);
        }
    }

    /// <summary>The recipe prefix in force for this line (a tab unless <c>.RECIPEPREFIX</c> changed it).</summary>
    public char Prefix { get; init; } = '\t';
}

/// <summary>
/// A recipe line as the shell receives it, as far as the Makefile tells: <see cref="IsComplete"/> is false when some
/// reference could not be expanded (it is then in <see cref="Text"/> as the caller asked: as written by default).
/// </summary>
public sealed record ExpandedRecipe(string Text, bool IsComplete);

/// <summary><c>targets: prerequisites | order-only</c>, or <c>targets:: ...</c>, or a static pattern rule, with its recipe.</summary>
public sealed class MakeRule : MakeStatement
{
    public required IReadOnlyList<MakeWord> Targets { get; init; }

    public required IReadOnlyList<MakeWord> Prerequisites { get; init; }

    public required IReadOnlyList<MakeWord> OrderOnly { get; init; }

    /// <summary>The target pattern of a static pattern rule (<c>objs: %.o: %.c</c>), else null.</summary>
    public MakeWord? StaticPattern { get; init; }

    public bool IsDoubleColon { get; init; }

    /// <summary><c>a b &amp;: c</c>: the targets are made together by one recipe.</summary>
    public bool IsGrouped { get; init; }

    public List<RecipeLine> Recipe { get; } = [];

    public bool HasRecipe => Recipe.Count > 0;

    /// <summary>A pattern rule: some target holds '%' (and it is not a static pattern rule).</summary>
    public bool IsPatternRule => StaticPattern is null && Targets.Any(target => target.IsPattern);
}

public enum AssignmentOperator
{
    /// <summary><c>=</c>: recursively expanded.</summary>
    Recursive,

    /// <summary><c>:=</c>, <c>::=</c>, <c>:::=</c>: expanded once.</summary>
    Simple,

    /// <summary><c>?=</c>: only when not yet set (the environment counts).</summary>
    Conditional,

    /// <summary><c>+=</c>.</summary>
    Append,

    /// <summary><c>!=</c>: the output of a shell command.</summary>
    Shell,
}

/// <summary><c>NAME op value</c>, a <c>define NAME ... endef</c>, or a target-specific <c>target: NAME op value</c>.</summary>
public sealed class MakeAssignment : MakeStatement
{
    public required MakeWord Name { get; init; }

    public required AssignmentOperator Operator { get; init; }

    /// <summary>The value as written (leading blanks removed, continuations collapsed to one space).</summary>
    public required string Value { get; init; }

    public bool IsOverride { get; init; }

    public bool IsExport { get; init; }

    public bool IsPrivate { get; init; }

    public bool IsDefine { get; init; }

    /// <summary>The targets of a target-specific assignment; empty for a global one.</summary>
    public IReadOnlyList<MakeWord> ForTargets { get; init; } = [];
}

public enum DirectiveKind
{
    Include,
    OptionalInclude,
    Export,
    Unexport,
    Undefine,
    VPath,
    Load,
}

/// <summary><c>include</c>, <c>-include</c>/<c>sinclude</c>, <c>export</c>/<c>unexport</c> of names, <c>undefine</c>, <c>vpath</c>, <c>load</c>.</summary>
public sealed class MakeDirective : MakeStatement
{
    public required DirectiveKind Kind { get; init; }

    public required MakeWord Keyword { get; init; }

    public required IReadOnlyList<MakeWord> Arguments { get; init; }
}

/// <summary>A command indented with spaces (or not with the recipe prefix) under a rule: make stops with "missing separator".</summary>
public sealed class MisindentedRecipeLine : MakeStatement
{
    /// <summary>The leading blanks that should be the recipe prefix.</summary>
    public required MakeSpan Indent { get; init; }

    /// <summary>The rule the author meant the command for.</summary>
    public required MakeRule Rule { get; init; }

    /// <summary>The recipe prefix in force (a tab unless <c>.RECIPEPREFIX</c> changed it).</summary>
    public required char Prefix { get; init; }
}

/// <summary>A syntax error make stops on, with the message make prints.</summary>
public sealed record MakeProblem(string Message, MakeSpan Span, int Line);

/// <summary>A reference in text: <c>$(NAME)</c>, <c>${NAME}</c>, <c>$X</c>, <c>$(shell ...)</c>, or the escape <c>$$</c>.</summary>
public sealed record MakeReference(MakeReferenceKind Kind, string Name, MakeSpan Span, string Body);

public enum MakeReferenceKind
{
    /// <summary><c>$(NAME)</c> or <c>${NAME}</c> (also substitution references <c>$(SRC:.c=.o)</c>, by the name before ':').</summary>
    Variable,

    /// <summary><c>$X</c>: a one-character name, automatic variables included.</summary>
    SingleCharacter,

    /// <summary><c>$(function args)</c>.</summary>
    Function,

    /// <summary><c>$$</c>: a literal dollar for the shell.</summary>
    Escape,
}
