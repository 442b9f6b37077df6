namespace Drydock.Docker.Model;

/// <summary>A syntax error found while parsing a Dockerfile; the analyzer reports it as DF000.</summary>
public sealed record DockerfileProblem(string Message, TextSpan Span);

/// <summary><c># syntax=docker/dockerfile:1</c>, <c># escape=`</c>, <c># check=skip=...</c> at the top of the file.</summary>
public sealed record ParserDirective(string Name, string Value, TextSpan Span, TextSpan ValueSpan);

/// <summary>An instruction flag: <c>--platform=$BUILDPLATFORM</c>, <c>--link</c>, <c>--mount=type=cache,target=/root/.cache</c>.</summary>
public sealed class DockerfileFlag
{
    /// <summary>The name without dashes: "platform", "mount".</summary>
    public required string Name { get; init; }

    /// <summary>The value with quotes removed; null for a bare flag (<c>--link</c>).</summary>
    public string? Value { get; init; }

    public required TextSpan Span { get; init; }

    public required TextSpan NameSpan { get; init; }

    /// <summary>The value's span; empty at the end of the flag for a bare flag.</summary>
    public required TextSpan ValueSpan { get; init; }

    public required string Raw { get; init; }

    /// <summary>A bare flag or one set to true (<c>--link</c>, <c>--link=true</c>).</summary>
    public bool IsTrue => Value is null || Value.Equals("true", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Raw;
}

/// <summary>
/// A word of an instruction's arguments, split as BuildKit splits them: on unquoted whitespace.
/// <see cref="Value"/> has quotes removed and escapes resolved but variables not expanded
/// (expand with <see cref="Stage.Expand(DockerWord, Instruction)"/> or <see cref="VariableScope.Expand(string, char)"/>).
/// </summary>
public sealed class DockerWord
{
    public required string Raw { get; init; }

    public required string Value { get; init; }

    public required TextSpan Span { get; init; }

    public bool IsQuoted { get; init; }

    /// <summary>True when the raw text holds an unescaped <c>$</c> outside single quotes.</summary>
    public bool HasVariables { get; init; }

    /// <summary>True for <c>&lt;&lt;EOF</c>-style heredoc markers.</summary>
    public bool IsHeredocMarker { get; init; }

    public override string ToString() => Raw;
}

/// <summary>An element of a JSON (exec) form: <c>["python", "-m", "app"]</c>.</summary>
public sealed record JsonArgument(string Value, TextSpan Span, string Raw);

/// <summary>
/// A here-document of RUN, COPY or ADD: <c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c> (leading tabs stripped),
/// <c>&lt;&lt;"EOF"</c> (no expansion). An instruction may have several; their bodies follow it in order.
/// </summary>
public sealed class Heredoc
{
    public required string Delimiter { get; init; }

    public bool StripTabs { get; init; }

    /// <summary>The delimiter was quoted, so the body is not expanded.</summary>
    public bool IsQuoted { get; init; }

    public int? FileDescriptor { get; init; }

    /// <summary>The <c>&lt;&lt;EOF</c> marker on the instruction line.</summary>
    public required TextSpan MarkerSpan { get; init; }

    /// <summary>The body lines, from the line after the instruction (or the previous heredoc) up to the terminator line.</summary>
    public required TextSpan BodySpan { get; init; }

    /// <summary>The body as the builder sees it (tabs stripped for <c>&lt;&lt;-</c>), each line ending with '\n'.</summary>
    public required string Content { get; init; }

    /// <summary>The terminating line; empty at the end of the file when the heredoc is not terminated.</summary>
    public required TextSpan TerminatorSpan { get; init; }

    public bool IsTerminated { get; init; } = true;

    public override string ToString() => $"<<{(StripTabs ? "-" : "")}{Delimiter}";
}
