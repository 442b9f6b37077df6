using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;

namespace Drydock.Image.Rules;

/// <summary>IM020: the config's USER names a user or group that /etc/passwd or /etc/group does not have.</summary>
public sealed class UserNotFoundRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM020",
        "user-not-found",
        Severity.Error,
        "The image's USER names a user or group the image does not define.",
        "runc looks a user name up in the image's own /etc/passwd; when it is missing the container fails with 'unable to find user NAME: no matching entries in passwd file' before the entrypoint runs.",
        "Create the user in the final stage (`RUN useradd --uid 1000 app` or `adduser -D -u 1000 app` on Alpine), or use a numeric `USER 1000:1000`, which needs no entry.");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        var user = ImageUser.Resolve(context.Config, context.FileSystem);
        if (user.MissingName is null)
        {
            return;
        }

        sink.Report(
            Descriptor,
            context.Location("/etc/passwd"),
            $"USER {user.Spec}: unable to find user {user.MissingName}: {user.MissingReason}",
            $"config User: {user.Spec}");
    }
}
