using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF044: USER names an account nothing creates.</summary>
public sealed class UserNotCreatedRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF044",
        "user-not-created",
        Severity.Error,
        "USER names an account that no instruction creates and the base image does not have.",
        "The next RUN, or the container itself, fails with 'unable to find user NAME: no matching entries in passwd file'. A numeric UID needs no passwd entry; a name does.",
        "Create the account in a RUN before USER (useradd --uid 1000 NAME; Alpine: adduser -D NAME), or use a numeric UID.");

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitUser(DockerfileContext context, UserInstruction user)
    {
        if (user.Stage is not { } stage || user.UserWord is not { } word)
        {
            return;
        }

        var expansion = stage.Expand(word, user);
        string name = expansion.Text.Split(':')[0];
        if (!expansion.IsKnown || name.Length == 0 || name.All(char.IsAsciiDigit) || FieldCaseFacts.IsRoot(name))
        {
            return;
        }

        var (_, family) = FieldCaseFacts.BaseOf(stage);
        if (family?.Users is not { } users || users.Contains(name) || FieldCaseFacts.ChainCreatesUser(stage, name) || ReplacesPasswd(stage))
        {
            return;
        }

        context.Report(Descriptor, word.Span,
            $"user '{name}' is not created by any RUN of stage {stage.DisplayName} (or the stages it is built on) and {family.Name} images have no such account: the container fails with 'unable to find user {name}'; add 'RUN useradd --uid 1000 {name}' before USER or use a numeric UID");
    }

    private static bool ReplacesPasswd(Stage stage) =>
        FieldCaseFacts.Chain(stage).SelectMany(link => link.InstructionsOf<FileTransferInstruction>())
            .Any(copy => copy.Destination?.Value.Contains("/etc/passwd", StringComparison.Ordinal) == true || copy.Sources.Any(source => source.Value.Contains("passwd", StringComparison.Ordinal)))
        || FieldCaseFacts.ChainCommands(stage).Any(item => item.Line.Command.Redirects.Any(redirect => redirect.Target?.Value.Contains("/etc/passwd", StringComparison.Ordinal) == true));
}
