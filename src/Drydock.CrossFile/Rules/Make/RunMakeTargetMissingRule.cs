using Drydock.CrossFile.Rules.Python;
using Drydock.Docker.Model;
using Drydock.Findings;
using Drydock.Make.Model;

namespace Drydock.CrossFile.Rules.Make;

/// <summary>DF060: <c>RUN make target</c> where the Makefile the build copies into the image has no such target.</summary>
public sealed class RunMakeTargetMissingRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF060",
        "run-make-target-missing",
        Severity.Error,
        "A RUN instruction calls `make <target>` but the Makefile copied into the image has no such target, pattern or file.",
        "The build runs make in the stage's WORKDIR, on the Makefile a COPY brought from the build context. With no rule, no pattern rule and no file of that name make stops with `make: *** No rule to make target 'x'.  Stop.` and the image build fails at that step: usually a target renamed in the Makefile while the Dockerfile still calls the old name.",
        "Call a target the Makefile defines (or add it), and check the RUN's folder (WORKDIR, cd, -C) and its -f option.");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        Lazy<MakefileSet> makefiles = new(() => context.Project.Model(MakefileSet.Build));
        foreach (var document in context.Dockerfiles.Documents.Where(document => document.FinalStage is not null))
        {
            var built = document.FinalStage!.RequiredStages.Append(document.FinalStage);
            BuildContext? buildContext = null;
            foreach (var stage in built)
            {
                ImageFiles? files = null;
                foreach (var run in stage.Instructions.OfType<RunInstruction>().Where(run => run.Commands.Any(command => MakeInvocation.IsMake(command.Effective.Program))))
                {
                    buildContext ??= DockerContexts.For(context, document);
                    files ??= ImageFiles.Of(context.Project, buildContext, stage);
                    if (!files.IsComplete)
                    {
                        break;
                    }

                    string workdir = stage.WorkdirAt(run) ?? "/";
                    if (workdir.Contains('$', StringComparison.Ordinal))
                    {
                        continue;
                    }

                    foreach (var script in run.Scripts)
                    {
                        foreach (var (command, folder) in ShellFolders.TopLevelCommands(script, workdir, (from, to) => ImageFiles.Absolute(to, from))
                            .Where(item => MakeInvocation.IsMake(item.Command.Effective.Program)))
                        {
                            CheckInvocation(context, makefiles.Value, files, document, command, folder);
                        }
                    }
                }
            }
        }
    }

    private static void CheckInvocation(CrossFileContext context, MakefileSet makefiles, ImageFiles files, DockerfileDocument document, SimpleCommand command, string? workdir)
    {
        var invocation = MakeInvocation.Read(command.Effective.Arguments);
        if (workdir is null || invocation.IsUnknown || invocation.Files.Count > 1 || invocation.Goals.Count == 0)
        {
            return;
        }

        string folder = invocation.Directories.Aggregate(workdir, (from, to) => ImageFiles.Absolute(to, from));
        string? imagePath = invocation.Files.Count == 1
            ? ImageFiles.Absolute(invocation.Files[0], folder)
            : new[] { "GNUmakefile", "makefile", "Makefile" }.Select(name => ImageFiles.Absolute(name, folder)).FirstOrDefault(files.FileExists);
        if (imagePath is null || !files.FileExists(imagePath) || files.ProjectPathOf(imagePath) is not { } projectPath
            || makefiles.File(projectPath) is not { Problems.Count: 0, HasHiddenTargets: false } makefile)
        {
            return;
        }

        foreach (var goal in invocation.Goals.Where(goal => !goal.HasExpansion))
        {
            string name = MakefileDocument.TargetName(goal.Value);
            string goalPath = ImageFiles.Absolute(name, folder);
            if (makefile.Targets.ContainsKey(name) || makefile.PatternCouldMake(name) || files.FileExists(goalPath) || files.DirectoryExists(goalPath)
                || (files.ProjectPathOf(goalPath) is { } source && context.Project.Files.Files.Any(file => file.StartsWith(source + ".", StringComparison.Ordinal) && !file.AsSpan(source.Length + 1).Contains('/'))))
            {
                continue;
            }

            var targets = makefile.Targets.Keys.Where(target => !target.StartsWith('.') && !target.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            string known = targets.Count == 0 ? "" : $"; its targets are {string.Join(", ", targets.Take(8))}{(targets.Count > 8 ? ", ..." : "")}";
            context.Sink.Report(Descriptor, document.Source, goal.Span.Start, goal.Span.End,
                $"`make {name}` runs in {folder} on {imagePath} (copied from {projectPath}), which has no target '{name}': the build fails with \"make: *** No rule to make target '{name}'.  Stop.\"{known}");
        }
    }
}
