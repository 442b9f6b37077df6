using System.Collections.Concurrent;
using Drydock.Analysis;
using Drydock.Discovery;
using Drydock.Text;

namespace Drydock.Make.Model;

/// <summary>A Makefile that could not be read as text (binary, invalid UTF-8, too large).</summary>
public sealed record MakefileReadProblem(string Path, ReadProblem Problem);

/// <summary>
/// Every Makefile of the repository (Makefile, GNUmakefile, *.mk), parsed once and shared through
/// <c>project.Model&lt;MakefileSet&gt;(MakefileSet.Build)</c>. Files named otherwise (<c>make -f Makefile.ci</c>) are
/// parsed on demand with <see cref="File"/>.
/// </summary>
public sealed class MakefileSet
{
    /// <summary>Makefiles are configuration: past this size it is not a hand-written Makefile.</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    private readonly Project project;
    private readonly ConcurrentDictionary<string, Lazy<MakefileDocument?>> others = new(StringComparer.Ordinal);

    private MakefileSet(Project project, IReadOnlyList<MakefileDocument> files, IReadOnlyList<MakefileReadProblem> unreadable)
    {
        this.project = project;
        Files = files;
        Unreadable = unreadable;
    }

    public IReadOnlyList<MakefileDocument> Files { get; }

    public IReadOnlyList<MakefileReadProblem> Unreadable { get; }

    public static MakefileSet Build(Project project)
    {
        var files = new List<MakefileDocument>();
        var unreadable = new List<MakefileReadProblem>();
        foreach (var file in project.Files.OfKind(FileKind.Makefile))
        {
            var (text, problem) = project.ReadText(file.RelativePath, MaxBytes);
            if (text is null)
            {
                unreadable.Add(new MakefileReadProblem(file.RelativePath, problem!));
                continue;
            }

            var document = MakefileDocument.Parse(text);
            project.RegisterSuppressions(file.RelativePath, document.Pragmas());
            files.Add(document);
        }

        return new MakefileSet(project, files, unreadable);
    }

    /// <summary>The parsed file at a repository path, whatever its name; null when it is absent or unreadable.</summary>
    public MakefileDocument? File(string path)
    {
        if (Files.FirstOrDefault(file => file.Path == path) is { } known)
        {
            return known;
        }

        if (!project.Files.FileExists(path) || Unreadable.Any(item => item.Path == path))
        {
            return null;
        }

        return others.GetOrAdd(path, key => new Lazy<MakefileDocument?>(() =>
        {
            var (text, _) = project.ReadText(key, MaxBytes);
            return text is null ? null : MakefileDocument.Parse(text);
        })).Value;
    }

    /// <summary>
    /// The Makefile <c>make</c> reads in <paramref name="folder"/> without <c>-f</c>: GNUmakefile, makefile, then Makefile;
    /// null when there is none.
    /// </summary>
    public string? DefaultMakefilePath(string folder)
    {
        string prefix = folder.Length == 0 ? "" : folder + "/";
        return new[] { "GNUmakefile", "makefile", "Makefile" }.Select(name => prefix + name).FirstOrDefault(project.Files.FileExists);
    }
}
