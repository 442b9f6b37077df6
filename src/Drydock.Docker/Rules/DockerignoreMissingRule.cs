using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF052: a broad COPY from a context that holds .git/.venv/node_modules/__pycache__ with no .dockerignore.</summary>
public sealed class DockerignoreMissingRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF052",
        "dockerignore-missing",
        Severity.Warning,
        "The build context holds .git, .venv, node_modules or __pycache__ and has no .dockerignore.",
        "COPY . . sends and bakes them into the image: slower builds, a bigger image, a host virtualenv that breaks inside the container, and secrets such as .env in a layer.",
        "Add a .dockerignore at the root of the build context listing .git, virtualenvs, caches, tests, docs and .env files.");

    /// <summary>Folders that never belong in an image; the repository scanner skips them, so they are looked up on disk.</summary>
    private static readonly string[] Heavy = [".git", ".venv", "venv", "node_modules", "__pycache__"];

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitDocument(DockerfileContext context)
    {
        var buildContext = FieldCaseFacts.InferredContext(context);
        if (buildContext.DockerIgnorePath is not null)
        {
            return;
        }

        var broad = context.Document.Instructions.OfType<FileTransferInstruction>()
            .FirstOrDefault(copy => copy.Stage is not null && copy.ContextSources.Any(word => word.Value.TrimEnd('/') is "." or "./" or ""));
        if (broad is null)
        {
            return;
        }

        string root = context.Project.FullPath(buildContext.Directory);
        var present = Heavy.Where(name => Directory.Exists(Path.Combine(root, name))).ToList();
        if (present.Count > 0)
        {
            context.Report(Descriptor, broad.Span,
                $"the build context ({(buildContext.Directory.Length == 0 ? "repository root" : buildContext.Directory + "/")}) holds {string.Join(", ", present)} and has no .dockerignore: this COPY sends them to the builder and into the image; add a .dockerignore");
        }
    }
}
