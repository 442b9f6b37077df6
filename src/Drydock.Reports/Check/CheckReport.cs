using Drydock.Analysis;
using Drydock.Discovery;
using Drydock.Findings;

namespace Drydock.Reports.Check;

/// <summary>
/// What `drydock check` hands to a writer: the result, the rules that ran, the threshold, and which kinds of file the
/// repository has (null when unknown), so a report can say what reading files could not verify.
/// </summary>
public sealed record CheckReport(
    string Root,
    CheckResult Result,
    IReadOnlyList<RuleDescriptor> Rules,
    Severity FailOn,
    int FilesScanned,
    IReadOnlySet<FileKind>? KindsPresent = null)
{
    public IReadOnlyList<Finding> Findings => Result.Findings;

    public bool Failed => Result.Fails(FailOn);

    public int Count(Severity severity) => Findings.Count(finding => finding.Severity == severity);
}
