using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;

namespace Drydock.Image.Rules;

/// <summary>IM049: which Dockerfile and stage the image was compared with, and what could not be compared.</summary>
public sealed class RepositoryMatchSummaryRule : IImageRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM049",
        "repository-comparison-scope",
        Severity.Info,
        "Which Dockerfile and stage the image was compared with, and what could not be compared.",
        "A comparison that found nothing is only as good as what it compared: an image matched to the wrong Dockerfile, or not matched at all, would look clean. This finding says what the image was matched to, how, and what was left out.",
        "When no Dockerfile was matched, name it: `drydock image REF --repo DIR --dockerfile PATH --target STAGE`; label images with org.opencontainers.image.source, .revision and .title so they can be matched.");

    RuleDescriptor IImageRule.Descriptor => Descriptor;

    public void Check(ImageContext context, FindingSink sink)
    {
        if (context.Repository is not { } match)
        {
            return;
        }

        string message = match.Refusal is { } refusal ? $"not compared with {match.Options.Directory}: {refusal}"
            : match.Stage is null ? $"not compared with a Dockerfile: {match.How}"
            : $"compared with {match.DescribeStage()}, chosen because {match.How}";
        var evidence = new List<string>
        {
            $"image names looked for: {(match.ImageNames.Count > 0 ? string.Join(", ", match.ImageNames) : "none (a layout or archive without a name)")}",
        };
        if (match.LabelEvidence.Count > 0)
        {
            evidence.Add("labels: " + string.Join(", ", match.LabelEvidence));
        }

        if (match.Services.Count > 0)
        {
            evidence.Add("compose services for this image: " + string.Join(", ", match.Services.Select(s => $"{s.Service.Name} ({match.DisplayPath(s.Service.Layers[0].File.Path)})").Distinct(StringComparer.Ordinal)));
        }

        if (match.Candidates.Count > 1 || (match.Stage is null && match.Candidates.Count > 0))
        {
            const int Shown = 10;
            evidence.Add("candidates considered: " + string.Join("; ", match.Candidates.Take(Shown))
                + (match.Candidates.Count > Shown ? $"; and {match.Candidates.Count - Shown} more" : ""));
        }

        evidence.Add("compared: " + (match.Compared.Count > 0 ? string.Join(", ", match.Compared) : "nothing"));
        evidence.AddRange(match.NotCompared.Select(item => "not compared: " + item));
        evidence.AddRange(match.Remarks.Select(item => "note: " + item));
        string? fixAdvice = match.HasStage
            ? "Nothing to fix here: this says what was compared. To compare another Dockerfile or stage, pass --dockerfile PATH and --target STAGE."
            : null;
        sink.Report(Descriptor, context.Location(), message, string.Join('\n', evidence), fixAdvice);
    }
}
