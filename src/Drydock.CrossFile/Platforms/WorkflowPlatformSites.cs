using Drydock.CrossFile.Rules.Workflows;
using Drydock.Docker.Model;
using Drydock.Findings;
using Drydock.Workflows.Model;
using TextSpan = Drydock.Workflows.Model.TextSpan;

namespace Drydock.CrossFile.Platforms;

/// <summary>
/// The platforms the workflows build each Dockerfile for: docker/build-push-action's <c>platforms</c> input with its
/// <c>file</c>/<c>context</c>, and <c>docker build</c> / <c>docker buildx build --platform</c> in <c>run:</c> steps.
/// A build that names no platform builds for its runner and is not a site.
/// </summary>
internal static class WorkflowPlatformSites
{
    public static IEnumerable<PlatformSite> Of(WorkflowSet workflows)
    {
        foreach (var file in workflows.Workflows)
        {
            foreach (var job in file.Jobs)
            {
                foreach (var step in job.Steps)
                {
                    if (step.UsesAction("docker/build-push-action"))
                    {
                        if (BuildPushSite(file, job, step) is { } site)
                        {
                            yield return site;
                        }
                    }
                    else if (RunScript.Of(file, step) is { } script)
                    {
                        foreach (var site in CommandSites(script, job))
                        {
                            yield return site;
                        }
                    }
                }
            }
        }
    }

    private static PlatformSite? BuildPushSite(WorkflowFile file, Job job, Step step)
    {
        var input = step.Input("platforms");
        var build = ImageBuild.Of(file, job, step);
        var contextInput = step.Input("context");
        if (input is null || BuildPushInputs.DockerfilePath(build) is not { } dockerfile || (contextInput is not null && !BuildPushInputs.IsLocalPath(contextInput)))
        {
            return null;
        }

        var (values, complete) = WorkflowValues.Expand(file, job, step, input.Value);
        var platforms = values.SelectMany(PlatformNames.SplitList).Distinct(StringComparer.Ordinal).ToList();
        return platforms.Count == 0 && complete
            ? null
            : new PlatformSite(dockerfile, PlatformSiteKind.BuildPushAction, Location(file, input.Span), $"'platforms' of {WorkflowJobs.Label(step)}", platforms, complete);
    }

    private static IEnumerable<PlatformSite> CommandSites(RunScript script, Job job)
    {
        bool changedDirectory = false;
        foreach (var line in script.Commands)
        {
            // After a cd the paths of a later build are relative to a folder this reading does not follow.
            changedDirectory |= line.Program is "cd" or "pushd";
            if (DockerBuildCommand.Of(line) is not { Platforms.Count: > 0 } command || changedDirectory || Dockerfile(script, command) is not { } dockerfile)
            {
                continue;
            }

            var platforms = new List<string>();
            bool complete = true;
            foreach (var (word, start) in command.Platforms)
            {
                var (values, known) = WorkflowValues.Expand(script.File, job, script.Step, ValueOf(script, word, start));
                complete &= known && !values.Any(value => value.Contains('$', StringComparison.Ordinal));
                platforms.AddRange(values.SelectMany(PlatformNames.SplitList).Where(value => !value.Contains('$', StringComparison.Ordinal)));
            }

            var first = command.Platforms[0].Word;
            yield return new PlatformSite(dockerfile, PlatformSiteKind.WorkflowCommand, Location(script.File, script.SpanOf(first)),
                $"'docker {string.Join(' ', command.Words)} --platform' in {WorkflowJobs.Label(script.Step)}",
                [.. platforms.Distinct(StringComparer.Ordinal)], complete);
        }
    }

    /// <summary>The Dockerfile the command builds, from the step's working-directory; null when unknown.</summary>
    private static string? Dockerfile(RunScript script, DockerBuildCommand command)
    {
        string? directory = script.Step.WorkingDirectory is { } workingDirectory ? (workingDirectory.HasExpression ? null : workingDirectory.Value) : "";
        return directory is null ? null : command.DockerfilePath(directory);
    }

    /// <summary>The option's value as written in the workflow, <c>${{ }}</c> kept (the script saw them as shell variables), quotes removed.</summary>
    private static string ValueOf(RunScript script, ShellWord word, int start)
    {
        if (!word.HasExpansion)
        {
            return word.Value[start..];
        }

        string raw = script.Step.Run!.Value[word.Span.Start..word.Span.End].Replace("\"", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
        int equals = raw.IndexOf('=', StringComparison.Ordinal);
        return start > 0 && equals >= 0 ? raw[(equals + 1)..] : raw;
    }

    private static SourceLocation Location(WorkflowFile file, TextSpan span)
    {
        var (line, column) = file.Text.Position(span.Start);
        var (endLine, endColumn) = file.Text.Position(span.End);
        return new SourceLocation(file.Path, line, column, endLine, endColumn);
    }
}
