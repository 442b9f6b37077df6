using Drydock.Docker.Model;

namespace Drydock.CrossFile.Rules.Make;

/// <summary>Which folder each command of a shell script runs in, as far as the script shows it.</summary>
internal static class ShellFolders
{
    /// <summary>
    /// The simple commands of the script's top level with the folder each runs in: a top-level <c>cd dir</c> moves the
    /// rest of the script (<paramref name="join"/> resolves it, null when it cannot); a <c>cd</c> that cannot be followed
    /// (an expansion, <c>pushd</c>/<c>popd</c>, or one inside a subshell, group, <c>if</c> or loop) makes the folder
    /// unknown (null) from there on.
    /// </summary>
    public static IEnumerable<(SimpleCommand Command, string? Folder)> TopLevelCommands(ShellScript script, string? start, Func<string, string, string?> join)
    {
        var pipelines = script.Items.SelectMany(item => item.Pipelines).ToList();
        var topLevel = pipelines.SelectMany(pipeline => pipeline.Commands.OfType<SimpleCommand>()).ToHashSet();
        int hiddenMove = script.AllCommands().Where(command => !topLevel.Contains(command) && MovesFolder(command.Effective.Program))
            .Select(command => command.Span.Start).DefaultIfEmpty(int.MaxValue).Min();
        string? folder = start;
        foreach (var pipeline in pipelines)
        {
            foreach (var command in pipeline.Commands.OfType<SimpleCommand>())
            {
                var line = command.Effective;
                if (command.Span.Start > hiddenMove)
                {
                    folder = null;
                }

                if (MovesFolder(line.Program))
                {
                    if (!pipeline.HasPipe)
                    {
                        folder = line.Program == "cd" && line.Arguments is [{ Literal: { } target }] && folder is not null && !target.StartsWith('-') && !target.StartsWith('~')
                            ? join(folder, target)
                            : null;
                    }

                    continue;
                }

                yield return (command, folder);
            }
        }
    }

    private static bool MovesFolder(string? program) => program is "cd" or "pushd" or "popd";
}
