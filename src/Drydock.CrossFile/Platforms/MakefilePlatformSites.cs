using Drydock.CrossFile.Rules.Make;
using Drydock.Docker.Model;
using Drydock.Docker.Parsing;
using Drydock.Findings;
using Drydock.Make;
using Drydock.Make.Model;

namespace Drydock.CrossFile.Platforms;

/// <summary>
/// The platforms Makefile recipes build each Dockerfile for: <c>docker build</c> / <c>docker buildx build --platform</c>
/// in a recipe line. The line is read as make hands it to the shell (literal variables substituted, any other
/// reference left unknown), then by the Dockerfile part's shell parser, the way workflow <c>run:</c> steps are. The
/// Dockerfile is resolved from the Makefile's folder, through a <c>cd</c> earlier in the same line.
/// </summary>
internal static class MakefilePlatformSites
{
    /// <summary>What a reference make's expander cannot resolve becomes for the shell parser: a variable, so the word is unknown.</summary>
    private const string Unresolved = "${MAKE_REFERENCE}";

    public static IEnumerable<PlatformSite> Of(MakefileSet makefiles)
    {
        // make stops on a syntax error before running any recipe (MK000 says so).
        foreach (var makefile in makefiles.Files.Where(makefile => makefile.Problems.Count == 0))
        {
            bool oneShell = makefile.IsOneShell;
            foreach (var rule in makefile.Rules)
            {
                // Each recipe line runs in a shell of its own, in the Makefile's folder; with .ONESHELL a cd carries on.
                bool movedEarlier = false;
                foreach (var line in rule.Recipe)
                {
                    string text = makefile.ShellTextOf(line, _ => Unresolved).Text;
                    if (!text.Contains("docker", StringComparison.Ordinal) && !(oneShell && MayMoveFolder(text)))
                    {
                        continue; // no build here, and no cd that matters to the next line
                    }

                    var script = ShellParser.Parse(SourceMap.Contiguous(text, 0, text.Length));
                    string? start = oneShell && movedEarlier ? null : makefile.Folder;
                    foreach (var (command, folder) in Commands(script, start))
                    {
                        if (folder is not null && DockerBuildCommand.Of(command.Effective) is { Platforms.Count: > 0 } build
                            && build.DockerfilePath(folder) is { } dockerfile && !dockerfile.Contains('$', StringComparison.Ordinal))
                        {
                            yield return Site(makefile, rule, line, build, dockerfile);
                        }
                    }

                    movedEarlier |= script.AllCommands().Any(command => MovesFolder(command.Effective.Program));
                }
            }
        }
    }

    /// <summary>
    /// Every command of the script with the folder it runs in: top-level ones followed through <c>cd</c>
    /// (<see cref="ShellFolders"/>), nested ones (in an <c>if</c>, a subshell) in the start folder until some command moves.
    /// </summary>
    private static IEnumerable<(SimpleCommand Command, string? Folder)> Commands(ShellScript script, string? start)
    {
        var topLevel = ShellFolders.TopLevelCommands(script, start, MakeContext.RepositoryPath).ToDictionary(item => item.Command, item => item.Folder);
        bool moved = false;
        foreach (var command in script.AllCommands())
        {
            yield return (command, topLevel.TryGetValue(command, out string? folder) ? folder : moved ? null : start);
            moved |= MovesFolder(command.Effective.Program);
        }
    }

    private static PlatformSite Site(MakefileDocument makefile, MakeRule rule, RecipeLine line, DockerBuildCommand build, string dockerfile)
    {
        var platforms = new List<string>();
        bool known = true;
        foreach (var (word, start) in build.Platforms)
        {
            string value = word.Value[start..];
            known &= !value.Contains('$', StringComparison.Ordinal);
            platforms.AddRange(PlatformNames.SplitList(value).Where(platform => !platform.Contains('$', StringComparison.Ordinal)));
        }

        var (startLine, startColumn) = makefile.Text.Position(line.Span.Start);
        var (endLine, endColumn) = makefile.Text.Position(line.Span.End);
        string target = rule.Targets.Count > 0 ? rule.Targets[0].Text : "?";
        return new PlatformSite(dockerfile, PlatformSiteKind.MakefileRecipe, new SourceLocation(makefile.Path, startLine, startColumn, endLine, endColumn),
            $"'docker {string.Join(' ', build.Words)} --platform' in the recipe of Makefile target '{target}'", [.. platforms.Distinct(StringComparer.Ordinal)], known);
    }

    private static bool MovesFolder(string? program) => program is "cd" or "pushd" or "popd";

    private static bool MayMoveFolder(string text) =>
        text.Contains("cd", StringComparison.Ordinal) || text.Contains("pushd", StringComparison.Ordinal) || text.Contains("popd", StringComparison.Ordinal);
}
