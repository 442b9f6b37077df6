using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;
using Drydock.Image.Matching;

namespace Drydock.Image.Rules;

/// <summary>IM047: the image's Entrypoint/Cmd differ from the Dockerfile's resolved ENTRYPOINT/CMD.</summary>
public sealed class RepositoryCommandMismatchRule : IImageRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM047",
        "image-command-differs-from-dockerfile",
        Severity.Warning,
        "The image's Entrypoint/Cmd are not the Dockerfile's ENTRYPOINT/CMD.",
        "The container runs what the image says, not what the Dockerfile says. When they differ, a fix made in the Dockerfile (the right module in `python -m ...`, a `--server` flag) has not reached the image that is deployed: it is stale, was built from another stage, or was changed after the build.",
        "Rebuild and push the image from this Dockerfile and stage (and make sure compose or the deployment pulls the new tag); if the difference is intended, set it in the Dockerfile so reviewers see what runs.");

    RuleDescriptor IImageRule.Descriptor => Descriptor;

    public void Check(ImageContext context, FindingSink sink)
    {
        if (context.Repository is not { HasStage: true, CommandInstruction: { } instruction } match || match.IsSuppressed(Descriptor, instruction))
        {
            return;
        }

        var stage = match.Stage!;
        bool entrypointShell = stage.Entrypoint is { Command.IsExecForm: false };
        bool cmdShell = stage.Cmd is { Command.IsExecForm: false };
        string expected = $"ENTRYPOINT {Show(match.ExpectedEntrypoint)}, CMD {Show(match.ExpectedCmd)}";
        foreach (var group in RepositoryFindings.GroupBy(context.Image, config => RepositoryFindings.Argv(config.Entrypoint) + "\n" + RepositoryFindings.Argv(config.Cmd)))
        {
            var config = group.First().Config!;
            bool entrypointDiffers = match.ExpectedEntrypoint is { } entrypoint && !RepositoryExpectations.SameArgv(entrypoint, config.Entrypoint, entrypointShell);
            bool cmdDiffers = match.ExpectedCmd is { } cmd && !RepositoryExpectations.SameArgv(cmd, config.Cmd, cmdShell);
            if (!entrypointDiffers && !cmdDiffers)
            {
                continue;
            }

            string what = entrypointDiffers && cmdDiffers ? "Entrypoint and Cmd" : entrypointDiffers ? "Entrypoint" : "Cmd";
            string actual = $"Entrypoint {RepositoryFindings.Argv(config.Entrypoint)}, Cmd {RepositoryFindings.Argv(config.Cmd)}";
            sink.Report(
                Descriptor,
                match.LocationOf(instruction),
                $"the image {context.Image.Reference} ({RepositoryFindings.Labels(group)}) has another {what} than {match.DescribeStage()}: the Dockerfile runs {expected}; the image runs {actual}",
                $"{RepositoryMatch.LinesOf(instruction)}\nDockerfile: {expected}\nimage:      {actual}",
                related: [RepositoryFindings.ImageSide(context.Image, group, actual)]);
        }
    }

    private static string Show(IReadOnlyList<string>? argv) => argv is null ? "(from the base image)" : RepositoryFindings.Argv(argv);
}
