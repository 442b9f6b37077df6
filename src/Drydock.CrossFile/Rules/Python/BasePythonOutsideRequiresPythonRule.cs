using Drydock.Docker.Rules;
using Drydock.Findings;

namespace Drydock.CrossFile.Rules.Python;

/// <summary>DF054: the base image's Python version is outside requires-python (or Poetry's python constraint).</summary>
public sealed class BasePythonOutsideRequiresPythonRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF054",
        "base-python-outside-requires-python",
        Severity.Error,
        "The base image's Python version is outside the project's requires-python (or Poetry's python constraint).",
        "pip refuses to install the project ('requires a different Python'), or the code fails later on syntax and library features the interpreter lacks.",
        "Use a base image whose Python satisfies the constraint, or widen the constraint if the code really supports that version.");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        foreach (var document in context.Dockerfiles.Documents)
        {
            var buildContext = DockerContexts.For(context, document);
            var pyproject = context.Python.PyProjects
                .Where(file => IsWithin(buildContext.Directory, Folder(file.Path)))
                .OrderByDescending(file => Folder(file.Path).Length)
                .FirstOrDefault();
            if (pyproject?.RequiresPythonText is not { } constraint || pyproject.RequiresPython.IsAny)
            {
                continue;
            }

            foreach (var stage in document.Stages)
            {
                var (image, family) = FieldCaseFacts.BaseOf(stage);
                if (stage.BaseStage is not null || image?.Tag is not { } tag || family is not { IsPython: true } || family.PythonVersion(tag) is not { } version
                    || pyproject.RequiresPython.AllowsSeries(version))
                {
                    continue;
                }

                var word = stage.From.ImageWord;
                int start = word?.Span.Start ?? stage.From.Span.Start;
                int end = word?.Span.End ?? stage.From.Span.End;
                context.Sink.Report(Descriptor, document.Source, start, end,
                    $"stage {stage.DisplayName} is built on {image.Original} (Python {version}), outside the project's Python constraint '{constraint}' ({pyproject.Path}:{pyproject.RequiresPythonAt?.Line}): pip refuses to install the project there",
                    related: [new RelatedLocation(new SourceLocation(pyproject.Path, pyproject.RequiresPythonAt?.Line ?? 0), $"python constraint '{constraint}'")]);
            }
        }
    }

    private static string Folder(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : "";

    /// <summary>True when <paramref name="folder"/> is <paramref name="root"/> or below it.</summary>
    private static bool IsWithin(string root, string folder) =>
        root.Length == 0 || folder == root || folder.StartsWith(root + "/", StringComparison.Ordinal);
}
