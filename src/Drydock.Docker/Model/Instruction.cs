using Drydock.Docker.Parsing;

namespace Drydock.Docker.Model;

/// <summary>What the parser found for one instruction, before the typed view interprets it.</summary>
internal sealed class InstructionParts
{
    public required string KeywordText { get; init; }

    public required TextSpan KeywordSpan { get; init; }

    public required TextSpan Span { get; init; }

    public required int Line { get; init; }

    public required int EndLine { get; init; }

    public required char Escape { get; init; }

    public required string FileText { get; init; }

    public required IReadOnlyList<DockerfileFlag> Flags { get; init; }

    public required SourceMap Arguments { get; init; }

    public required IReadOnlyList<DockerWord> Words { get; init; }

    public IReadOnlyList<JsonArgument>? Json { get; init; }

    public DockerfileProblem? JsonProblem { get; init; }

    public IReadOnlyList<Heredoc> Heredocs { get; init; } = [];

    public IReadOnlyList<TextSpan> ContinuationComments { get; init; } = [];

    public Instruction? Trigger { get; init; }
}

/// <summary>
/// One Dockerfile instruction, with every piece at its exact place in the file. The parser creates the typed
/// subclass for each keyword (<see cref="FromInstruction"/>, <see cref="RunInstruction"/>...); an unknown keyword
/// stays a plain <see cref="Instruction"/> with <see cref="IsKnown"/> false.
/// </summary>
public class Instruction
{
    private readonly InstructionParts parts;

    internal Instruction(InstructionParts parts)
    {
        this.parts = parts;
        Keyword = parts.KeywordText.ToUpperInvariant();
    }

    /// <summary>Upper-case keyword: "RUN".</summary>
    public string Keyword { get; }

    /// <summary>The keyword as written ("run").</summary>
    public string KeywordText => parts.KeywordText;

    public TextSpan KeywordSpan => parts.KeywordSpan;

    /// <summary>From the keyword to the end of the last line (continuations and heredoc terminators included), no line break.</summary>
    public TextSpan Span => parts.Span;

    /// <summary>1-based first and last lines.</summary>
    public int Line => parts.Line;

    public int EndLine => parts.EndLine;

    public bool IsKnown => DockerfileKeywords.IsKnown(Keyword);

    public IReadOnlyList<DockerfileFlag> Flags => parts.Flags;

    /// <summary>The arguments after the flags as the builder sees them: continuations joined, comment lines dropped.</summary>
    public string ArgumentsText => parts.Arguments.Text;

    /// <summary>The file span of the arguments after the flags (first to last character).</summary>
    public TextSpan ArgumentsSpan => parts.Arguments.ToFile(0, parts.Arguments.Length);

    /// <summary>The arguments split into words (BuildKit's rules: unquoted whitespace, the escape character).</summary>
    public IReadOnlyList<DockerWord> Words => parts.Words;

    /// <summary>True when the arguments are a valid JSON array of strings (exec form).</summary>
    public bool IsJsonForm => parts.Json is not null;

    public IReadOnlyList<JsonArgument> JsonArguments => parts.Json ?? [];

    /// <summary>
    /// The arguments start with '[' but are not a JSON array of strings: the builder silently runs them as a
    /// shell command (<c>CMD [python, app.py]</c> runs <c>/bin/sh -c "[python, app.py]"</c>).
    /// </summary>
    public DockerfileProblem? JsonProblem => parts.JsonProblem;

    public IReadOnlyList<Heredoc> Heredocs => parts.Heredocs;

    /// <summary>Comment lines inside the continuation lines of this instruction (ignored by the builder).</summary>
    public IReadOnlyList<TextSpan> ContinuationComments => parts.ContinuationComments;

    /// <summary>The escape character in force (<c>\</c>, or <c>`</c> with <c># escape=`</c>).</summary>
    public char EscapeCharacter => parts.Escape;

    /// <summary>Position in <see cref="DockerfileDocument.Instructions"/>.</summary>
    public int Index { get; internal set; }

    public DockerfileDocument Document { get; internal set; } = null!;

    /// <summary>The stage holding the instruction; null for global ARGs before the first FROM.</summary>
    public Stage? Stage { get; internal set; }

    internal SourceMap ArgumentsMap => parts.Arguments;

    internal InstructionParts Parts => parts;

    public DockerfileFlag? Flag(string name)
    {
        // The last one wins, as in BuildKit. A loop: rules ask for flags of every instruction.
        var flags = parts.Flags;
        for (int index = flags.Count - 1; index >= 0; index--)
        {
            if (flags[index].Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return flags[index];
            }
        }

        return null;
    }

    public IEnumerable<DockerfileFlag> FlagsNamed(string name) => parts.Flags.Where(flag => flag.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    public bool HasFlag(string name) => Flag(name) is not null;

    /// <summary>The instruction's source text, as written (from the keyword to the end of its last line).</summary>
    public string Text => Document.Source.Text[Span.Start..Span.End];

    public override string ToString() => $"{Keyword} (line {Line})";
}

/// <summary>The keywords BuildKit knows.</summary>
public static class DockerfileKeywords
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER",
        "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    };

    public static bool IsKnown(string keyword) => All.Contains(keyword);
}

/// <summary><c>ONBUILD RUN ...</c>: an instruction that runs when another image builds FROM this one.</summary>
public sealed class OnBuildInstruction : Instruction
{
    internal OnBuildInstruction(InstructionParts parts)
        : base(parts)
    {
    }

    /// <summary>The wrapped instruction, or null when ONBUILD has none.</summary>
    public Instruction? Trigger => Parts.Trigger;
}

/// <summary><c>MAINTAINER name</c> (deprecated in favour of a LABEL).</summary>
public sealed class MaintainerInstruction : Instruction
{
    internal MaintainerInstruction(InstructionParts parts)
        : base(parts)
    {
    }

    public string Maintainer => ArgumentsText.Trim();
}
