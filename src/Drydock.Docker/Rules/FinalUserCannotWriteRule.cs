using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>
/// DF045: a VOLUME of the shipped stage stays root's while the process runs as another user. A root-owned WORKDIR
/// alone is not reported: most services never write to their working directory, so it would fire on sound images.
/// </summary>
public sealed class FinalUserCannotWriteRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF045",
        "final-user-cannot-write",
        Severity.Warning,
        "A VOLUME of the final stage is created as root and never given to the non-root user the container runs as.",
        "A VOLUME path the image does not hold, or holds as root, is owned by root: the process cannot create files there (PermissionError: [Errno 13]), and a named volume mounted on the path starts root-owned, since Docker copies the image directory's ownership into a new volume.",
        "Create the directory and hand it over before USER: RUN mkdir -p /path && chown app:app /path (or create it with WORKDIR after USER, which BuildKit does as that user).");

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitStage(DockerfileContext context, Stage stage)
    {
        if (!context.IsShipped(stage) || FieldCaseFacts.IsRoot(stage.FinalUser))
        {
            return;
        }

        string user = stage.FinalUser!;
        foreach (var volume in FieldCaseFacts.Chain(stage).SelectMany(link => link.InstructionsOf<VolumeInstruction>()))
        {
            foreach (var word in volume.Paths)
            {
                var expansion = volume.Stage!.Expand(word, volume);
                if (expansion.IsKnown && expansion.Text.StartsWith('/') && !IsGiven(stage, FieldCaseFacts.TrimPath(expansion.Text), user))
                {
                    context.Report(Descriptor, word.Span,
                        $"volume {expansion.Text} is created owned by root, but the container runs as '{user}': it cannot write there; add 'RUN mkdir -p {expansion.Text} && chown {user} {expansion.Text}' before USER");
                }
            }
        }
    }

    /// <summary>True when the chain gives <paramref name="path"/> away: chown/chmod of it (or -R of a parent), mkdir or WORKDIR as the user, or a home directory useradd creates.</summary>
    private static bool IsGiven(Stage stage, string path, string user)
    {
        foreach (var (run, line) in FieldCaseFacts.ChainCommands(stage))
        {
            bool recursive = line.HasOption('R', "--recursive");
            var targets = line.Arguments.Where(word => !word.IsFlag).Select(word => word.Literal).OfType<string>().Select(FieldCaseFacts.TrimPath).ToList();
            bool names = targets.Contains(path) || (recursive && targets.Any(target => path.StartsWith(target + "/", StringComparison.Ordinal)));
            switch (line.Program)
            {
                case "chown" or "chmod" or "setfacl" when names:
                case "install" when names && line.HasOption('o', "--owner"):
                case "mkdir" when names && !FieldCaseFacts.IsRoot(run.Stage!.UserAt(run)):
                case "useradd" or "adduser" when targets.Contains(path) || path == "/home/" + user:
                    return true;
            }
        }

        return FieldCaseFacts.Chain(stage).SelectMany(link => link.InstructionsOf<WorkdirInstruction>())
            .Any(workdir => workdir.Path is { } workdirPath && FieldCaseFacts.TrimPath(workdirPath) == path && !FieldCaseFacts.IsRoot(workdir.Stage!.UserAt(workdir)));
    }
}
