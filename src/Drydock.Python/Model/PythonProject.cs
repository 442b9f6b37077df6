using System.Collections.Concurrent;
using Drydock.Analysis;
using Drydock.Discovery;
using Drydock.Python.Git;
using Drydock.Python.Packaging;
using Drydock.Text;

namespace Drydock.Python.Model;

/// <summary>Where a dotted module name lives: a file, a package's __init__.py, or a namespace package folder.</summary>
public sealed record PyModuleLocation(string Name, string Path, bool IsPackage, bool IsNamespacePackage, string Root);

/// <summary>A file the Python part could not read or parse (becomes PY000 or GT000).</summary>
public sealed record PythonFileProblem(string Path, int Line, int Column, string Message);

/// <summary>
/// The repository seen as a Python project: modules and their names, packaging (pyproject, requirements, setup.cfg,
/// tox.ini, pytest.ini), pytest settings and collection, conftest files, and git submodules.
/// Get it with <c>project.Model&lt;PythonProject&gt;(PythonProject.Build)</c>; modules parse lazily on first use.
/// </summary>
public sealed class PythonProject
{
    private readonly ConcurrentDictionary<string, PythonModule> modules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> moduleNames = new(StringComparer.Ordinal);
    private readonly Lazy<GitIndex> gitIndex;
    private readonly List<PythonFileProblem> fileProblems = [];

    private PythonProject(Project project)
    {
        Project = project;
        gitIndex = new Lazy<GitIndex>(() => GitIndex.Read(project.Root));
    }

    public Project Project { get; }

    public PythonKnowledge Knowledge => PythonKnowledge.Default;

    /// <summary>Repository-relative paths of every .py file (not .pyi), sorted.</summary>
    public IReadOnlyList<string> ModulePaths { get; private set; } = [];

    /// <summary>Folders that are import roots: the repository root, <c>src/</c> when present, and the parent of every top-level package.</summary>
    public IReadOnlyList<string> SourceRoots { get; private set; } = [];

    public IReadOnlyList<PyProjectFile> PyProjects { get; private set; } = [];

    /// <summary>The pyproject.toml at the repository root, else the shallowest one.</summary>
    public PyProjectFile? PyProject => PyProjects.FirstOrDefault();

    public IReadOnlyList<RequirementsFile> RequirementsFiles { get; private set; } = [];

    public IReadOnlyList<IniFile> IniFiles { get; private set; } = [];

    /// <summary>pytest settings of every configuration file that has a pytest section, shallowest first.</summary>
    public IReadOnlyList<PytestSettings> PytestConfigs { get; private set; } = [];

    public IReadOnlyList<string> Conftests { get; private set; } = [];

    public GitModulesFile? GitModules { get; private set; }

    /// <summary>The git index's gitlinks; read on first use (see <see cref="GitIndex.WasRead"/>).</summary>
    public GitIndex GitIndex => gitIndex.Value;

    /// <summary>Packaging and .gitmodules files that could not be read or parsed.</summary>
    public IReadOnlyList<PythonFileProblem> FileProblems => fileProblems;

    public static PythonProject Build(Project project)
    {
        var model = new PythonProject(project);
        model.Load();
        return model;
    }

    private void Load()
    {
        var files = Project.Files;
        ModulePaths = [.. files.OfKind(FileKind.Python).Select(file => file.RelativePath).Where(path => path.EndsWith(".py", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        var roots = new SortedSet<string>(StringComparer.Ordinal) { "" };
        if (files.DirectoryExists("src")) { roots.Add("src"); }
        foreach (string path in ModulePaths)
        {
            var (name, root) = NameUnderRoot(path);
            moduleNames[path] = name;
            roots.Add(root);
        }

        SourceRoots = [.. roots];
        Conftests = [.. ModulePaths.Where(path => Path.GetFileName(path) == "conftest.py")];
        PyProjects = [.. files.OfKind(FileKind.PyProject).OrderBy(file => file.RelativePath.Count(c => c == '/')).ThenBy(file => file.RelativePath, StringComparer.Ordinal)
            .Select(file => Read(file.RelativePath, PyProjectFile.Parse)).OfType<PyProjectFile>()];
        foreach (var pyproject in PyProjects)
        {
            foreach (var (offset, message) in pyproject.Document.Errors.Take(1))
            {
                var (line, column) = pyproject.Source.Position(offset);
                fileProblems.Add(new PythonFileProblem(pyproject.Path, line, column, $"invalid TOML: {message}"));
            }
        }

        RequirementsFiles = [.. files.OfKind(FileKind.Requirements).Select(file => Read(file.RelativePath, RequirementsParser.Parse)).OfType<RequirementsFile>()];
        IniFiles = [.. new[] { FileKind.SetupCfg, FileKind.ToxIni, FileKind.PytestIni }.SelectMany(files.OfKind)
            .Select(file => Read(file.RelativePath, IniFile.Parse)).OfType<IniFile>()];
        foreach (var ini in IniFiles)
        {
            foreach (var (line, message) in ini.Problems.Take(1)) { fileProblems.Add(new PythonFileProblem(ini.Path, line, 1, message)); }
        }

        PytestConfigs = [.. IniFiles.Select(IniPytest).OfType<PytestSettings>().Concat(PyProjects.Select(file => file.Pytest).OfType<PytestSettings>())
            .OrderBy(settings => settings.ConfigFile.Count(c => c == '/')).ThenBy(settings => ConfigPriority(settings.ConfigFile))];
        if (files.FileExists(".gitmodules"))
        {
            GitModules = Read(".gitmodules", GitModulesFile.Parse);
        }
    }

    private T? Read<T>(string path, Func<SourceText, T> parse)
        where T : class
    {
        var (text, problem) = Project.ReadText(path);
        if (text is null)
        {
            fileProblems.Add(new PythonFileProblem(path, problem?.Line ?? 0, problem?.Column ?? 0, problem?.Message ?? "cannot read file"));
            return null;
        }

        return parse(text);
    }

    private static PytestSettings? IniPytest(IniFile ini)
    {
        string name = Path.GetFileName(ini.Path);
        var section = name switch
        {
            "setup.cfg" => ini.Section("tool:pytest"),
            "pytest.ini" => ini.Section("pytest") ?? new IniSection("pytest", 1, []),
            _ => ini.Section("pytest"),
        };
        return section is null ? null : PytestSettings.FromIni(ini.Path, section);
    }

    /// <summary>pytest looks, in each folder, at pytest.ini, .pytest.ini, pyproject.toml, tox.ini, setup.cfg in that order.</summary>
    private static int ConfigPriority(string path) => Path.GetFileName(path) switch
    {
        "pytest.ini" => 0,
        ".pytest.ini" => 1,
        "pyproject.toml" => 2,
        "tox.ini" => 3,
        _ => 4,
    };

    /// <summary>The module of a .py file, parsed on first use (null when the path is not a .py file of the repository).</summary>
    public PythonModule? Module(string path)
    {
        if (!moduleNames.ContainsKey(path)) { return null; }
        return modules.GetOrAdd(path, key =>
        {
            var (text, problem) = Project.ReadText(key);
            return new PythonModule(key, moduleNames[key], text, problem);
        });
    }

    public IEnumerable<PythonModule> Modules => ModulePaths.Select(path => Module(path)!);

    /// <summary>The dotted name of a module file under its root, e.g. src/pkg/a.py -> pkg.a.</summary>
    public string? ModuleName(string path) => moduleNames.GetValueOrDefault(path);

    private (string? Name, string Root) NameUnderRoot(string path)
    {
        string directory = ParentOf(path);
        while (directory.Length > 0 && Project.Files.FileExists(directory + "/__init__.py"))
        {
            directory = ParentOf(directory);
        }

        string relative = directory.Length == 0 ? path : path[(directory.Length + 1)..];
        string name = relative[..^3].Replace('/', '.');
        if (name.EndsWith(".__init__", StringComparison.Ordinal)) { name = name[..^9]; }
        return (name == "__init__" ? null : name, directory);
    }

    private static string ParentOf(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : "";

    /// <summary>
    /// Resolves a dotted module name as <c>python -m</c> or an import would, trying each root in order
    /// (<paramref name="roots"/> or <see cref="SourceRoots"/>): root/a/b.py, root/a/b/__init__.py, then a namespace folder root/a/b.
    /// </summary>
    public PyModuleLocation? ResolveModule(string dotted, IEnumerable<string>? roots = null)
    {
        if (dotted.Length == 0 || dotted.Split('.').Any(part => part.Length == 0)) { return null; }
        string relative = dotted.Replace('.', '/');
        var candidates = (roots ?? SourceRoots).ToList();
        foreach (string root in candidates)
        {
            string prefix = root.Trim('/').Length == 0 ? "" : root.Trim('/') + "/";
            if (Project.Files.FileExists(prefix + relative + ".py")) { return new PyModuleLocation(dotted, prefix + relative + ".py", false, false, root); }
            if (Project.Files.FileExists(prefix + relative + "/__init__.py")) { return new PyModuleLocation(dotted, prefix + relative + "/__init__.py", true, false, root); }
        }

        foreach (string root in candidates)
        {
            string prefix = root.Trim('/').Length == 0 ? "" : root.Trim('/') + "/";
            if (Project.Files.DirectoryExists(prefix + relative) && Project.Files.FilesUnder(prefix + relative).Any(file => file.EndsWith(".py", StringComparison.Ordinal)))
            {
                return new PyModuleLocation(dotted, prefix + relative, true, true, root);
            }
        }

        return null;
    }

    /// <summary>What <c>python -m pkg</c> runs for a package: its __main__.py, or null.</summary>
    public string? MainOf(PyModuleLocation package)
    {
        if (!package.IsPackage) { return null; }
        string folder = package.IsNamespacePackage ? package.Path : ParentOf(package.Path);
        string main = folder + "/__main__.py";
        return Project.Files.FileExists(main) ? main : null;
    }

    /// <summary>True when a top-level import name is a module or package of this repository (under any root, or beside a test).</summary>
    public bool IsLocalModule(string topLevelName, string? importingFile = null)
    {
        var roots = SourceRoots.ToList();
        if (importingFile is not null) { roots.Add(ParentOf(importingFile)); }
        if (ResolveModule(topLevelName, roots) is not null) { return true; }
        return PyProjects.Any(file => file.Name is { } name && PyRequirement.NormalizeName(name) == PyRequirement.NormalizeName(topLevelName));
    }

    public bool IsStdlib(string topLevelName) => Knowledge.Stdlib.Contains(topLevelName);

    /// <summary>The pytest settings that apply to a folder: the nearest configuration at or above it.</summary>
    public PytestSettings? PytestSettingsFor(string directory)
    {
        directory = directory.Trim('/');
        while (true)
        {
            var here = PytestConfigs.Where(settings => settings.Directory == directory).OrderBy(settings => ConfigPriority(settings.ConfigFile)).FirstOrDefault();
            if (here is not null) { return here; }
            if (directory.Length == 0) { return null; }
            directory = ParentOf(directory);
        }
    }

    /// <summary>
    /// Whether pytest treats a file as a test module it imports while collecting: conftest.py, or a name matching
    /// python_files (test_*.py, *_test.py by default) of the applicable configuration.
    /// </summary>
    public bool IsTestModule(string path)
    {
        string name = Path.GetFileName(path);
        if (name == "conftest.py") { return true; }
        var patterns = PytestSettingsFor(ParentOf(path))?.PythonFiles ?? Knowledge.DefaultPythonFiles;
        return patterns.Any(pattern => PytestCollector.Matches(pattern, path));
    }

    /// <summary>Requirement files that are not development or test files by name (requirements.txt, requirements/base.txt...).</summary>
    public IEnumerable<RequirementsFile> RuntimeRequirementsFiles => RequirementsFiles.Where(file =>
    {
        string name = Path.GetFileName(file.Path).ToLowerInvariant();
        return !(name.Contains("dev", StringComparison.Ordinal) || name.Contains("test", StringComparison.Ordinal) || name.Contains("lint", StringComparison.Ordinal) || name.Contains("doc", StringComparison.Ordinal) || name.Contains("ci", StringComparison.Ordinal));
    });

    public RequirementsFile? RequirementsFile(string path) => RequirementsFiles.FirstOrDefault(file => file.Path == path);

    /// <summary>Every requirement of a requirements file with its -r includes.</summary>
    public IEnumerable<PyRequirement> AllRequirements(RequirementsFile file) => file.AllRequirements(RequirementsFile);

    /// <summary>
    /// Where a distribution is declared: "dependencies", "extra:&lt;name&gt;", "group:&lt;name&gt;" or "requirements:&lt;file&gt;".
    /// Empty when the project declares it nowhere.
    /// </summary>
    public IReadOnlyList<string> DeclarationsOf(string normalizedDistribution)
    {
        var found = new List<string>();
        foreach (var file in PyProjects)
        {
            if (file.Dependencies.Any(requirement => requirement.NormalizedName == normalizedDistribution)) { found.Add("dependencies"); }
            found.AddRange(file.OptionalDependencies.Where(extra => extra.Value.Any(requirement => requirement.NormalizedName == normalizedDistribution)).Select(extra => "extra:" + extra.Key));
            found.AddRange(file.DependencyGroups.Where(group => group.Value.Any(requirement => requirement.NormalizedName == normalizedDistribution)).Select(group => "group:" + group.Key));
        }

        found.AddRange(RequirementsFiles.Where(file => file.Requirements.Any(requirement => requirement.NormalizedName == normalizedDistribution)).Select(file => "requirements:" + file.Path));
        return found;
    }

    /// <summary>True when some pyproject or requirements file declares dependencies, so "not declared" means something.</summary>
    public bool DeclaresDependencies => RequirementsFiles.Count > 0 || PyProjects.Any(file => file.Dependencies.Count > 0 || file.OptionalDependencies.Count > 0 || file.DependencyGroups.Count > 0);

    /// <summary>Which files pytest would collect when run in <paramref name="invocationDirectory"/> with <paramref name="arguments"/>.</summary>
    public PytestCollection CollectTests(string invocationDirectory = "", IReadOnlyList<string>? arguments = null) =>
        PytestCollector.Collect(this, invocationDirectory, arguments ?? []);

    /// <summary>pytest runs found in tox.ini [testenv] commands and Makefile recipes.</summary>
    public IReadOnlyList<PytestInvocation> PytestInvocations => invocations ??= PytestInvocation.Find(this);

    private IReadOnlyList<PytestInvocation>? invocations;
}
