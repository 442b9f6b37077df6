using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;

namespace Drydock.Image.Rules;

/// <summary>IM021: the container runs as root (no USER, or USER root/0).</summary>
public sealed class RunsAsRootRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM021",
        "runs-as-root",
        Severity.Warning,
        "The container runs as root.",
        "A process running as root inside the container is root on the host's kernel: any escape or writable host mount is a full compromise, and many platforms (OpenShift, restricted Kubernetes namespaces) refuse such images.",
        "Add a user in the final stage and switch to it: `RUN useradd --uid 1000 app` then `USER 1000:1000` (numeric ids work with runAsNonRoot checks).")
    {
        Equivalents = ["hadolint DL3002"],
    };

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        var user = ImageUser.Resolve(context.Config, context.FileSystem);
        if (!user.IsRoot)
        {
            return;
        }

        string spec = user.Spec.Length == 0 ? "no USER is set" : $"USER {user.Spec}";
        sink.Report(Descriptor, context.Location(), $"the container runs as root ({spec})", $"config User: \"{user.Spec}\"");
    }
}
