using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF030: RUN chown -R of files an earlier COPY/ADD put there: every file is stored twice.</summary>
public sealed class ChownAfterCopyRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF030",
        "chown-after-copy",
        Severity.Info,
        "RUN chown -R rewrites files an earlier COPY added.",
        "Changing ownership in a later layer copies every file into that layer again: the image carries the files twice and grows by their size.",
        "Set the owner when copying: COPY --chown=app:app . /app (and WORKDIR folders can be created by a RUN mkdir + chown before the COPY).")
    {
        Fixable = false,
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitRun(DockerfileContext context, RunInstruction run)
    {
        if (run.Stage is not { } stage)
        {
            return;
        }

        foreach (var line in run.CommandLines.Where(line => line.Program == "chown" && line.HasOption('R', "--recursive")))
        {
            foreach (var target in line.Arguments.Where(word => !word.IsFlag && word.Literal is { } path && path.StartsWith('/')))
            {
                string path = target.Value.TrimEnd('/');
                var copy = stage.Instructions.TakeWhile(instruction => instruction != run).OfType<FileTransferInstruction>()
                    .LastOrDefault(candidate => candidate.Chown is null && Destination(stage, candidate) is { } destination && (destination == path || destination.StartsWith(path + "/", StringComparison.Ordinal)));
                if (copy is not null)
                {
                    context.Report(Descriptor, line.Command.Span, $"chown -R {path} rewrites what {copy.Keyword} at line {copy.Line} added, storing those files twice; use {copy.Keyword} --chown=... there instead");
                    break;
                }
            }
        }
    }

    private static string? Destination(Stage stage, FileTransferInstruction copy)
    {
        if (copy.Destination is not { } word)
        {
            return null;
        }

        var expansion = stage.Expand(word, copy);
        if (!expansion.IsKnown)
        {
            return null;
        }

        string value = expansion.Text.TrimEnd('/');
        if (value.StartsWith('/'))
        {
            return value;
        }

        string workdir = stage.WorkdirAt(copy) ?? "/";
        return value is "" or "." ? workdir.TrimEnd('/') : workdir.TrimEnd('/') + "/" + value;
    }
}
