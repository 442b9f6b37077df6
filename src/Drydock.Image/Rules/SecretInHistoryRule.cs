using System.Text.RegularExpressions;
using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;
using Drydock.Security;

namespace Drydock.Image.Rules;

/// <summary>IM036: a credential in a history entry (a build ARG or a command line recorded in created_by).</summary>
public sealed partial class SecretInHistoryRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM036",
        "secret-in-history",
        Severity.Error,
        "A build step recorded in the image history contains a credential.",
        "`docker history --no-trunc` shows every RUN command and the build ARGs it saw (as `|1 TOKEN=...`): a token passed as ARG or typed into a RUN line ships with the image forever, even if a later layer deletes the file.",
        "Use `RUN --mount=type=secret,id=token` (BuildKit) instead of ARG/ENV for credentials, rebuild, and rotate the exposed credential.");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        var history = context.Config.History;
        for (int i = 0; i < history.Count; i++)
        {
            string createdBy = history[i].CreatedBy;
            var secretArg = BuildArgs().Matches(createdBy).FirstOrDefault(match => ImageKnowledge.IsSecretEnvName(match.Groups["name"].Value) && !ImageKnowledge.IsPlaceholderValue(match.Groups["value"].Value));
            if (secretArg is null && !SecretRedactor.ContainsSecret(createdBy))
            {
                continue;
            }

            string redacted = SecretRedactor.Redact(createdBy);
            if (secretArg is not null)
            {
                redacted = redacted.Replace(secretArg.Groups["value"].Value, "[REDACTED:build-arg]", StringComparison.Ordinal);
            }

            string what = secretArg is not null ? $"build argument {secretArg.Groups["name"].Value}" : "a credential";
            sink.Report(Descriptor, context.Location(), $"history step {i + 1} records {what}", redacted);
        }
    }

    // BuildKit and the classic builder prefix RUN steps with "|N NAME=value ..." for the ARGs in scope.
    [GeneratedRegex(@"(?:^\|\d+\s+|\s)(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>[^\s]+)")]
    private static partial Regex BuildArgs();
}
