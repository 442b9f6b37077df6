using System.CommandLine;
using Drydock.Analysis;
using Drydock.Configuration;
using Drydock.Init;
using Drydock.Reports.Fixes;

namespace Drydock.Cli.Commands;

/// <summary>
/// `drydock init [DIR]`: write a hardened container setup for a Python service. Prints the plan (what was
/// detected, which files, and why) before writing; never overwrites a file without --force.
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "The Python project to set up (default: the current folder).", DefaultValueFactory = _ => "." };
        var force = new Option<bool>("--force") { Description = "Overwrite files that already exist (their diff is shown first)." };
        var dryRun = new Option<bool>("--dry-run", "-n") { Description = "Show the plan and the files' contents; write nothing." };
        var command = new Command("init", "Write a Dockerfile, .dockerignore, Makefile, compose.yaml, a GHCR workflow and docs/docker.md for a Python service.")
        {
            directory, force, dryRun,
        };
        command.SetAction(parse => Run(parse.GetValue(directory)!, parse.GetValue(force), parse.GetValue(dryRun)));
        return command;
    }

    private static int Run(string directory, bool force, bool dryRun)
    {
        if (!Directory.Exists(directory))
        {
            Console.Error.WriteLine($"drydock: {directory}: no such directory");
            return ExitCodes.UsageOrInput;
        }

        InitPlan plan;
        try
        {
            plan = InitPlanner.Plan(Project.Open(directory), force);
        }
        catch (Exception e) when (e is InitException or ConfigException)
        {
            Console.Error.WriteLine($"drydock: {e.Message}");
            return ExitCodes.UsageOrInput;
        }

        var output = Console.Out;
        var profile = plan.Profile;
        output.WriteLine($"Project {profile.Name}: {profile.Manager.ToString().ToLowerInvariant()}, requires-python {profile.RequiresPython} -> python:{profile.Image.Tag}");
        output.WriteLine($"  runs: {string.Join(' ', profile.Command)}  ({profile.CommandReason})");
        output.WriteLine($"  kind: {profile.Kind.ToString().ToLowerInvariant()}{(profile.Port > 0 ? $" on port {profile.Port}" : "")}{(profile.UsesRedis ? ", with Redis" : "")}{(profile.UsesPostgres ? ", with Postgres" : "")}");
        foreach (string warning in profile.Warnings)
        {
            output.WriteLine($"  warning: {warning}");
        }

        output.WriteLine();
        foreach (var file in plan.Files)
        {
            string action = file.Action switch
            {
                PlannedAction.Create => "create   ",
                PlannedAction.Overwrite => "overwrite",
                _ => "keep     ",
            };
            string note = file.Action == PlannedAction.KeepExisting ? "  (exists; --force to replace)" : "";
            output.WriteLine($"  {action} {file.Path}{note}");
        }

        if (dryRun || force)
        {
            foreach (var file in plan.Files.Where(file => file.Action != PlannedAction.KeepExisting))
            {
                output.WriteLine();
                output.Write(UnifiedDiff.Render(file.Path, file.ExistingContent ?? "", file.Content));
            }
        }

        if (dryRun)
        {
            output.WriteLine("\nNothing was written (--dry-run).");
            return ExitCodes.Clean;
        }

        try
        {
            var written = InitWriter.Write(directory, plan);
            output.WriteLine($"\nWrote {written.Count} file(s). Next: `drydock check {directory}`, then `make test-image`.");
        }
        catch (InitException e)
        {
            Console.Error.WriteLine($"drydock: {e.Message}");
            return ExitCodes.UsageOrInput;
        }

        return ExitCodes.Clean;
    }
}
