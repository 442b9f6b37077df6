using Drydock.CrossFile.Rules.Workflows;
using Drydock.Docker.Model;
using Drydock.Findings;
using Drydock.Make;
using Drydock.Make.Model;
using Drydock.Workflows.Model;

namespace Drydock.CrossFile.Rules.Make;

/// <summary>GA047: a workflow step runs <c>make target</c> where the Makefile has no such target.</summary>
public sealed class MakeTargetMissingRule : IWorkflowCrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA047",
        "make-target-missing",
        Severity.Error,
        "A workflow step runs `make <target>` but the Makefile it reads has no such target, pattern or file.",
        "make looks the goal up in the Makefile of the folder it runs in (or the -C / -f one). With no rule, no pattern rule and no file of that name it stops with `make: *** No rule to make target 'lint'.  Stop.` and the job fails: usually a target renamed or removed in the Makefile while CI still calls the old name.",
        "Call a target the Makefile defines (or add the target), and check the step's working-directory and -C/-f options.");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        var makefiles = context.Project.Model(MakefileSet.Build);
        foreach (var file in context.Workflows.Workflows)
        {
            foreach (var job in file.Jobs)
            {
                foreach (var step in job.Steps.Where(step => step.Run?.Value.Contains("make", StringComparison.Ordinal) == true))
                {
                    if (!WorkflowJobs.ChecksOutRepository(job, step) || WorkflowJobs.WorkingDirectory(file, job, step) is not { } directory
                        || RunScript.Of(file, step) is not { } script)
                    {
                        continue;
                    }

                    foreach (var (command, folder) in ShellFolders.TopLevelCommands(script.Script, directory, MakeContext.RepositoryPath).Where(item => MakeInvocation.IsMake(item.Command.Effective.Program)))
                    {
                        CheckInvocation(context, makefiles, script, job, command, folder);
                    }
                }
            }
        }
    }

    private static void CheckInvocation(CrossFileContext context, MakefileSet makefiles, RunScript script, Job job, SimpleCommand command, string? directory)
    {
        var invocation = MakeInvocation.Read(command.Effective.Arguments);
        if (directory is null || invocation.IsUnknown || invocation.Files.Count > 1 || invocation.Goals.Count == 0)
        {
            return;
        }

        string? folder = directory;
        foreach (string change in invocation.Directories)
        {
            folder = folder is null ? null : MakeContext.RepositoryPath(folder, change);
        }

        string? path = folder is null ? null : invocation.Files.Count == 1 ? MakeContext.RepositoryPath(folder, invocation.Files[0]) : makefiles.DefaultMakefilePath(folder);
        if (folder is null || path is null || makefiles.File(path) is not { } makefile || makefile.Problems.Count > 0 || makefile.HasHiddenTargets)
        {
            return;
        }

        foreach (var goal in invocation.Goals.Where(goal => !goal.HasExpansion))
        {
            string name = MakefileDocument.TargetName(goal.Value);
            if (makefile.Targets.ContainsKey(name) || makefile.PatternCouldMake(name) || Exists(context, folder, name) || BuiltInSourceExists(context, folder, name))
            {
                continue;
            }

            string where = folder.Length == 0 ? "the repository root" : folder + "/";
            context.Sink.Report(Descriptor, script.File, script.SpanOf(goal),
                $"{WorkflowJobs.Label(script.Step)} of job '{job.Id.Value}' runs `make {name}` in {where}, but {path} has no target '{name}': the job fails with \"make: *** No rule to make target '{name}'.  Stop.\""
                + Hint(name, makefile));
        }
    }

    /// <summary>"; did you mean 'x'?" for a near miss, else the targets the Makefile does have.</summary>
    private static string Hint(string name, MakefileDocument makefile)
    {
        var targets = makefile.Targets.Keys.Where(target => !target.StartsWith('.') && !target.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        string suggestion = WorkflowReporting.Suggest(name, targets);
        return suggestion.Length > 0 || targets.Count == 0 ? suggestion : $"; its targets are {string.Join(", ", targets.Take(8))}{(targets.Count > 8 ? ", ..." : "")}";
    }

    private static bool Exists(CrossFileContext context, string folder, string name) =>
        MakeContext.RepositoryPath(folder, name) is not { } path || context.Project.Files.FileExists(path) || context.Project.Files.DirectoryExists(path);

    /// <summary>make's built-in rules build <c>app</c> from <c>app.c</c>, <c>app.sh</c> and the like: a same-stem file may be the source.</summary>
    private static bool BuiltInSourceExists(CrossFileContext context, string folder, string name)
    {
        string prefix = (MakeContext.RepositoryPath(folder, name) ?? name) + ".";
        return context.Project.Files.FilesUnder(folder).Any(file => file.StartsWith(prefix, StringComparison.Ordinal) && !file.AsSpan(prefix.Length).Contains('/'));
    }
}
