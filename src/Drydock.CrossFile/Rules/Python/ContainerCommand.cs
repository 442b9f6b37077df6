using System.Text.RegularExpressions;
using Drydock.Docker.Knowledge;
using Drydock.Docker.Model;
using Drydock.Docker.Rules;
using Drydock.Python.Model;
using Drydock.Python.Packaging;

namespace Drydock.CrossFile.Rules.Python;

public enum CommandTargetKind
{
    /// <summary><c>python -m pkg.mod</c>.</summary>
    Module,

    /// <summary><c>python path/to/file.py</c>.</summary>
    File,

    /// <summary><c>uvicorn pkg.mod:app</c> and other ASGI/WSGI servers.</summary>
    App,

    /// <summary>A console script from <c>[project.scripts]</c> or Poetry's scripts.</summary>
    Script,
}

/// <summary>
/// What the shipped stage's CMD/ENTRYPOINT (or a compose command/entrypoint override) runs in Python terms, and how the image would find it: the import roots
/// (working directory, PYTHONPATH, server flags) and whether the project itself is pip/poetry-installed.
/// </summary>
public sealed partial class ContainerCommand
{
    private static readonly HashSet<string> InterpreterOptionsWithValue = new(StringComparer.Ordinal) { "-W", "-X", "--check-hash-based-pycs" };
    private static readonly HashSet<string> RootOptions = new(StringComparer.Ordinal) { "--app-dir", "--chdir", "--pythonpath", "--root-path-dir" };

    private ContainerCommand(Stage stage, CommandTargetKind kind, string target, string? attribute, IReadOnlyList<string> arguments, IReadOnlyList<string> roots, PyScript? script, ImageFiles files, bool projectInstalled)
    {
        Stage = stage;
        Kind = kind;
        Target = target;
        Attribute = attribute;
        Arguments = arguments;
        Roots = roots;
        Script = script;
        Files = files;
        ProjectInstalled = projectInstalled;
    }

    public Stage Stage { get; }

    /// <summary>
    /// The CMD or ENTRYPOINT that names the target (findings point here) when the words are the Dockerfile's own;
    /// null for words that come from elsewhere (a compose override).
    /// </summary>
    public CommandInstruction? Instruction { get; private set; }

    public CommandTargetKind Kind { get; }

    /// <summary>The dotted module, the absolute image file path, or the console script's module.</summary>
    public string Target { get; }

    /// <summary>The attribute of <c>module:attr</c> (App and Script targets).</summary>
    public string? Attribute { get; }

    /// <summary>The arguments the program receives after the target (what sys.argv[1:] holds).</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Absolute image folders on sys.path (working directory, PYTHONPATH, --app-dir...).</summary>
    public IReadOnlyList<string> Roots { get; }

    public PyScript? Script { get; }

    public ImageFiles Files { get; }

    /// <summary>True when the image pip/poetry/uv-installs the project, so its packages import from site-packages.</summary>
    public bool ProjectInstalled { get; }

    /// <summary>The command as it runs, for messages: "python -m cc_executor.core.main".</summary>
    public string Text { get; private init; } = "";

    /// <summary>The word of the command that names the target (for a finding's position).</summary>
    public string TargetWord { get; private init; } = "";

    /// <summary>What the Dockerfile's own CMD/ENTRYPOINT of <paramref name="stage"/> runs, in the build context the project builds it with.</summary>
    public static ContainerCommand? Of(CrossFileContext context, DockerfileDocument document, Stage stage)
    {
        var words = FieldCaseFacts.StartWords(stage);
        if (words is null || ((CommandInstruction?)stage.Cmd ?? stage.Entrypoint) is null
            || Of(context, stage, DockerContexts.For(context, document), words) is not { } command)
        {
            return null;
        }

        command.Instruction = Locate(stage, command.Kind == CommandTargetKind.Script ? Path.GetFileName(command.TargetWord) : command.TargetWord);
        return command;
    }

    /// <summary>
    /// What <paramref name="argv"/> runs when the image of <paramref name="stage"/>, built from
    /// <paramref name="buildContext"/>, starts with it (a Dockerfile's CMD or a compose override); null when the
    /// words hold a variable or do not name a Python target.
    /// </summary>
    public static ContainerCommand? Of(CrossFileContext context, Stage stage, BuildContext buildContext, IReadOnlyList<string> argv)
    {
        if (argv.Count == 0 || argv.Any(word => word.Contains('$')))
        {
            return null;
        }

        var files = ImageFiles.Of(context.Project, buildContext, stage);
        string text = string.Join(' ', argv);
        string workdir = stage.FinalWorkdir ?? "/";
        var roots = new List<string>();
        if (stage.Variables["PYTHONPATH"]?.Value is { } pythonPath)
        {
            roots.AddRange(pythonPath.Split(':', StringSplitOptions.RemoveEmptyEntries).Where(entry => !entry.Contains('$')).Select(entry => ImageFiles.Absolute(entry, workdir)));
        }

        bool installed = InstallsProject(stage);
        string program = Path.GetFileName(argv[0]);
        if (Interpreter().IsMatch(program))
        {
            int i = 1;
            while (i < argv.Count && argv[i].StartsWith('-') && argv[i] is not ("-m" or "-c" or "-"))
            {
                i += InterpreterOptionsWithValue.Contains(argv[i]) ? 2 : 1;
            }

            if (i + 1 < argv.Count && argv[i] == "-m")
            {
                return new(stage, CommandTargetKind.Module, argv[i + 1], null, [.. argv.Skip(i + 2)], [workdir, .. roots], null, files, installed) { Text = text, TargetWord = argv[i + 1] };
            }

            if (i < argv.Count && !argv[i].StartsWith('-'))
            {
                string file = ImageFiles.Absolute(argv[i], workdir);
                return new(stage, CommandTargetKind.File, file, null, [.. argv.Skip(i + 1)], [file[..file.LastIndexOf('/')], .. roots], null, files, installed) { Text = text, TargetWord = argv[i] };
            }

            return null;
        }

        if (FieldKnowledge.Default.IsServer(argv, out bool isPython) && isPython)
        {
            for (int i = 1; i < argv.Count; i++)
            {
                string option = argv[i].Split('=')[0];
                if (RootOptions.Contains(option))
                {
                    string? value = argv[i].Contains('=') ? argv[i][(argv[i].IndexOf('=') + 1)..] : i + 1 < argv.Count ? argv[++i] : null;
                    if (value is not null)
                    {
                        roots.Add(ImageFiles.Absolute(value, workdir));
                    }
                }
            }

            var app = argv.Skip(1).Select(word => AppReference().Match(word)).FirstOrDefault(match => match.Success);
            return app is null ? null : new(stage, CommandTargetKind.App, app.Groups["module"].Value, app.Groups["attr"].Value, [], [workdir, .. roots], null, files, installed) { Text = text, TargetWord = app.Value };
        }

        var script = context.Python.PyProjects.SelectMany(pyproject => pyproject.Scripts).FirstOrDefault(item => item.Name == program);
        return script is null ? null : new(stage, CommandTargetKind.Script, script.Module, script.Attribute, [.. argv.Skip(1)], roots, script, files, installed) { Text = text, TargetWord = argv[0] };
    }

    /// <summary>
    /// Resolves a dotted module as the container would: from site-packages when the project is installed, else
    /// from the import roots in the image. Returns the project path of the file, or null when it is not there.
    /// </summary>
    public string? Resolve(PythonProject python, string dotted)
    {
        if (ProjectInstalled && python.ResolveModule(dotted) is { } installed)
        {
            return installed.Path;
        }

        string relative = dotted.Replace('.', '/');
        foreach (string root in Roots)
        {
            string basePath = root.TrimEnd('/') + "/" + relative;
            foreach (string candidate in (string[])[basePath + ".py", basePath + "/__init__.py"])
            {
                if (Files.FileExists(candidate))
                {
                    return Files.ProjectPathOf(candidate);
                }
            }

            if (Files.DirectoryExists(basePath))
            {
                return Files.ProjectPathOf(basePath);
            }
        }

        return null;
    }

    /// <summary>The project module the command runs (for Module, File, App and Script targets), or null.</summary>
    public PythonModule? RunModule(PythonProject python)
    {
        string? path = Kind == CommandTargetKind.File ? Files.ProjectPathOf(Target) : Resolve(python, Target);
        if (path is null)
        {
            return null;
        }

        if (Kind == CommandTargetKind.Module && python.ResolveModule(Target) is { IsPackage: true } package)
        {
            path = python.MainOf(package) ?? path;
        }

        return path.EndsWith(".py", StringComparison.Ordinal) ? python.Module(path) : null;
    }

    /// <summary>True when a RUN of the stage chain, or of a stage it copies from, installs the project itself.</summary>
    private static bool InstallsProject(Stage stage)
    {
        var stages = FieldCaseFacts.Chain(stage).Concat(stage.RequiredStages).Distinct();
        foreach (var link in stages)
        {
            if (link.Installs.Any(install => install.Manager is PackageManager.Pip or PackageManager.Uv && install.LocalTargets.Any(SourcesCopiedBeforeDependenciesRule.IsProjectDirectory)))
            {
                return true;
            }

            if (link.InstructionsOf<RunInstruction>().SelectMany(run => run.CommandLines).Any(line =>
                (line.Program == "poetry" && line.Subcommand?.Value == "install" && !line.HasOption(null, "--no-root"))
                || (line.Program == "uv" && line.Subcommand?.Value == "sync" && !line.HasOption(null, "--no-install-project"))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The CMD or ENTRYPOINT whose text names <paramref name="needle"/> (CMD first).</summary>
    private static CommandInstruction Locate(Stage stage, string needle) =>
        new CommandInstruction?[] { stage.Cmd, stage.Entrypoint }.OfType<CommandInstruction>()
            .FirstOrDefault(instruction => instruction.ArgumentsText.Contains(needle, StringComparison.Ordinal))
        ?? ((CommandInstruction?)stage.Cmd ?? stage.Entrypoint)!;

    [GeneratedRegex(@"^python(\d(\.\d+)?)?$")]
    private static partial Regex Interpreter();

    [GeneratedRegex(@"^(?<module>[A-Za-z_][\w.]*):(?<attr>[A-Za-z_]\w*)(\(.*\))?$")]
    private static partial Regex AppReference();
}
