using System.CommandLine;
using Drydock.Analysis;
using Drydock.Configuration;
using Drydock.Fixing;
using Drydock.Reports.Fixes;

namespace Drydock.Cli.Commands;

/// <summary>
/// `drydock fix [DIR]`: apply the safe fixes. Shows the diff first; writes only with --yes, or on a
/// terminal without --dry-run. Exit 0 when nothing is left at the threshold, 1 otherwise, 2 on errors.
/// </summary>
internal static class FixCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "The repository to fix (default: the current folder).", DefaultValueFactory = _ => "." };
        var rules = new Option<string[]>("--rule", "-r") { Description = "Only fix these rules (ids or names; repeatable).", AllowMultipleArgumentsPerToken = true };
        var dryRun = new Option<bool>("--dry-run", "-n") { Description = "Print the diff and change nothing." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Apply without asking, even when standard output is not a terminal." };
        var unsafeFixes = new Option<bool>("--unsafe") { Description = "Also apply fixes that change behaviour (adding a USER, reordering COPY for caching)." };
        var command = new Command("fix", "Apply the safe fixes: shows a unified diff first, writes atomically, and re-checks every edit before keeping it.")
        {
            directory, rules, dryRun, yes, unsafeFixes,
        };
        command.SetAction(parse => Run(parse.GetValue(directory)!, parse.GetValue(rules) ?? [], parse.GetValue(dryRun), parse.GetValue(yes), parse.GetValue(unsafeFixes)));
        return command;
    }

    private static int Run(string directory, string[] rules, bool dryRun, bool yes, bool includeUnsafe)
    {
        if (!Directory.Exists(directory))
        {
            Console.Error.WriteLine($"drydock: {directory}: no such directory");
            return ExitCodes.UsageOrInput;
        }

        Project project;
        try
        {
            project = Project.Open(directory);
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine($"drydock: {e.Message}");
            return ExitCodes.UsageOrInput;
        }

        var engine = new CheckEngine(AnalyzerCatalog.All);
        var onlyRules = rules.Length == 0 ? null : rules.SelectMany(rule => rule.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var outcome = new FixSession(engine).Run(project, includeUnsafe, onlyRules);

        // Without --yes, only a person at a terminal gets changes written; a pipe or CI gets the preview.
        bool apply = !dryRun && (yes || !Console.IsOutputRedirected);
        var stdout = Console.Out;
        foreach (var change in outcome.Changes)
        {
            stdout.Write(UnifiedDiff.Render(change.Original.Path, change.Original.Text, change.NewText));
        }

        var errors = new List<string>();
        if (apply)
        {
            foreach (var change in outcome.Changes)
            {
                try
                {
                    AtomicFileWriter.Write(project.Root, change);
                }
                catch (FixWriteException e)
                {
                    errors.Add(e.Message);
                }
            }
        }

        FixSummaryWriter.Write(stdout, outcome, apply, errors);
        if (errors.Count > 0)
        {
            return ExitCodes.UsageOrInput;
        }

        return outcome.Remaining.Any(finding => finding.Severity >= project.Config.FailOn) ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
