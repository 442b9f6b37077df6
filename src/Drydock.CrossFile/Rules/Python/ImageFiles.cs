using Drydock.Docker.Model;
using Drydock.Docker.Rules;

namespace Drydock.CrossFile.Rules.Python;

/// <summary>
/// What a stage's filesystem holds from the build context: each COPY/ADD of the stage chain (and of the stages
/// it copies from) maps an image path to a project path. <see cref="IsComplete"/> is false when something the
/// files cannot show adds files too (a COPY from another image, an unknown variable, a remote ADD), and rules
/// that would report a missing file then stay quiet.
/// </summary>
public sealed class ImageFiles
{
    private readonly List<(string ImagePath, string ProjectPath, bool IsDirectory)> mappings = [];
    private readonly Drydock.Analysis.Project project;

    private ImageFiles(Drydock.Analysis.Project project)
    {
        this.project = project;
    }

    public bool IsComplete { get; private set; } = true;

    public static ImageFiles Of(Drydock.Analysis.Project project, BuildContext context, Stage stage)
    {
        var files = new ImageFiles(project);
        files.Add(context, stage, [], 0);
        return files;
    }

    /// <summary>The project path an absolute image path comes from, or null when no COPY brings it in.</summary>
    public string? ProjectPathOf(string imagePath)
    {
        string path = Normalize(imagePath);
        for (int i = mappings.Count - 1; i >= 0; i--)
        {
            var (image, source, isDirectory) = mappings[i];
            if (path == image)
            {
                return source;
            }

            if (isDirectory && (image == "/" || path.StartsWith(image + "/", StringComparison.Ordinal)))
            {
                string rest = image == "/" ? path[1..] : path[(image.Length + 1)..];
                return source.Length == 0 ? rest : source + "/" + rest;
            }
        }

        return null;
    }

    public bool FileExists(string imagePath) => ProjectPathOf(imagePath) is { } path && project.Files.FileExists(path);

    public bool DirectoryExists(string imagePath) => ProjectPathOf(imagePath) is { } path && project.Files.DirectoryExists(path);

    /// <summary>An absolute image path from a path relative to <paramref name="workdir"/>.</summary>
    public static string Absolute(string path, string? workdir) =>
        Normalize(path.StartsWith('/') ? path : (workdir ?? "/").TrimEnd('/') + "/" + path);

    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (string part in path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return "/" + string.Join('/', parts);
    }

    private void Add(BuildContext context, Stage stage, HashSet<Stage> visiting, int depth)
    {
        if (!visiting.Add(stage) || depth > 8)
        {
            IsComplete = false;
            return;
        }

        foreach (var link in FieldCaseFacts.Chain(stage))
        {
            if (link.BaseStage is null && link.BaseImage is null && !link.IsScratch)
            {
                IsComplete = false;
            }

            foreach (var copy in link.InstructionsOf<FileTransferInstruction>())
            {
                AddCopy(context, link, copy, visiting, depth);
            }
        }

        visiting.Remove(stage);
    }

    private void AddCopy(BuildContext context, Stage stage, FileTransferInstruction copy, HashSet<Stage> visiting, int depth)
    {
        if (copy.Destination is not { } destinationWord || copy.Heredocs.Count > 0 || copy.Parents)
        {
            IsComplete = false;
            return;
        }

        var destination = stage.Expand(destinationWord, copy);
        if (!destination.IsKnown)
        {
            IsComplete = false;
            return;
        }

        string workdir = stage.WorkdirAt(copy) ?? "/";
        string target = Absolute(destination.Text, workdir);
        bool targetIsDirectory = destination.Text.EndsWith('/') || copy.Sources.Count > 1 || destination.Text is "." or "./";
        var other = copy.From is { } from ? stage.Document.FindStage(from, stage) : null;
        if (copy.From is not null && other is null)
        {
            IsComplete = false; // another image: its files are unknown
            return;
        }

        foreach (var word in copy.Sources)
        {
            var source = stage.Expand(word, copy);
            if (!source.IsKnown || FileTransferInstruction.IsRemote(source.Text) || source.Text.IndexOfAny(['*', '?', '[']) >= 0)
            {
                IsComplete = false;
                continue;
            }

            if (other is not null)
            {
                var inner = new ImageFiles(project);
                inner.Add(context, other, visiting, depth + 1);
                IsComplete &= inner.IsComplete;
                string sourceImage = Absolute(source.Text, other.FinalWorkdir);
                if (inner.ProjectPathOf(sourceImage) is { } projected)
                {
                    bool isDirectory = project.Files.DirectoryExists(projected);
                    mappings.Add((TargetFor(target, projected, isDirectory, targetIsDirectory), projected, isDirectory));
                    continue;
                }

                // A folder assembled in the other stage from several COPYs: carry each one over, re-rooted.
                var below = inner.mappings.Where(mapping => sourceImage == "/" || mapping.ImagePath.StartsWith(sourceImage + "/", StringComparison.Ordinal)).ToList();
                if (below.Count == 0)
                {
                    IsComplete = false; // built by a RUN of that stage: unknown files
                }

                foreach (var (image, sourcePath, isDirectory) in below)
                {
                    mappings.Add((Normalize(target + "/" + image[(sourceImage == "/" ? 0 : sourceImage.Length)..]), sourcePath, isDirectory));
                }

                continue;
            }

            string? projectPath = context.ProjectPath(source.Text);
            if (projectPath is null)
            {
                IsComplete = false;
                continue;
            }

            bool sourceIsDirectory = projectPath.Length == 0 || project.Files.DirectoryExists(projectPath);
            mappings.Add((TargetFor(target, projectPath, sourceIsDirectory, targetIsDirectory), projectPath, sourceIsDirectory));
        }
    }

    /// <summary>A directory's contents land in the target; a file lands in it (target/name) or becomes it.</summary>
    private static string TargetFor(string target, string projectPath, bool sourceIsDirectory, bool targetIsDirectory) =>
        sourceIsDirectory || !targetIsDirectory ? target : Normalize(target + "/" + projectPath[(projectPath.LastIndexOf('/') + 1)..]);
}
