using Drydock.CrossFile.Rules.Compose;
using Drydock.Docker.Model;
using Drydock.Docker.Rules;

namespace Drydock.CrossFile.Rules.Python;

/// <summary>
/// The build context of a Dockerfile as the project builds it: the context a compose service names for it
/// (deployment/Dockerfile built with context ".."), else the one its COPY sources point to.
/// </summary>
public static class DockerContexts
{
    public static BuildContext For(CrossFileContext context, DockerfileDocument document)
    {
        if (context.Project.Files.OfKind(Discovery.FileKind.Compose).Count > 0)
        {
            var named = ServiceImage.All(context).Where(image => ReferenceEquals(image.Document, document) && image.Context is not null)
                .Select(image => image.Context!).DistinctBy(buildContext => buildContext.Directory).ToList();
            if (named.Count == 1)
            {
                return named[0];
            }
        }

        return FieldCaseFacts.InferredContext(context.Dockerfiles, document);
    }
}
