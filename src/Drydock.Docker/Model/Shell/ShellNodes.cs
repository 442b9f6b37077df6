namespace Drydock.Docker.Model;

/// <summary>A syntax error in a shell script (an unterminated quote, a missing <c>fi</c>), at its place in the file.</summary>
public sealed record ShellProblem(string Message, TextSpan Span);

/// <summary>A node of a parsed shell script. Spans point into the Dockerfile, across continuation lines.</summary>
public abstract class ShellNode
{
    public TextSpan Span { get; internal set; }
}

/// <summary>
/// A word as the shell sees it: <c>"$HOME"/bin</c>, <c>curl</c>, <c>--no-cache-dir</c>.
/// <see cref="Value"/> has quotes and backslashes removed but expansions left as written
/// (<c>${TARGETARCH}</c>), so that rules can compare flags and names without guessing.
/// </summary>
public sealed class ShellWord : ShellNode
{
    public required string Raw { get; init; }

    /// <summary>Quotes removed, escapes resolved, expansions kept verbatim.</summary>
    public required string Value { get; init; }

    /// <summary>True when some part was quoted (so <c>"if"</c> is not a keyword, and a glob does not expand).</summary>
    public bool IsQuoted { get; init; }

    /// <summary>True when the word holds a parameter expansion, a command substitution or arithmetic.</summary>
    public bool HasExpansion { get; init; }

    /// <summary>The value when it is static text, null when an expansion makes it depend on the environment.</summary>
    public string? Literal => HasExpansion ? null : Value;

    /// <summary>Names of the variables the word expands (<c>$A</c>, <c>${B:-x}</c>), in order, including inside substitutions.</summary>
    public IReadOnlyList<string> Variables { get; init; } = [];

    /// <summary>Scripts of <c>$(...)</c> and backquote substitutions inside the word.</summary>
    public IReadOnlyList<ShellScript> Substitutions { get; init; } = [];

    public bool IsFlag => !IsQuoted && Value.Length > 1 && Value[0] == '-';

    public override string ToString() => Raw;
}

/// <summary><c>NAME=value</c> before a command (or alone).</summary>
public sealed class ShellAssignment : ShellNode
{
    public required string Name { get; init; }

    public required ShellWord Value { get; init; }
}

/// <summary><c>&gt; file</c>, <c>2&gt;&amp;1</c>, <c>&lt;&lt;EOF</c>.</summary>
public sealed class ShellRedirect : ShellNode
{
    /// <summary>The operator as written, without the file descriptor: <c>&gt;</c>, <c>&gt;&gt;</c>, <c>&lt;&lt;</c>, <c>&lt;&lt;-</c>, <c>&gt;&amp;</c>...</summary>
    public required string Operator { get; init; }

    public int? FileDescriptor { get; init; }

    public ShellWord? Target { get; init; }

    public bool IsHeredoc => Operator is "<<" or "<<-";
}

/// <summary>A sequence of and-or lists separated by <c>;</c>, <c>&amp;</c> or newlines.</summary>
public sealed class ShellScript : ShellNode
{
    public IReadOnlyList<ShellAndOr> Items { get; internal set; } = [];

    /// <summary>Syntax problems of this script and of every nested one; empty for a well-formed script.</summary>
    public IReadOnlyList<ShellProblem> Problems { get; internal set; } = [];

    private IReadOnlyList<ShellPipeline>? pipelines;
    private IReadOnlyList<SimpleCommand>? commands;

    /// <summary>Every simple command, in source order, at any depth (inside if, case, loops, groups, substitutions).</summary>
    public IReadOnlyList<SimpleCommand> AllCommands() => commands ??= [.. AllPipelines().SelectMany(pipeline => pipeline.Commands.OfType<SimpleCommand>())];

    /// <summary>Every pipeline at any depth, in source order.</summary>
    public IReadOnlyList<ShellPipeline> AllPipelines() => pipelines ??= [.. ShellWalker.Pipelines(this)];
}

/// <summary><c>a &amp;&amp; b || c</c>: pipelines joined by <c>&amp;&amp;</c> and <c>||</c>.</summary>
public sealed class ShellAndOr : ShellNode
{
    public IReadOnlyList<ShellPipeline> Pipelines { get; internal set; } = [];

    /// <summary>Operators[i] joins Pipelines[i] and Pipelines[i+1]: "&amp;&amp;" or "||".</summary>
    public IReadOnlyList<string> Operators { get; internal set; } = [];

    /// <summary>The separator after the list: ";", "&amp;", "\n" or "" at the end.</summary>
    public string Terminator { get; internal set; } = "";
}

/// <summary><c>a | b | c</c>, possibly negated with <c>!</c>.</summary>
public sealed class ShellPipeline : ShellNode
{
    public IReadOnlyList<ShellCommand> Commands { get; internal set; } = [];

    public bool Negated { get; internal set; }

    public bool HasPipe => Commands.Count > 1;

    /// <summary>True when <c>set -o pipefail</c> (or <c>set -eo pipefail</c>...) ran earlier in the same script.</summary>
    public bool PipefailSet { get; internal set; }
}

/// <summary>One command of a pipeline: simple, or compound (subshell, group, if, case, loop, function).</summary>
public abstract class ShellCommand : ShellNode
{
    public IReadOnlyList<ShellRedirect> Redirects { get; internal set; } = [];
}

/// <summary>
/// <c>apt-get install -y curl</c>: assignments, words, redirects. <see cref="IsArchitectureGuarded"/> says the command
/// runs only on some architectures (inside an <c>if</c>/<c>case</c> on $TARGETARCH, <c>dpkg --print-architecture</c> or
/// <c>uname -m</c>, or after such a test joined by <c>&amp;&amp;</c>/<c>||</c>).
/// </summary>
public sealed class SimpleCommand : ShellCommand
{
    public IReadOnlyList<ShellAssignment> Assignments { get; internal set; } = [];

    public IReadOnlyList<ShellWord> Words { get; internal set; } = [];

    /// <summary>The command name as written (first word), null for a bare assignment.</summary>
    public string? Name => Words.Count > 0 ? Words[0].Value : null;

    public ShellWord? NameWord => Words.Count > 0 ? Words[0] : null;

    public IReadOnlyList<ShellWord> Arguments => arguments ??= Words.Count > 1 ? [.. Words.Skip(1)] : [];

    private IReadOnlyList<ShellWord>? arguments;

    public bool IsArchitectureGuarded { get; internal set; }

    /// <summary>The pipeline this command belongs to.</summary>
    public ShellPipeline? Pipeline { get; internal set; }

    /// <summary>
    /// The command that actually runs once wrappers are peeled: <c>sudo -E apt-get</c>, <c>env A=1 pip</c>,
    /// <c>exec gunicorn</c>, <c>command -v</c> stay as they are. See <see cref="CommandLine"/>.
    /// </summary>
    public CommandLine Effective => effective ??= CommandLine.Of(this);

    private CommandLine? effective;

    public bool HasFlag(string flag) => Words.Skip(1).Any(word => !word.IsQuoted && word.Value == flag);
}

/// <summary><c>( list )</c>.</summary>
public sealed class ShellSubshell : ShellCommand
{
    public required ShellScript Body { get; init; }
}

/// <summary><c>{ list; }</c>.</summary>
public sealed class ShellBraceGroup : ShellCommand
{
    public required ShellScript Body { get; init; }
}

/// <summary>One <c>if</c>/<c>elif</c> condition with its body, or the <c>else</c> body (no condition).</summary>
public sealed record ShellIfClause(ShellScript? Condition, ShellScript Body);

public sealed class ShellIf : ShellCommand
{
    public IReadOnlyList<ShellIfClause> Clauses { get; internal set; } = [];
}

public sealed record ShellCaseArm(IReadOnlyList<ShellWord> Patterns, ShellScript Body);

public sealed class ShellCase : ShellCommand
{
    public required ShellWord Subject { get; init; }

    public IReadOnlyList<ShellCaseArm> Arms { get; internal set; } = [];
}

/// <summary><c>for x in ...; do ...; done</c>, <c>while cond; do ...; done</c>, <c>until ...</c>.</summary>
public sealed class ShellLoop : ShellCommand
{
    public required string Keyword { get; init; }

    /// <summary>for: the loop variable and its words; while/until: empty (see <see cref="Condition"/>).</summary>
    public IReadOnlyList<ShellWord> Header { get; init; } = [];

    public ShellScript? Condition { get; init; }

    public required ShellScript Body { get; init; }
}

/// <summary><c>name() { ... }</c>.</summary>
public sealed class ShellFunction : ShellCommand
{
    public required string Name { get; init; }

    public required ShellCommand Body { get; init; }
}
