using Drydock.Analysis;
using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>What a rule sees while one document is checked, and how it reports.</summary>
public sealed class DockerfileContext
{
    private readonly Lazy<BuildContext> buildContext;

    internal DockerfileContext(Project project, DockerfileSet set, DockerfileDocument document, FindingSink sink)
    {
        Project = project;
        Set = set;
        Document = document;
        Sink = sink;
        buildContext = new Lazy<BuildContext>(() => set.ContextOf(document));
    }

    public Project Project { get; }

    public DockerfileSet Set { get; }

    public DockerfileDocument Document { get; }

    public FindingSink Sink { get; }

    /// <summary>The default build context (the Dockerfile's folder) with its .dockerignore.</summary>
    public BuildContext BuildContext => buildContext.Value;

    /// <summary>
    /// True for the stage a build ships (the final stage) and for the stages it is built FROM, whose layers it
    /// carries. Rules about the shipped image check only these; a builder stage installing compilers is fine.
    /// </summary>
    public bool IsShipped(Stage? stage)
    {
        for (var shipped = Document.FinalStage; shipped is not null; shipped = shipped.BaseStage)
        {
            if (ReferenceEquals(shipped, stage))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True only for the final stage itself (image settings: CMD, USER, HEALTHCHECK as the container sees them).</summary>
    public bool IsFinal(Stage? stage) => stage is not null && stage.IsFinal;

    public void Report(RuleDescriptor rule, TextSpan span, string message, Fix? fix = null, string? fixAdvice = null, IReadOnlyList<RelatedLocation>? related = null) =>
        Sink.Report(rule, Document.Source, span.Start, span.End, message, fixAdvice: fixAdvice, fix: fix, related: related);

    /// <summary>A one-edit fix on this document.</summary>
    public Fix Edit(string title, int start, int length, string newText, bool safe = true) =>
        new(title, safe, [new TextEdit(Document.Path, start, length, newText)]);

    public Fix Insert(string title, int offset, string text, bool safe = true) => Edit(title, offset, 0, text, safe);

    public Fix Replace(string title, TextSpan span, string text, bool safe = true) => Edit(title, span.Start, span.Length, text, safe);

    public SourceLocation LocationOf(TextSpan span)
    {
        var (line, column) = Document.Source.Position(span.Start);
        var (endLine, endColumn) = Document.Source.Position(span.End);
        return new SourceLocation(Document.Path, line, column, endLine, endColumn);
    }
}
