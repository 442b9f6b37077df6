using System.Text.RegularExpressions;
using Drydock.CrossFile.Rules.Python;
using Drydock.Docker.Knowledge;
using Drydock.Docker.Model;
using Drydock.Docker.Rules;
using Drydock.Python.Model;
using Drydock.Python.Packaging;

namespace Drydock.CrossFile.Rules.Compose;

/// <summary>
/// What a compose <c>command:</c>/<c>entrypoint:</c> override runs in Python terms, resolved against the files the
/// image copies from the compose build context. It mirrors <see cref="ContainerCommand"/> (which reads the
/// Dockerfile's own CMD and a guessed context, and has no public way to take other words): the same target kinds,
/// the same <see cref="ImageFiles"/> mapping and the same Python model calls.
/// </summary>
public sealed partial class ComposePythonTarget
{
    private ComposePythonTarget(ServiceStart start, CommandTargetKind kind, string target, string? attribute, IReadOnlyList<string> arguments, IReadOnlyList<string> roots, PyScript? script, ImageFiles files, bool projectInstalled)
    {
        Start = start;
        Kind = kind;
        Target = target;
        Attribute = attribute;
        Arguments = arguments;
        Roots = roots;
        Script = script;
        Files = files;
        ProjectInstalled = projectInstalled;
    }

    public ServiceStart Start { get; }

    public CommandTargetKind Kind { get; }

    /// <summary>The dotted module, the absolute image file path, or the console script's module.</summary>
    public string Target { get; }

    public string? Attribute { get; }

    /// <summary>What sys.argv[1:] holds.</summary>
    public IReadOnlyList<string> Arguments { get; }

    public IReadOnlyList<string> Roots { get; }

    public PyScript? Script { get; }

    public ImageFiles Files { get; }

    public bool ProjectInstalled { get; }

    /// <summary>The word of the override that names the target (for the finding's position).</summary>
    public string TargetWord { get; private init; } = "";

    public static ComposePythonTarget? Of(CrossFileContext context, ServiceStart start)
    {
        var stage = start.Image.Stage!;
        var words = start.Words;
        var files = ImageFiles.Of(context.Project, start.Image.Context!, stage);
        string workdir = stage.FinalWorkdir ?? "/";
        var roots = new List<string>();
        if (stage.Variables["PYTHONPATH"]?.Value is { } pythonPath)
        {
            roots.AddRange(pythonPath.Split(':', StringSplitOptions.RemoveEmptyEntries).Where(entry => !entry.Contains('$')).Select(entry => ImageFiles.Absolute(entry, workdir)));
        }

        bool installed = InstallsProject(stage);
        string program = Path.GetFileName(words[0]);
        if (Interpreter().IsMatch(program))
        {
            int i = 1;
            while (i < words.Count && words[i].StartsWith('-') && words[i] is not ("-m" or "-c" or "-"))
            {
                i += words[i] is "-W" or "-X" ? 2 : 1;
            }

            if (i + 1 < words.Count && words[i] == "-m")
            {
                return new(start, CommandTargetKind.Module, words[i + 1], null, [.. words.Skip(i + 2)], [workdir, .. roots], null, files, installed) { TargetWord = words[i + 1] };
            }

            if (i < words.Count && !words[i].StartsWith('-'))
            {
                string file = ImageFiles.Absolute(words[i], workdir);
                return new(start, CommandTargetKind.File, file, null, [.. words.Skip(i + 1)], [file[..file.LastIndexOf('/')], .. roots], null, files, installed) { TargetWord = words[i] };
            }

            return null;
        }

        if (FieldKnowledge.Default.IsServer(words, out bool isPython) && isPython)
        {
            for (int i = 1; i < words.Count; i++)
            {
                string option = words[i].Split('=')[0];
                if (option is "--app-dir" or "--chdir" or "--pythonpath")
                {
                    string? value = words[i].Contains('=') ? words[i][(words[i].IndexOf('=') + 1)..] : i + 1 < words.Count ? words[++i] : null;
                    if (value is not null)
                    {
                        roots.Add(ImageFiles.Absolute(value, workdir));
                    }
                }
            }

            var app = words.Skip(1).Select(word => AppReference().Match(word)).FirstOrDefault(match => match.Success);
            return app is null ? null : new(start, CommandTargetKind.App, app.Groups["module"].Value, app.Groups["attr"].Value, [], [workdir, .. roots], null, files, installed) { TargetWord = app.Value };
        }

        var script = context.Python.PyProjects.SelectMany(pyproject => pyproject.Scripts).FirstOrDefault(item => item.Name == program);
        return script is null ? null : new(start, CommandTargetKind.Script, script.Module, script.Attribute, [.. words.Skip(1)], roots, script, files, installed) { TargetWord = words[0] };
    }

    /// <summary>The project path of a dotted module as the container imports it (site-packages first when the project is installed), or null.</summary>
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

    /// <summary>The project module the override runs (its __main__.py for a package), or null.</summary>
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

    /// <summary>True when the stage chain (or a stage it copies from) pip/uv/poetry-installs the project itself.</summary>
    private static bool InstallsProject(Stage stage)
    {
        foreach (var link in FieldCaseFacts.Chain(stage).Concat(stage.RequiredStages).Distinct())
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

    [GeneratedRegex(@"^python(\d(\.\d+)?)?$")]
    private static partial Regex Interpreter();

    [GeneratedRegex(@"^(?<module>[A-Za-z_][\w.]*):(?<attr>[A-Za-z_]\w*)(\(.*\))?$")]
    private static partial Regex AppReference();
}
