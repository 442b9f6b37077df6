using Drydock.Analysis;
using Drydock.Findings;

namespace Drydock.Reports.Check;

/// <summary>What `drydock check` hands to a writer: the result, the rules that ran, and the threshold.</summary>
public sealed record CheckReport(
    string Root,
    CheckResult Result,
    IReadOnlyList<RuleDescriptor> Rules,
    Severity FailOn,
    int FilesScanned)
{
    public IReadOnlyList<Finding> Findings => Result.Findings;

    public bool Failed => Result.Fails(FailOn);

    public int Count(Severity severity) => Findings.Count(finding => finding.Severity == severity);
}
