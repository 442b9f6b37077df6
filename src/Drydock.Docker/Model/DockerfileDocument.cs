using Drydock.Docker.Parsing;
using Drydock.Findings;
using Drydock.Text;

namespace Drydock.Docker.Model;

/// <summary>
/// What the caller knows about the build that the Dockerfile does not say: the target platform (which makes
/// TARGETARCH and friends known) and --build-arg values. By default nothing is known and rules stay quiet
/// where a value matters.
/// </summary>
public sealed record DockerfileParseOptions
{
    public static readonly DockerfileParseOptions Default = new();

    /// <summary>e.g. "linux/arm64"; null when the build may target any platform.</summary>
    public string? TargetPlatform { get; init; }

    public string? BuildPlatform { get; init; }

    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>
/// A parsed Dockerfile: directives, instructions in order, stages, syntax problems. Every node keeps its span in
/// <see cref="Source"/>, so the file can be given back byte for byte (<see cref="ToBytes"/>) and fixes are edits on it.
/// </summary>
public sealed class DockerfileDocument
{
    private List<(FileTransferInstruction Copy, DockerWord Word, string Path)>? literalContextSources;

    internal DockerfileDocument(SourceText source, DockerfileParseOptions options, List<ParserDirective> directives, List<Instruction> instructions,
        List<DockerfileProblem> problems, List<TextSpan> comments, char escape)
    {
        Source = source;
        Options = options;
        Directives = directives;
        Instructions = instructions;
        Comments = comments;
        EscapeCharacter = escape;
        foreach (var instruction in instructions)
        {
            instruction.Document = this;
            if (instruction is OnBuildInstruction { Trigger: { } trigger })
            {
                trigger.Document = this;
                trigger.Index = instruction.Index;
            }
        }

        var (stages, globalArgs, globalScope) = StageBuilder.Build(this);
        Stages = stages;
        GlobalArgs = globalArgs;
        GlobalScope = globalScope;
        if (instructions.Count > 0 && instructions.FirstOrDefault(instruction => instruction is not ArgInstruction) is { } first and not FromInstruction)
        {
            problems.Add(new DockerfileProblem($"the first instruction must be FROM (only ARG may come before it), not {first.Keyword}", first.KeywordSpan));
        }
        else if (instructions.Count > 0 && stages.Count == 0)
        {
            problems.Add(new DockerfileProblem("the Dockerfile has no FROM instruction", instructions[0].KeywordSpan));
        }

        Problems = problems;
    }

    /// <summary>Path relative to the project root, '/' separated.</summary>
    public string Path => Source.Path;

    public SourceText Source { get; }

    public DockerfileParseOptions Options { get; }

    public IReadOnlyList<ParserDirective> Directives { get; }

    /// <summary>The <c># syntax=</c> frontend image, null when absent.</summary>
    public string? Syntax => Directive("syntax");

    /// <summary>The <c># check=</c> directive's value (BuildKit build checks), null when absent.</summary>
    public string? Check => Directive("check");

    public char EscapeCharacter { get; }

    public IReadOnlyList<Instruction> Instructions { get; }

    /// <summary>Comment lines outside instructions (continuation comments are on <see cref="Instruction.ContinuationComments"/>).</summary>
    public IReadOnlyList<TextSpan> Comments { get; }

    public IReadOnlyList<Stage> Stages { get; }

    /// <summary>ARGs before the first FROM: usable in FROM lines, and in stages that redeclare them.</summary>
    public IReadOnlyList<ArgInstruction> GlobalArgs { get; }

    /// <summary>Variables visible to FROM lines: global ARGs, platform ARGs, proxy ARGs.</summary>
    public VariableScope GlobalScope { get; }

    /// <summary>Syntax errors, each with its span; empty for a well-formed file.</summary>
    public IReadOnlyList<DockerfileProblem> Problems { get; }

    /// <summary>The stage a plain <c>docker build</c> ships: the last one.</summary>
    public Stage? FinalStage => Stages.Count > 0 ? Stages[^1] : null;

    public string? Directive(string name) => Directives.LastOrDefault(directive => directive.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>
    /// The stage a build of <paramref name="target"/> ships (<c>--target</c>, compose <c>build.target</c>), or the final stage
    /// when <paramref name="target"/> is null. Null when no stage has that name.
    /// </summary>
    public Stage? ShippedStage(string? target = null) => target is null ? FinalStage : FindStage(target);

    /// <summary>
    /// The stage a <c>--from</c> or FROM names: a stage name (case-insensitive) or a stage index, looking only at stages
    /// before <paramref name="before"/> when given. Null when it names none (then it is an image).
    /// </summary>
    public Stage? FindStage(string reference, Stage? before = null) => FindIn(Stages, reference, before?.Index ?? Stages.Count);

    /// <summary>
    /// COPY/ADD sources read from the build context whose path is known and has no wildcard, normalised ("./a/" -> "a"),
    /// in document order. Worked out once: several rules and the build-context inference ask for them.
    /// </summary>
    public IReadOnlyList<(FileTransferInstruction Copy, DockerWord Word, string Path)> LiteralContextSources() =>
        LazyInitializer.EnsureInitialized(ref literalContextSources, ReadLiteralContextSources);

    private List<(FileTransferInstruction Copy, DockerWord Word, string Path)> ReadLiteralContextSources()
    {
        var sources = new List<(FileTransferInstruction, DockerWord, string)>();
        foreach (var copy in Instructions.OfType<FileTransferInstruction>())
        {
            if (copy.Stage is null)
            {
                continue;
            }

            foreach (var word in copy.ContextSources)
            {
                var expansion = copy.Stage.Expand(word, copy);
                string path = expansion.Text.Replace('\\', '/');
                while (path.StartsWith("./", StringComparison.Ordinal))
                {
                    path = path[2..];
                }

                path = path.Trim('/');
                if (expansion.IsKnown && path.Length > 0 && path != "." && path.AsSpan().IndexOfAny('*', '?', '[') < 0)
                {
                    sources.Add((copy, word, path));
                }
            }
        }

        return sources;
    }

    internal static Stage? FindIn(IReadOnlyList<Stage> stages, string reference, int limit)
    {
        limit = Math.Min(limit, stages.Count);
        if (StageBuilder.ParseIndex(reference) is int index)
        {
            return index >= 0 && index < limit ? stages[index] : null;
        }

        for (int i = limit - 1; i >= 0; i--)
        {
            if (stages[i].Name is { } name && name.Equals(reference, StringComparison.OrdinalIgnoreCase))
            {
                return stages[i];
            }
        }

        return null;
    }

    /// <summary>The instruction whose span holds the 1-based line (heredoc bodies and continuation lines included).</summary>
    public Instruction? InstructionAtLine(int line) => Instructions.FirstOrDefault(instruction => instruction.Line <= line && line <= instruction.EndLine);

    /// <summary>The file as it was read: BOM, line endings and every byte kept.</summary>
    public byte[] ToBytes() => SourceText.Encode(Source.Text, Source.HasBom);

    /// <summary>The text with non-overlapping edits applied; every byte outside them is kept.</summary>
    public string ApplyEdits(IEnumerable<TextEdit> edits)
    {
        var ordered = edits.Where(edit => edit.Path == Path).OrderByDescending(edit => edit.Start).ToList();
        var builder = new System.Text.StringBuilder(Source.Text);
        int limit = int.MaxValue;
        foreach (var edit in ordered)
        {
            if (edit.End > limit)
            {
                throw new InvalidOperationException($"overlapping edits at offset {edit.Start} of {Path}");
            }

            builder.Remove(edit.Start, edit.Length).Insert(edit.Start, edit.NewText);
            limit = edit.Start;
        }

        return builder.ToString();
    }

    /// <summary>Parses a text (for tests and tools); analyzers get documents from <see cref="DockerfileSet"/>.</summary>
    public static DockerfileDocument Parse(string path, string text, DockerfileParseOptions? options = null) =>
        DockerfileParser.Parse(new SourceText(path, text), options);
}
