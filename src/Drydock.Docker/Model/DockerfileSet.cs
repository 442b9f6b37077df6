using System.Collections.Concurrent;
using Drydock.Analysis;
using Drydock.Configuration;
using Drydock.Discovery;
using Drydock.Docker.Parsing;
using Drydock.Text;

namespace Drydock.Docker.Model;

/// <summary>
/// The build context of a Dockerfile: a folder of the project (relative, "" for the root) and its
/// <c>.dockerignore</c>. BuildKit reads <c>&lt;Dockerfile&gt;.dockerignore</c> beside the Dockerfile first, then
/// <c>.dockerignore</c> at the context root.
/// </summary>
public sealed class BuildContext
{
    private readonly Project project;

    internal BuildContext(Project project, string directory, string? dockerIgnorePath, IgnoreRules? dockerIgnore)
    {
        this.project = project;
        Directory = directory;
        DockerIgnorePath = dockerIgnorePath;
        DockerIgnore = dockerIgnore;
    }

    /// <summary>The context folder relative to the project root ("" for the root), '/' separated.</summary>
    public string Directory { get; }

    /// <summary>The .dockerignore in force (project-relative), null when there is none.</summary>
    public string? DockerIgnorePath { get; }

    public IgnoreRules? DockerIgnore { get; }

    /// <summary>A path of the context ('/' separated, relative to the context) as a project-relative path; null when it leaves the project.</summary>
    public string? ProjectPath(string contextPath)
    {
        return RepositoryPath.Combine(Directory, contextPath.Replace('\\', '/'));
    }

    /// <summary>True when .dockerignore keeps the path (relative to the context) out of the context.</summary>
    public bool IsExcluded(string contextPath, bool isDirectory = false) =>
        DockerIgnore is not null && DockerIgnore.IsIgnored(contextPath.Replace('\\', '/').Trim('/'), isDirectory);

    /// <summary>The .dockerignore pattern that excludes the path, for messages.</summary>
    public string? ExcludingPattern(string contextPath, bool isDirectory = false) =>
        DockerIgnore?.MatchingPattern(contextPath.Replace('\\', '/').Trim('/'), isDirectory);

    /// <summary>True when the project holds the file or folder (relative to the context). Git-ignored files are absent.</summary>
    public bool Exists(string contextPath) =>
        ProjectPath(contextPath) is { } path && (project.Files.FileExists(path) || project.Files.DirectoryExists(path));
}

/// <summary>A Dockerfile that could not be read as text (binary, invalid UTF-8, too large, unreadable).</summary>
public sealed record UnreadableDockerfile(string Path, ReadProblem Problem);

/// <summary>
/// Every Dockerfile of a project, each parsed once. Get it with
/// <c>project.Model&lt;DockerfileSet&gt;(DockerfileSet.Build)</c>; it registers each file's inline pragmas with the project.
/// </summary>
public sealed class DockerfileSet
{
    private readonly Project project;
    private readonly Dictionary<string, DockerfileDocument> byPath;

    // Build contexts are asked for by several rules of each Dockerfile (and by cross-file rules): each is worked
    // out once. Keys: (Dockerfile path, context folder), and the document itself.
    private readonly ConcurrentDictionary<(string Dockerfile, string Directory), BuildContext> contexts = new();
    private readonly ConcurrentDictionary<DockerfileDocument, BuildContext> inferredContexts = new(ReferenceEqualityComparer.Instance);

    private DockerfileSet(Project project, List<DockerfileDocument> documents, List<UnreadableDockerfile> unreadable)
    {
        this.project = project;
        Documents = documents;
        Unreadable = unreadable;
        byPath = documents.ToDictionary(document => document.Path, StringComparer.Ordinal);
    }

    public IReadOnlyList<DockerfileDocument> Documents { get; }

    public IReadOnlyList<UnreadableDockerfile> Unreadable { get; }

    public static DockerfileSet Build(Project project)
    {
        var files = project.Files.OfKind(FileKind.Dockerfile);
        var documents = new DockerfileDocument?[files.Count];
        var problems = new UnreadableDockerfile?[files.Count];
        Parallel.For(0, files.Count, index =>
        {
            string path = files[index].RelativePath;
            var (text, problem) = project.ReadText(path);
            if (text is null)
            {
                problems[index] = new UnreadableDockerfile(path, problem ?? new ReadProblem(path, "cannot read file"));
                return;
            }

            var document = DockerfileParser.Parse(text);
            project.RegisterSuppressions(path, Pragmas(document));
            documents[index] = document;
        });

        return new DockerfileSet(project, [.. documents.OfType<DockerfileDocument>()], [.. problems.OfType<UnreadableDockerfile>()]);
    }

    /// <summary>Inline pragmas of a document: "the next statement" is the next instruction with its continuation and heredoc lines.</summary>
    public static SuppressionMap Pragmas(DockerfileDocument document) =>
        PragmaScanner.Scan(document.Source, line => document.InstructionAtLine(line)?.EndLine ?? line);

    public DockerfileDocument? this[string path] => byPath.TryGetValue(path, out var document) ? document : null;

    /// <summary>The build context of a Dockerfile: <paramref name="contextDirectory"/> (project-relative) or, by default, the Dockerfile's folder.</summary>
    public BuildContext ContextOf(DockerfileDocument document, string? contextDirectory = null)
    {
        string directory = (contextDirectory ?? DirectoryOf(document.Path)).Replace('\\', '/').Trim('/');
        if (directory == ".")
        {
            directory = "";
        }

        return contexts.GetOrAdd((document.Path, directory), key => ReadContext(key.Dockerfile, key.Directory));
    }

    /// <summary>
    /// The build context the Dockerfile most likely expects: its own folder, unless an enclosing folder holds more
    /// of the files its COPY/ADD instructions name (a deployment/Dockerfile built with context ".."). A compose file or
    /// workflow that names the context should override this. Worked out once per Dockerfile.
    /// </summary>
    public BuildContext InferredContextOf(DockerfileDocument document) =>
        inferredContexts.GetOrAdd(document, InferContext);

    private BuildContext InferContext(DockerfileDocument document)
    {
        var sources = document.LiteralContextSources().Select(item => item.Path).Distinct(StringComparer.Ordinal).ToList();
        var best = ContextOf(document);
        if (sources.Count == 0)
        {
            return best;
        }

        int bestCount = sources.Count(best.Exists);
        string directory = best.Directory;
        while (bestCount < sources.Count && directory.Length > 0)
        {
            int slash = directory.LastIndexOf('/');
            directory = slash < 0 ? "" : directory[..slash];
            var candidate = ContextOf(document, directory);
            int count = sources.Count(candidate.Exists);
            if (count > bestCount)
            {
                (best, bestCount) = (candidate, count);
            }
        }

        return best;
    }

    private BuildContext ReadContext(string dockerfilePath, string directory)
    {
        string beside = dockerfilePath + ".dockerignore";
        string atRoot = directory.Length == 0 ? ".dockerignore" : directory + "/.dockerignore";
        foreach (string candidate in new[] { beside, atRoot })
        {
            if (project.Files.FileExists(candidate))
            {
                var (text, _) = project.ReadText(candidate);
                return new BuildContext(project, directory, candidate, text is null ? null : IgnoreRules.Parse(text.Text, "", dockerIgnoreSemantics: true));
            }
        }

        return new BuildContext(project, directory, null, null);
    }

    public static string DirectoryOf(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }
}
