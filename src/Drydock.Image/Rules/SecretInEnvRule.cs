using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;
using Drydock.Security;

namespace Drydock.Image.Rules;

/// <summary>IM035: a credential in the config's Env.</summary>
public sealed class SecretInEnvRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM035",
        "secret-in-env",
        Severity.Error,
        "The image's environment holds a credential.",
        "ENV values are part of the image config: anyone who can pull the image reads them with `docker image inspect`, and they reach every process and crash dump.",
        "Pass secrets at run time (`docker run -e`, compose `environment:`/`secrets:`, a mounted file) and use `RUN --mount=type=secret` for build-time ones; rotate the exposed credential.");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        foreach (string variable in context.Config.Env)
        {
            int equals = variable.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? variable : variable[..equals];
            string value = equals < 0 ? "" : variable[(equals + 1)..];
            bool byName = ImageKnowledge.IsSecretEnvName(name) && !ImageKnowledge.IsPlaceholderValue(value) && !ImageKnowledge.IsPlaceholderValue(name);
            if (!byName && !SecretRedactor.ContainsSecret(value))
            {
                continue;
            }

            string redacted = byName ? $"{name}=[REDACTED:env]" : SecretRedactor.Redact(variable);
            sink.Report(Descriptor, context.Location(), $"ENV {name} holds a credential in the image config", redacted);
        }
    }
}
