using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF051: a COPY/ADD source the context's .dockerignore excludes.</summary>
public sealed class CopySourceDockerignoredRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF051",
        "copy-source-dockerignored",
        Severity.Error,
        "A COPY or ADD source exists in the build context but the context's .dockerignore excludes it.",
        "Excluded files never reach the builder: the step fails with 'not found' although the file is in the repository, or a directory is copied without the excluded files.",
        "Remove the pattern from .dockerignore, or add an exception ('!PATH') after it.");

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitDocument(DockerfileContext context)
    {
        var buildContext = FieldCaseFacts.InferredContext(context);
        foreach (var (copy, word, path) in FieldCaseFacts.LiteralSources(context.Document))
        {
            bool isDirectory = buildContext.ProjectPath(path) is { } projectPath && context.Project.Files.DirectoryExists(projectPath);
            if (buildContext.Exists(path) && buildContext.IsExcluded(path, isDirectory))
            {
                string pattern = buildContext.ExcludingPattern(path, isDirectory) ?? "a pattern";
                context.Report(Descriptor, word.Span,
                    $"{copy.Keyword} source '{path}' is excluded by '{pattern}' in {buildContext.DockerIgnorePath}: the builder never receives it; remove the pattern or add '!{path}' after it");
            }
        }
    }
}
