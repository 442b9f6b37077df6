using Drydock.Docker.Knowledge;
using Drydock.Docker.Model;

namespace Drydock.Docker.Rules;

/// <summary>
/// Reasoning the field-case rules (DF040-DF079) share about a stage: its root base image and what that image
/// ships, what the stage chain installs, which users it creates, which architectures it is built for, and
/// what its CMD runs. Candidates to move into the model (<see cref="Stage"/>) once they settle.
/// </summary>
public static class FieldCaseFacts
{
    /// <summary>The architectures assumed when nothing pins a platform: the usual multi-arch pair.</summary>
    public static readonly IReadOnlySet<string> DefaultArchitectures = new HashSet<string>(StringComparer.Ordinal) { "amd64", "arm64" };

    /// <summary>The stage chain from the root external image to <paramref name="stage"/> (FROM stage links), root first.</summary>
    public static IReadOnlyList<Stage> Chain(Stage stage) => stage.Chain;

    /// <summary>The external image at the root of the chain and its known family (both null when unknown).</summary>
    public static (ImageReference? Image, BaseImageFamily? Family) BaseOf(Stage stage)
    {
        var image = Chain(stage)[0].BaseImage;
        if (image is null || image.IsScratch)
        {
            return (image, null);
        }

        string repository = image.Registry is null ? image.Repository : image.Registry + "/" + image.Repository;
        return (image, FieldKnowledge.Default.FamilyOf(repository, image.Tag ?? "latest"));
    }

    /// <summary>Install commands of the chain; with <paramref name="before"/>, only those that run before it.</summary>
    public static IEnumerable<InstallCommand> ChainInstalls(Stage stage, Instruction? before = null) =>
        Chain(stage).SelectMany(link => link.Installs)
            .Where(install => before is null || install.Stage != before.Stage || install.Instruction.Index < before.Index);

    /// <summary>Simple commands of every RUN in the chain, with the RUN that holds them.</summary>
    public static IEnumerable<(RunInstruction Run, CommandLine Line)> ChainCommands(Stage stage) =>
        Chain(stage).SelectMany(link => link.InstructionsOf<RunInstruction>())
            .SelectMany(run => run.CommandLines.Select(line => (run, line)));

    /// <summary>True when a word the chain's RUNs pass to useradd/adduser is <paramref name="user"/>.</summary>
    public static bool ChainCreatesUser(Stage stage, string user) =>
        ChainCommands(stage).Any(item => item.Line.Program is "useradd" or "adduser"
            && item.Line.Arguments.Any(word => word.Literal == user));

    /// <summary>
    /// The architectures the stage is built for as far as the Dockerfile alone tells: the one its --platform pins, else
    /// the default pair. Rules that can read the workflows and compose files use the cross-file build-target model
    /// (Drydock.CrossFile's BuildTargets), which starts from <see cref="PinnedPlatform"/> too.
    /// </summary>
    public static IReadOnlySet<string> TargetArchitectures(Stage stage) =>
        PinnedPlatform(stage) is { } pinned ? new HashSet<string>(StringComparer.Ordinal) { pinned.Architecture } : DefaultArchitectures;

    /// <summary>
    /// The nearest stage of the chain whose FROM --platform names one concrete platform (no variable, no list), with
    /// that platform as written after expansion and its architecture ("linux/arm/v7" gives "arm"); null when none does.
    /// A pinned stage holds that platform's files whatever platforms the build asks for.
    /// </summary>
    public static (Stage Stage, string Platform, string Architecture)? PinnedPlatform(Stage stage)
    {
        foreach (var link in Enumerable.Reverse(Chain(stage)))
        {
            if (link.Platform is { } platform && !platform.Contains('$') && !platform.Contains(','))
            {
                string[] parts = platform.Split('/');
                if (parts.Length >= 2 && parts[1].Length > 0)
                {
                    return (link, platform, parts[1]);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The words of the command the container starts: the exec argv, or the first command of a shell form
    /// (literal words only; null when unknown).
    /// </summary>
    public static IReadOnlyList<string>? StartWords(Stage stage)
    {
        var argv = stage.ResolvedCommand;
        if (argv is null || argv.Count == 0)
        {
            return null;
        }

        bool shellForm = argv.Count == 3 && ScriptSources.IsShell(argv[0]) && argv[1] == "-c";
        if (!shellForm)
        {
            return argv;
        }

        var form = stage.Entrypoint is { Command.IsExecForm: false } entry ? entry.Command : stage.Cmd?.Command;
        var first = form?.Script?.AllCommands().FirstOrDefault()?.Effective;
        if (first?.Program is null || first.ProgramWord?.Literal is not { } program)
        {
            return null;
        }

        return [program, .. first.Arguments.Select(word => word.Literal ?? "")];
    }

    /// <summary>
    /// The build context the Dockerfile most likely expects: its own folder, unless an enclosing folder holds more
    /// of the files its COPY/ADD instructions name (a deployment/Dockerfile built with context ".."). A compose file or
    /// workflow that names the context should override this.
    /// </summary>
    public static BuildContext InferredContext(DockerfileContext context) => InferredContext(context.Set, context.Document);

    /// <inheritdoc cref="InferredContext(DockerfileContext)"/>
    public static BuildContext InferredContext(DockerfileSet set, DockerfileDocument document) => set.InferredContextOf(document);

    /// <summary>COPY/ADD sources read from the build context whose path is known and has no wildcard, normalised ("./a/" -> "a").</summary>
    public static IEnumerable<(FileTransferInstruction Copy, DockerWord Word, string Path)> LiteralSources(DockerfileDocument document) =>
        document.LiteralContextSources();

    /// <summary>True for USER values that mean root (or nothing set).</summary>
    public static bool IsRoot(string? user) => user is null or "" or "root" or "0";

    /// <summary>A path with no trailing slash ("/" stays "/").</summary>
    public static string TrimPath(string path) => path.Length > 1 ? path.TrimEnd('/') : path;
}
