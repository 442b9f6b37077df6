using System.Globalization;
using Drydock.Logs.Model;
using Drydock.Logs.Parsing;
using Drydock.Logs.Signatures;

namespace Drydock.Logs.Analysis;

/// <summary>
/// Turns one log's scan into its diagnoses: the best-ranked signature hit in the failing step first, then other
/// causes that do not overlap it; the general extractor when no signature explains the failure.
/// </summary>
internal static class LogVerdict
{
    public const string GeneralRuleId = "LG001";
    public const string GeneralName = "unrecognised-failure";

    public static List<Diagnosis> Diagnose(LogScan scan, int maxSecondary, SignatureCatalog catalog)
    {
        var result = new List<Diagnosis>();
        if (!scan.Failed)
        {
            return result;
        }

        var failingStep = scan.FailingStep;
        var job = new JobRef(scan.Input.JobName, scan.Input.Path, failingStep?.Name, scan.ExitCode);
        var ranked = scan.Hits
            .Where(hit => !hit.Signature.Symptom)
            .OrderByDescending(hit => Rank(hit, failingStep, scan))
            .ThenBy(hit => hit.MatchLine)
            .ToList();

        var taken = new List<SignatureHit>();
        foreach (var hit in ranked)
        {
            if (taken.Count > maxSecondary || (taken.Count > 0 && Rank(hit, failingStep, scan) < 0.5))
            {
                break;
            }

            // A second cause must fail somewhere else (another step, another platform's build step): later lines of
            // the same step are consequences of the first ("no tests ran" after an INTERNALERROR).
            if (taken.Any(other => other.Signature == hit.Signature || Overlaps(other, hit) || SameStep(other, hit)))
            {
                continue;
            }

            taken.Add(hit);
        }

        foreach (var hit in taken)
        {
            var also = scan.Hits.Where(other => other != hit && !taken.Contains(other) && Overlaps(hit, other))
                .Select(other => other.Signature.Id).Distinct(StringComparer.Ordinal).ToList();
            result.Add(FromHit(scan, hit, job, also, catalog));
        }

        if (result.Count == 0)
        {
            result.Add(General(scan, job, failingStep));
        }

        return result;
    }

    private static double Rank(SignatureHit hit, LogStep? failingStep, LogScan scan)
    {
        double rank = hit.Signature.Confidence;
        if (failingStep is not null && hit.CiStep is not null)
        {
            rank += hit.CiStep == failingStep ? 0.25 : hit.CiStep.Failed ? 0 : -0.4;
        }

        if (hit.DockerStep is { Failed: true })
        {
            rank += 0.1;
        }

        // After the first failure marker, output is cleanup and summaries, not cause.
        if (scan.FailureMarkers.Count > 0 && hit.MatchLine > scan.FailureMarkers[0].Line && hit.CiStep != failingStep)
        {
            rank -= 0.3;
        }

        return rank;
    }

    private static bool SameStep(SignatureHit a, SignatureHit b) =>
        a.DockerStep is not null || b.DockerStep is not null ? a.DockerStep == b.DockerStep : a.CiStep == b.CiStep;

    private static bool Overlaps(SignatureHit a, SignatureHit b) => a.StartLine <= b.EndLine && b.StartLine <= a.EndLine;

    private static Diagnosis FromHit(LogScan scan, SignatureHit hit, JobRef job, IReadOnlyList<string> also, SignatureCatalog? catalog)
    {
        var signature = hit.Signature;
        string message = hit.Message;

        // The same words mean another cause inside a build step: exec format error while building is missing QEMU.
        if (hit.DockerStep is not null && signature.InDockerBuild is { } alternative && catalog?.ById.GetValueOrDefault(alternative) is { } replacement)
        {
            string platform = hit.DockerStep.Platform is { } p ? $" ({p})" : "";
            message = $"build step {hit.DockerStep.Name}{platform}: exec format error";
            signature = replacement;
        }

        if (hit.Occurrences > 1 && hit.Tally is null)
        {
            message += string.Create(CultureInfo.InvariantCulture, $" ({hit.Occurrences} occurrences)");
        }

        if (hit.ComposeService is { } service && !message.Contains(service, StringComparison.Ordinal))
        {
            message = $"{service}: {message}";
        }

        var diagnosis = new Diagnosis
        {
            RuleId = signature.Id,
            Name = signature.Name,
            Title = signature.Title,
            Message = message,
            Category = signature.Category,
            Confidence = signature.Confidence,
            Evidence = new Evidence(scan.Input.Path, hit.StartLine, hit.EndLine, hit.Lines),
            Jobs = [job with { Step = hit.CiStep?.Name ?? job.Step }],
            Cause = signature.Cause,
            Fix = signature.Fix,
            Summary = hit.Tally?.Summary() ?? [],
            AlsoMatched = also,
        };
        return AptAdvice.Applies(signature.Id) ? AptAdvice.FromLog(diagnosis, scan, hit) : diagnosis;
    }

    private static Diagnosis General(LogScan scan, JobRef job, LogStep? failingStep)
    {
        var symptom = scan.Hits.Where(hit => hit.Signature.Symptom).OrderBy(hit => hit.MatchLine).FirstOrDefault();
        var block = ChooseBlock(scan, failingStep);
        if (block is null && symptom is not null)
        {
            var diagnosis = FromHit(scan, symptom, job, [], null);
            return diagnosis with { Confidence = Math.Min(diagnosis.Confidence, 0.4) };
        }

        Evidence evidence;
        string message;
        double confidence;
        if (block is not null)
        {
            evidence = new Evidence(scan.Input.Path, block.StartLine, block.EndLine, block.Lines);
            string headline = block.Lines.FirstOrDefault(line => GeneralExtractor.Weight(line) >= 3) ?? block.Lines[0];
            message = Shorten(headline.Trim());
            confidence = block.StrongLines > 0 ? 0.45 : 0.3;
        }
        else
        {
            var marker = scan.FailureMarkers.Count > 0 ? scan.FailureMarkers[0] : null;
            int line = marker?.Line ?? (int)Math.Max(1, scan.Lines);
            string text = marker?.Text ?? "the log ends without saying why";
            evidence = new Evidence(scan.Input.Path, line, line, [text]);
            message = Shorten(text);
            confidence = 0.2;
        }

        string where = failingStep is null ? "" : $" in step '{failingStep.Name}'";
        return new Diagnosis
        {
            RuleId = GeneralRuleId,
            Name = GeneralName,
            Title = "Failure with no known signature: the lines that best explain it",
            Message = message,
            Category = GuessCategory(evidence.Lines),
            Confidence = confidence,
            Evidence = evidence,
            Jobs = [job],
            Cause = $"No known signature matched{where}. These are the first lines, in the failing step, that carry error markers, stack frames or test failures (chosen by the general extractor).",
            Fix = "Read the quoted lines: they are the earliest explanation in the failing step. If this failure recurs, add a signature for it to log-signatures.json.",
            IsGeneral = true,
            AlsoMatched = symptom is null ? [] : [symptom.Signature.Id],
        };
    }

    private static GeneralBlock? ChooseBlock(LogScan scan, LogStep? failingStep)
    {
        int firstMarker = scan.FailureMarkers.Count > 0 ? scan.FailureMarkers[0].Line : int.MaxValue;
        var dockerStep = scan.FailingDockerStep;
        IEnumerable<GeneralBlock> candidates = scan.Blocks.Where(block => block.StartLine <= firstMarker);
        if (failingStep is not null)
        {
            candidates = candidates.Where(block => failingStep.Contains(block.StartLine));
        }

        if (dockerStep is not null && candidates.Any(block => dockerStep.Contains(block.StartLine)))
        {
            candidates = candidates.Where(block => dockerStep.Contains(block.StartLine));
        }

        var list = candidates.ToList();
        if (list.Count == 0)
        {
            list = [.. scan.Blocks.Where(block => block.StartLine <= firstMarker)];
        }

        if (list.Count == 0)
        {
            return null;
        }

        double best = list.Max(block => block.Score);
        return list.First(block => block.Score >= 0.6 * best);
    }

    private static string GuessCategory(IReadOnlyList<string> lines)
    {
        string text = string.Join('\n', lines);
        if (text.Contains("Traceback", StringComparison.Ordinal) || text.Contains("FAIL", StringComparison.Ordinal) || text.Contains("assert", StringComparison.OrdinalIgnoreCase) || text.Contains("Tests run:", StringComparison.Ordinal))
        {
            return "test";
        }

        if (text.Contains("error:", StringComparison.Ordinal) && lines.Any(line => line.Contains(".c:", StringComparison.Ordinal) || line.Contains(".cpp:", StringComparison.Ordinal) || line.Contains(".rs:", StringComparison.Ordinal) || line.Contains(".go:", StringComparison.Ordinal) || line.Contains(".java:", StringComparison.Ordinal) || line.Contains(".ts", StringComparison.Ordinal)))
        {
            return "compilation";
        }

        if (text.Contains("npm ERR!", StringComparison.Ordinal) || text.Contains("pip", StringComparison.Ordinal) || text.Contains("resolve", StringComparison.OrdinalIgnoreCase) || text.Contains("dependency", StringComparison.OrdinalIgnoreCase))
        {
            return "dependency";
        }

        return "infrastructure";
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 199), "…");
}
