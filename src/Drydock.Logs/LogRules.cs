using Drydock.Findings;
using Drydock.Logs.Analysis;
using Drydock.Logs.Model;
using Drydock.Logs.Signatures;

namespace Drydock.Logs;

/// <summary>The LG rules as descriptors, for `drydock rules` and `drydock explain`: LG000, LG001, then every signature.</summary>
public static class LogRules
{
    public static readonly RuleDescriptor Unreadable = new(
        LogProblem.RuleId, LogProblem.Name, Severity.Error,
        "A log could not be read: empty, binary, UTF-16, missing, or a zip bomb.",
        "A log that cannot be read cannot be diagnosed.",
        "Pass the log itself as UTF-8 text, its .gz, or the zip of a run's logs.");

    public static readonly RuleDescriptor General = new(
        LogVerdict.GeneralRuleId, LogVerdict.GeneralName, Severity.Error,
        "A failure with no known signature: the lines that best explain it.",
        "Every failed log gets a diagnosis; without a signature the general extractor quotes the first strong error block of the failing step.",
        "Read the quoted lines; add a signature to log-signatures.json if the failure recurs.");

    public static IReadOnlyList<RuleDescriptor> All { get; } =
        [Unreadable, General, .. SignatureCatalog.Default.Signatures.Select(signature => signature.Descriptor)];
}
