using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF050: a COPY/ADD source that the build context does not hold.</summary>
public sealed class CopySourceMissingRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF050",
        "copy-source-missing",
        Severity.Error,
        "A COPY or ADD source does not exist in the build context.",
        "The build stops at that step with 'failed to compute cache key: \"/PATH\": not found'. It happens when the context is not the folder the Dockerfile assumes, or after a rename. Files git ignores are absent from CI's clone too.",
        "Fix the path, or build with the context the Dockerfile expects (compose build.context, the workflow's context:). Sources are relative to the context root, not to the Dockerfile.");

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitDocument(DockerfileContext context)
    {
        var buildContext = FieldCaseFacts.InferredContext(context);
        string where = buildContext.Directory.Length == 0 ? "the repository root" : buildContext.Directory + "/";
        foreach (var (copy, word, path) in FieldCaseFacts.LiteralSources(context.Document))
        {
            if (!buildContext.Exists(path))
            {
                context.Report(Descriptor, word.Span,
                    $"{copy.Keyword} source '{path}' does not exist in the build context ({where}): the build fails with '\"/{path}\": not found'");
            }
        }
    }
}
