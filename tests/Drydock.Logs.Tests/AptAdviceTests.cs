using Drydock.Findings;
using Drydock.Logs.Analysis;
using Drydock.Logs.Model;
using Drydock.Testing;

namespace Drydock.Logs.Tests;

/// <summary>
/// apt's "Unable to locate package" and "has no installation candidate" (LG120, LG121) carry the advice of
/// DF080: the release the build ran, the name there, the component, the third-party repository.
/// </summary>
public sealed class AptAdviceTests
{
    private static string CaseA => RepoRoot.Combine("examples", "case-a-crawler-mcp");

    /// <summary>A one-platform BuildKit build of <paramref name="image"/> whose RUN prints <paramref name="output"/>.</summary>
    private static string BuildKit(string? image, string install, params string[] output)
    {
        var lines = new List<string> { "#0 building with \"default\" instance using docker driver", "#1 [internal] load build definition from Dockerfile", "#1 DONE 0.0s" };
        if (image is not null)
        {
            lines.Add($"#2 [internal] load metadata for docker.io/library/{image}");
            lines.Add("#2 DONE 0.6s");
        }

        lines.Add($"#5 [2/3] RUN apt-get update && apt-get install -y {install}");
        lines.Add("#5 0.512 Reading package lists...");
        lines.AddRange(output.Select(line => line.Length == 0 ? "#5 2.204 " : $"#5 2.204 {line}"));
        lines.Add($"#5 ERROR: process \"/bin/sh -c apt-get update && apt-get install -y {install}\" did not complete successfully: exit code: 100");
        lines.Add("ERROR: failed to solve: process did not complete successfully: exit code: 100");
        return string.Join('\n', lines) + "\n";
    }

    private static Diagnosis Single(string rule, string log)
    {
        var diagnosis = LogHarness.Diagnose(("build.log", log)).Diagnoses[0];
        Assert.Equal(rule, diagnosis.RuleId);
        return diagnosis;
    }

    [Fact]
    public void FieldCaseAFromTheLogAloneNamesBookwormAndTheNewSonames()
    {
        var result = new DiagnoseEngine().Diagnose([Path.Combine(CaseA, "logs", "build-libav.log")]);
        var diagnosis = result.Diagnoses[0];
        Assert.Equal("LG120", diagnosis.RuleId);

        // The log is of 2025-03-11: python:3.11-slim followed bookworm then (trixie only from 2025-08-09).
        Assert.Contains("bookworm", diagnosis.Cause, StringComparison.Ordinal);
        Assert.Contains("the build log, log of 2025-03-11", diagnosis.Cause, StringComparison.Ordinal);
        Assert.Contains("Debian bookworm has no package libavcodec58 (it is bullseye's name)", diagnosis.Cause, StringComparison.Ordinal);
        Assert.Contains("libavcodec58: install libavcodec59 instead", diagnosis.Fix, StringComparison.Ordinal);
        Assert.Contains("libswscale5: install libswscale6 instead", diagnosis.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("libavcodec61", diagnosis.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void FieldCaseAWithTheRepositoryLinksEachPackageToItsLineAndCitesDF080()
    {
        var findings = CheckFindingsOf(CaseA, "DF080");
        Assert.Equal(4, findings.Count);
        var engine = new DiagnoseEngine(new DiagnoseOptions { RepositoryRoot = CaseA, CheckFindings = findings });
        var diagnosis = engine.Diagnose([Path.Combine(CaseA, "logs", "build-libav.log")]).Diagnoses[0];

        Assert.Equal("LG120", diagnosis.RuleId);
        Assert.Contains(diagnosis.Related, related => related.Location == new SourceLocation("Dockerfile", 8));
        string[] packages = ["libavcodec58", "libavformat58", "libavutil56", "libswscale5"];
        for (int i = 0; i < packages.Length; i++)
        {
            Assert.Contains(diagnosis.Related, related => related.Location == new SourceLocation("Dockerfile", 11 + i) && related.Message == $"installs {packages[i]}");
        }

        Assert.Equal(findings.OrderBy(finding => finding.Location.Line), diagnosis.CitedFindings.Where(finding => finding.Rule.Id == "DF080").OrderBy(finding => finding.Location.Line));
        Assert.Contains("base image from Dockerfile:1", diagnosis.Cause, StringComparison.Ordinal);
        Assert.Contains("libavcodec58: install libavcodec59 instead", diagnosis.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void UnableToLocateOnANamedReleaseGivesThatReleasesName()
    {
        var diagnosis = Single("LG120", BuildKit("debian:trixie-slim", "libssl1.1", "E: Unable to locate package libssl1.1"));
        Assert.Contains("Debian trixie has no package libssl1.1", diagnosis.Cause, StringComparison.Ordinal);
        Assert.Contains("libssl1.1: install libssl3t64 instead", diagnosis.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void NoInstallationCandidateWithAptsReplacementListKeepsTheListInTheEvidenceAndTheFix()
    {
        var diagnosis = Single("LG121", BuildKit(
            "python:3.12-slim-trixie",
            "libgl1-mesa-glx",
            "Package libgl1-mesa-glx is not available, but is referred to by another package.",
            "This may mean that the package is missing, has been obsoleted, or",
            "is only available from another source",
            "However the following packages replace it:",
            "  libgl1 libglx-mesa0",
            "",
            "E: Package 'libgl1-mesa-glx' has no installation candidate"));
        Assert.Contains(diagnosis.Evidence.Lines, line => line.Contains("However the following packages replace it:", StringComparison.Ordinal));
        Assert.Contains("Debian trixie has no package libgl1-mesa-glx", diagnosis.Cause, StringComparison.Ordinal);
        Assert.Contains("libgl1-mesa-glx: install libgl1 libglx-mesa0 instead", diagnosis.Fix, StringComparison.Ordinal);
        Assert.Contains("apt names the replacement: libgl1 libglx-mesa0", diagnosis.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void NoInstallationCandidateWithoutAReplacementList()
    {
        var diagnosis = Single("LG121", BuildKit("python:3.13-trixie", "python3-distutils", "E: Package 'python3-distutils' has no installation candidate"));
        Assert.Contains("Debian trixie has no package python3-distutils", diagnosis.Cause, StringComparison.Ordinal);
        Assert.Contains("python3-distutils: install python3-setuptools instead", diagnosis.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("apt names the replacement", diagnosis.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void AThirdPartyPackageNamesItsRepository()
    {
        var diagnosis = Single("LG120", BuildKit("debian:bookworm", "google-chrome-stable", "E: Unable to locate package google-chrome-stable"));
        Assert.Contains("google-chrome-stable is not a Debian package", diagnosis.Cause, StringComparison.Ordinal);
        Assert.Contains("dl.google.com", diagnosis.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownBaseImageSaysSoAndNamesTheReleasesThatHaveThePackage()
    {
        var diagnosis = Single("LG120", BuildKit(null, "libavcodec58", "E: Unable to locate package libavcodec58"));
        Assert.Contains("not named in the log", diagnosis.Cause, StringComparison.Ordinal);
        Assert.Contains("libavcodec58 exists in Debian bullseye (main)", diagnosis.Cause, StringComparison.Ordinal);
        Assert.DoesNotContain("bookworm has no package", diagnosis.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUbuntuBaseIsNotCheckedAgainstDebian()
    {
        var diagnosis = Single("LG120", BuildKit("ubuntu:24.04", "libavcodec58", "E: Unable to locate package libavcodec58"));
        Assert.DoesNotContain("Debian bookworm has no package", diagnosis.Cause, StringComparison.Ordinal);
        Assert.DoesNotContain("Debian trixie has no package", diagnosis.Cause, StringComparison.Ordinal);
        Assert.Contains("Ubuntu", diagnosis.Cause, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void OtherFailuresKeepTheSignaturesOwnCauseAndFix()
    {
        var diagnosis = Single("LG101", LogHarness.GitHubJob("make", ["a.c:3:10: fatal error: zlib.h: No such file or directory", "compilation terminated."], 2));
        var signature = Drydock.Logs.Signatures.SignatureCatalog.Default.ById["LG101"];
        Assert.Equal(signature.Cause, diagnosis.Cause);
        Assert.Equal(signature.Fix, diagnosis.Fix);
    }

    [Theory]
    [InlineData("FROM python:3.11-slim\nRUN apt-get install -y x\n", 1, "python:3.11-slim", 0)]
    [InlineData("ARG PY=3.12\nFROM python:${PY}-slim-bookworm AS base\nFROM base AS app\nRUN apt-get install -y x\n", 3, "python:3.12-slim-bookworm", 2)]
    [InlineData("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN go build\nFROM debian:trixie-slim@sha256:abc\nRUN apt-get install -y x\n", 3, "debian:trixie-slim", 2)]
    [InlineData("FROM node:$NODE\nRUN apt-get install -y x\n", 1, "node:$NODE", 0)]
    public void TheStageOfALineHasTheImageItsFromNames(string dockerfile, int index, string image, int fromLine)
    {
        var found = DockerfileStages.BaseImageAt(dockerfile.Split('\n'), index);
        Assert.Equal((image, fromLine), found);
    }

    [Fact]
    public void AFileWithoutFromHasNoStage() => Assert.Null(DockerfileStages.BaseImageAt(["RUN true"], 0));

    /// <summary>What `drydock check` reports on an example, as its expected-findings.txt records it.</summary>
    private static List<Finding> CheckFindingsOf(string example, string ruleId)
    {
        var rule = new RuleDescriptor(ruleId, "apt-package-unavailable", Severity.Error, "s", "w", "f");
        return [.. File.ReadLines(Path.Combine(example, "expected-findings.txt"))
            .Where(line => !line.StartsWith('#') && line.EndsWith(" " + ruleId, StringComparison.Ordinal))
            .Select(line => line[..line.IndexOf(' ', StringComparison.Ordinal)].Split(':'))
            .Select(parts => new Finding
            {
                Rule = rule,
                Severity = Severity.Error,
                Location = new SourceLocation(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)),
                Message = "m",
                FixAdvice = "f",
            })];
    }
}
