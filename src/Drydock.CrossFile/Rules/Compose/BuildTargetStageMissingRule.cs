using Drydock.Findings;

namespace Drydock.CrossFile.Rules.Compose;

/// <summary>DC043: build.target names no stage of the Dockerfile.</summary>
public sealed class BuildTargetStageMissingRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC043",
        "build-target-stage-missing",
        Severity.Error,
        "build.target names a stage that the service's Dockerfile does not define.",
        "The build stops before any step runs: 'failed to solve: target stage \"prod\" could not be found', so `docker compose up --build` fails for the whole stack.",
        "Name one of the Dockerfile's stages (FROM ... AS <name>), or remove target to build the final stage.")
    {
        Fixable = true,
    };

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        foreach (var image in ServiceImage.All(context))
        {
            if (image.Document is not { } document || image.Service.Build?.Target is not { IsInterpolated: false, Value: { Length: > 0 } target } node || image.Stage is not null)
            {
                continue;
            }

            var names = document.Stages.Select(stage => stage.Name).OfType<string>().ToList();
            string known = names.Count == 0 ? "it names no stage (no FROM ... AS <name>)" : "its stages are " + string.Join(", ", names);
            string? closest = names.Where(name => Distance(name.ToLowerInvariant(), target.ToLowerInvariant()) <= Math.Max(1, target.Length / 4)).MinBy(name => Distance(name.ToLowerInvariant(), target.ToLowerInvariant()));
            var fix = closest is null ? null : Drydock.Compose.ComposeEdits.ReplaceScalar($"build stage '{closest}'", node, closest, isSafe: false);
            ComposeFindings.Report(context, Descriptor, node,
                $"service '{image.Service.Name}' builds target '{target}', but {document.Path} has no such stage ({known}): the build fails with 'target stage \"{target}\" could not be found'",
                fix: fix,
                related: document.FinalStage is { } final ? [ComposeFindings.At(final.From, $"final stage of {document.Path}")] : [],
                fixAdvice: closest is null ? null : $"Did you mean '{closest}'? Set target: {closest}.");
        }
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
