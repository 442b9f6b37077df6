using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Make.Model;

namespace Drydock.Make;

/// <summary>An MK rule: a descriptor and a check over the Makefile model.</summary>
public interface IMakeRule
{
    RuleDescriptor Rule { get; }

    void Check(MakeContext context);
}

/// <summary>What an MK rule sees: the project, the parsed Makefiles, the knowledge, and a way to report.</summary>
public sealed class MakeContext(Project project, MakefileSet makefiles, FindingSink sink)
{
    public Project Project { get; } = project;

    public MakefileSet Makefiles { get; } = makefiles;

    public FindingSink Sink { get; } = sink;

    public MakeKnowledge Knowledge { get; } = MakeKnowledge.Default;

    public void Report(RuleDescriptor rule, MakefileDocument file, MakeSpan span, string message, string? fixAdvice = null, Fix? fix = null, IReadOnlyList<RelatedLocation>? related = null) =>
        Sink.Report(rule, file.Text, span.Start, span.End, message, fixAdvice, fix, related: related);

    public static RelatedLocation Related(MakefileDocument file, MakeSpan span, string message)
    {
        var (line, column) = file.Text.Position(span.Start);
        var (endLine, endColumn) = file.Text.Position(span.End);
        return new RelatedLocation(new SourceLocation(file.Path, line, column, endLine, endColumn), message);
    }

    /// <summary>
    /// The repository path a file name in <paramref name="file"/> means (relative to the Makefile's folder, where make runs),
    /// or null when it leaves the repository or is absolute.
    /// </summary>
    public static string? RepositoryPath(MakefileDocument file, string name) => RepositoryPath(file.Folder, name);

    /// <summary>
    /// <paramref name="name"/> (a name written in a Makefile, a <c>-C</c> or <c>-f</c> argument) resolved in the repository
    /// folder <paramref name="folder"/>, normalised; null when it is absolute (<c>/</c>, <c>~</c>) or leaves the repository.
    /// </summary>
    public static string? RepositoryPath(string folder, string name) =>
        name.StartsWith('/') || name.StartsWith('~') ? null : Discovery.RepositoryPath.Combine(folder, name);

    /// <summary>True when a file or folder of that name exists in the repository next to the Makefile.</summary>
    public bool Exists(MakefileDocument file, string name) =>
        RepositoryPath(file, name) is { } path && (path.Length == 0 || Project.Files.FileExists(path) || Project.Files.DirectoryExists(path));
}
