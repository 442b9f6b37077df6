using Drydock.Compose.Model;
using Drydock.Docker.Knowledge;
using Drydock.Docker.Model;
using Drydock.Docker.Rules;

namespace Drydock.CrossFile.Rules.Compose;

public enum CommandPresence
{
    /// <summary>Nothing Drydock knows says whether the image has the command.</summary>
    Unknown,

    Present,

    Missing,
}

/// <summary>
/// What a compose service runs: the Dockerfile stage its <c>build:</c> ships (context, dockerfile and target resolved
/// as compose does), or the image it pulls by tag. Cross-file compose rules start here.
/// </summary>
public sealed class ServiceImage
{
    private ServiceImage(ComposeStack stack, ComposeService service, DockerfileDocument? document, Stage? stage, BuildContext? context, ImageReference? pulled)
    {
        Stack = stack;
        Service = service;
        Document = document;
        Stage = stage;
        Context = context;
        Pulled = pulled;
    }

    public ComposeStack Stack { get; }

    public ComposeService Service { get; }

    /// <summary>The Dockerfile the service builds (null when it pulls, or the Dockerfile cannot be read).</summary>
    public DockerfileDocument? Document { get; }

    /// <summary>The stage the build ships: <c>build.target</c>, else the final stage. Null when the target names no stage.</summary>
    public Stage? Stage { get; }

    /// <summary>The build context compose sends (not the Dockerfile's folder).</summary>
    public BuildContext? Context { get; }

    /// <summary>The image a service without <c>build:</c> pulls.</summary>
    public ImageReference? Pulled { get; }

    public bool IsBuilt => Service.Build is not null;

    /// <summary>The external image at the root of what the container runs: the build's root FROM, or the pulled image.</summary>
    public ImageReference? RootImage => Stage is not null ? FieldCaseFacts.BaseOf(Stage).Image : Pulled;

    /// <summary>A short description for messages: "deployment/Dockerfile (stage 0, FROM python:3.11-slim)" or "redis:7".</summary>
    public string Description => Stage is not null
        ? $"{Document!.Path} (stage {Stage.DisplayName}{(RootImage is { } root ? ", FROM " + root.Original : "")})"
        : Pulled?.Original ?? "its image";

    /// <summary>Every service of every stack, resolved (services shared by several stacks come once per stack).</summary>
    public static IEnumerable<ServiceImage> All(CrossFileContext context) =>
        context.Compose.Stacks.SelectMany(stack => stack.Services.Select(service => Of(context, stack, service)));

    public static ServiceImage Of(CrossFileContext context, ComposeStack stack, ComposeService service)
    {
        if (service.Build is not { } build)
        {
            return new(stack, service, null, null, null, service.ImageReference is { } reference && !reference.Contains('$') ? ImageReference.Parse(reference) : null);
        }

        var document = BuiltDockerfile(context, build);
        if (document is null)
        {
            return new(stack, service, null, null, null, null);
        }

        string? target = build.Target?.Value;
        var stage = string.IsNullOrEmpty(target) ? (build.Target is null ? document.FinalStage : null) : document.FindStage(target);
        return new(stack, service, document, stage, context.Dockerfiles.ContextOf(document, build.ContextPath), null);
    }

    /// <summary>The parsed Dockerfile of a build whose context is a readable folder of the project, or null.</summary>
    public static DockerfileDocument? BuiltDockerfile(CrossFileContext context, ComposeBuild build) =>
        build.IsRemoteContext || build.DockerfileInline is not null || build.ContextPath is null || build.DockerfilePath is null
            ? null
            : context.Dockerfiles[build.DockerfilePath];

    /// <summary>Whether <paramref name="program"/> is on the image's PATH, as far as the knowledge and the Dockerfile tell.</summary>
    public CommandPresence Has(string program)
    {
        var knowledge = ComposeImageKnowledge.Default;
        if (!knowledge.ProbeCommands.Contains(program))
        {
            return CommandPresence.Unknown;
        }

        if (Stage is not null && AddedByBuild(Stage, program))
        {
            return CommandPresence.Present;
        }

        if (IsBuilt && Stage is null)
        {
            return CommandPresence.Unknown;
        }

        if (RootImage is not { IsScratch: false } root)
        {
            return RootImage is { IsScratch: true } ? CommandPresence.Missing : CommandPresence.Unknown;
        }

        string repository = root.Registry is null ? root.Repository : root.Registry + "/" + root.Repository;
        string tag = root.Tag ?? "latest";
        if (knowledge.ServiceImage(repository, tag) is { } service)
        {
            return service.Commands.Contains(program) ? CommandPresence.Present : CommandPresence.Missing;
        }

        var family = FieldKnowledge.Default.FamilyOf(repository, tag);
        if (family?.Commands is { } commands && FieldKnowledge.Default.ProbeCommands.Contains(program))
        {
            return commands.Contains(program) ? CommandPresence.Present : CommandPresence.Missing;
        }

        return CommandPresence.Unknown;
    }

    /// <summary>The source note of the knowledge that decided <see cref="Has"/> for the root image (for messages).</summary>
    public string? RootImageNote()
    {
        if (RootImage is not { IsScratch: false } root)
        {
            return null;
        }

        string repository = root.Registry is null ? root.Repository : root.Registry + "/" + root.Repository;
        string tag = root.Tag ?? "latest";
        return ComposeImageKnowledge.Default.ServiceImage(repository, tag)?.Source ?? FieldKnowledge.Default.FamilyOf(repository, tag)?.Source;
    }

    /// <summary>An apt/apk install of the stage chain that provides it, a RUN that already uses it, or a COPY that brings it in.</summary>
    private static bool AddedByBuild(Stage stage, string program)
    {
        var tools = FieldKnowledge.Default;
        if (FieldCaseFacts.ChainInstalls(stage).Where(install => install.Manager is PackageManager.Apt or PackageManager.Apk)
            .SelectMany(install => install.Packages).Any(package => tools.CommandsOf(package.Name).Contains(program)))
        {
            return true;
        }

        if (FieldCaseFacts.ChainCommands(stage).Any(item => item.Line.Program == program))
        {
            return true;
        }

        return FieldCaseFacts.Chain(stage).SelectMany(link => link.InstructionsOf<FileTransferInstruction>())
            .Any(copy => copy.Sources.Any(source => Path.GetFileName(source.Value.TrimEnd('/')) == program)
                || Path.GetFileName(copy.Destination?.Value.TrimEnd('/') ?? "") == program);
    }
}
