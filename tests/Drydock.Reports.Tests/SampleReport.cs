using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Reports.Check;

namespace Drydock.Reports.Tests;

/// <summary>A realistic report: field case A's apt-key line, with a planted token in the evidence.</summary>
internal static class SampleReport
{
    public const string PlantedToken = "ghp_Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa";

    public static readonly RuleDescriptor AptKey = new("DF040", "apt-key-used", Severity.Error,
        "apt-key is used to trust a repository key",
        "apt-key was removed from Debian 13 (trixie) and Ubuntu 24.04; the RUN fails with 'apt-key: not found'.",
        "Download the key into /etc/apt/keyrings and reference it with signed-by= in the sources entry.")
    { Fixable = true, Equivalents = ["hadolint DL3xxx"] };

    public static readonly RuleDescriptor Style = new("DF030", "maintainer-deprecated", Severity.Style, "MAINTAINER is deprecated", "w", "Use LABEL.");

    public static CheckReport Create()
    {
        var findings = new List<Finding>
        {
            new()
            {
                Rule = AptKey,
                Severity = Severity.Error,
                Location = new SourceLocation("docker/Dockerfile", 7, 5, 7, 61),
                Message = "apt-key adds the Google signing key | it is gone in trixie, with `backticks` and <html>",
                Evidence = $"RUN curl -fsSL https://dl.google.com/linux/linux_signing_key.pub | apt-key add - # GH_TOKEN={PlantedToken}",
                Why = AptKey.Why,
                FixAdvice = AptKey.FixAdvice,
                Fix = new Fix("Use a keyring with signed-by", true, [new TextEdit("docker/Dockerfile", 120, 15, "gpg --dearmor -o /etc/apt/keyrings/google.gpg")]),
                Related = [new RelatedLocation(new SourceLocation("docker/Dockerfile", 8, 1), "the sources entry that must name the keyring")],
            },
            new()
            {
                Rule = Style,
                Severity = Severity.Style,
                Location = SourceLocation.WholeFile("Dockerfile, with comma: and colon"),
                Message = "whole-file finding\nsecond line",
                FixAdvice = Style.FixAdvice,
            },
        };
        var result = new CheckResult(findings, ["a note with token " + PlantedToken], 1);
        return new CheckReport(".", result, [AptKey, Style], Severity.Warning, 12);
    }
}
