using Drydock.Discovery;
using Drydock.Python.Packaging;

namespace Drydock.Python.Model;

/// <summary>A file pytest would import, and how many test functions and methods it declares.</summary>
public sealed record PytestCollectedFile(string Path, int TestCount);

/// <summary>
/// The prediction of what pytest collects: the paths it searched, the python_files patterns, the files it would
/// import, and notes. <see cref="Certain"/> is false when something we cannot model is involved (doctest options,
/// --pyargs, collection hooks in conftest.py, shell variables).
/// </summary>
public sealed record PytestCollection(
    string InvocationDirectory,
    string? ConfigFile,
    IReadOnlyList<string> SearchedPaths,
    IReadOnlyList<string> MissingPaths,
    IReadOnlyList<string> PythonFiles,
    IReadOnlyList<PytestCollectedFile> Files,
    IReadOnlyList<string> Notes,
    bool Certain)
{
    public int TestCount => Files.Sum(file => file.TestCount);

    /// <summary>pytest would exit with code 5 ("no tests ran"): nothing collected and every searched path exists.</summary>
    public bool CollectsNothing => Certain && MissingPaths.Count == 0 && TestCount == 0;
}

/// <summary>pytest's collection rules, applied to the repository's inventory (pytest 7/8 behaviour).</summary>
public static class PytestCollector
{
    /// <summary>fnmatch on the file name, or on the path when the pattern holds a '/' (pytest's fnmatch_ex).</summary>
    public static bool Matches(string pattern, string path)
    {
        string name = pattern.Contains('/') ? path : Path.GetFileName(path);
        if (pattern.Contains('/'))
        {
            return new GlobMatcher(pattern.TrimStart('/')).IsMatch(path) || new GlobMatcher("**/" + pattern.TrimStart('/')).IsMatch(path);
        }

        return GlobMatcher.MatchSegment(pattern, name);
    }

    internal static PytestCollection Collect(PythonProject project, string invocationDirectory, IReadOnlyList<string> commandLine)
    {
        var inventory = project.Project.Files;
        invocationDirectory = RequirementsParser.NormalizePath(invocationDirectory);
        var settings = project.PytestSettingsFor(invocationDirectory);
        var notes = new List<string>();
        bool certain = true;
        var arguments = new List<string>();
        if (settings?.Addopts is { } addopts) { arguments.AddRange(addopts.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)); }
        arguments.AddRange(commandLine);

        var paths = new List<string>();
        var ignored = new List<string>();
        var pythonFiles = settings?.PythonFiles ?? project.Knowledge.DefaultPythonFiles;
        IReadOnlyList<string>? testpaths = settings?.Testpaths;
        for (int k = 0; k < arguments.Count; k++)
        {
            string argument = arguments[k];
            if (argument.Contains('$') || argument.Contains('`') || (argument.Contains('{') && argument.Contains('}')))
            {
                certain = false;
                notes.Add($"argument '{argument}' holds a variable; collection not predicted");
                continue;
            }

            if (!argument.StartsWith('-')) { paths.Add(argument.Split("::")[0]); continue; }
            string option = argument.Split('=')[0];
            string? value = argument.Contains('=') && argument.StartsWith("--", StringComparison.Ordinal) ? argument[(argument.IndexOf('=') + 1)..] : null;
            if (value is null && project.Knowledge.PytestValueOptions.Contains(option) && k + 1 < arguments.Count) { value = arguments[++k]; }
            else if (value is null && option.Length > 2 && !option.StartsWith("--", StringComparison.Ordinal) && project.Knowledge.PytestValueOptions.Contains(option[..2])) { value = option[2..]; option = option[..2]; }

            switch (option)
            {
                case "--pyargs" or "--doctest-modules" or "--doctest-glob" or "-p" or "--rootdir" or "-c" or "--config-file":
                    certain = false;
                    notes.Add($"'{option}' changes what pytest collects in ways not modelled here");
                    break;
                case "--ignore" when value is not null:
                    ignored.Add(RequirementsParser.NormalizePath(Join(invocationDirectory, value)));
                    break;
                case "-o" or "--override-ini" when value is not null:
                    string[] pair = value.Split('=', 2);
                    if (pair.Length == 2 && pair[0] == "python_files") { pythonFiles = pair[1].Split(' ', StringSplitOptions.RemoveEmptyEntries); }
                    if (pair.Length == 2 && pair[0] == "testpaths") { testpaths = pair[1].Split(' ', StringSplitOptions.RemoveEmptyEntries); }
                    break;
            }
        }

        if (project.Conftests.Select(project.Module).Any(module => module?.Functions.Any(function => function.Name is "pytest_collect_file" or "pytest_pycollect_makemodule" or "pytest_collect_directory") == true))
        {
            certain = false;
            notes.Add("a conftest.py defines a collection hook");
        }

        string rootdir = settings?.Directory ?? invocationDirectory;
        var searched = new List<string>();
        if (paths.Count == 0)
        {
            if (testpaths is { Count: > 0 } && invocationDirectory == rootdir)
            {
                foreach (string testpath in testpaths)
                {
                    string full = RequirementsParser.NormalizePath(Join(rootdir, testpath));
                    if (full.IndexOfAny(['*', '?', '[']) >= 0)
                    {
                        var glob = new GlobMatcher(full);
                        searched.AddRange(inventory.Files.Concat(AllDirectories(inventory)).Where(glob.IsMatch).Distinct().Order(StringComparer.Ordinal));
                    }
                    else if (inventory.FileExists(full) || inventory.DirectoryExists(full))
                    {
                        searched.Add(full);
                    }
                }

                if (searched.Count == 0)
                {
                    notes.Add($"no files were found in testpaths ({string.Join(", ", testpaths)}); pytest then searches {Display(invocationDirectory)} recursively");
                    searched.Add(invocationDirectory);
                }
            }
            else
            {
                searched.Add(invocationDirectory);
            }
        }
        else
        {
            searched.AddRange(paths.Select(path => RequirementsParser.NormalizePath(Join(invocationDirectory, path))));
        }

        var missing = searched.Where(path => !inventory.FileExists(path) && !inventory.DirectoryExists(path)).ToList();
        var noRecurse = settings?.NoRecurseDirs ?? project.Knowledge.DefaultNoRecurseDirs;
        var collected = new SortedDictionary<string, PytestCollectedFile>(StringComparer.Ordinal);
        foreach (string path in searched.Except(missing))
        {
            if (inventory.FileExists(path))
            {
                if (path.EndsWith(".py", StringComparison.Ordinal)) { collected[path] = new PytestCollectedFile(path, CountTests(project, path, settings)); }
                continue;
            }

            foreach (string file in inventory.FilesUnder(path))
            {
                if (!file.EndsWith(".py", StringComparison.Ordinal) || IsUnderIgnored(file, path, noRecurse, ignored, inventory)) { continue; }
                if (pythonFiles.Any(pattern => Matches(pattern, file)))
                {
                    collected[file] = new PytestCollectedFile(file, CountTests(project, file, settings));
                }
            }
        }

        return new PytestCollection(invocationDirectory, settings?.ConfigFile, searched, missing, pythonFiles, [.. collected.Values], notes, certain);
    }

    private static IEnumerable<string> AllDirectories(RepositoryInventory inventory) =>
        inventory.Files.Select(file => file.Contains('/') ? file[..file.LastIndexOf('/')] : "").Where(directory => directory.Length > 0).Distinct();

    private static string Join(string directory, string path) => directory.Length == 0 || path.StartsWith('/') ? path : directory + "/" + path;

    private static string Display(string directory) => directory.Length == 0 ? "the repository root" : directory + "/";

    private static bool IsUnderIgnored(string file, string searchRoot, IReadOnlyList<string> noRecurse, List<string> ignored, RepositoryInventory inventory)
    {
        if (ignored.Any(path => file == path || file.StartsWith(path + "/", StringComparison.Ordinal))) { return true; }
        string relative = searchRoot.Length == 0 ? file : file[(searchRoot.Length + 1)..];
        string[] segments = relative.Split('/');
        string directory = searchRoot;
        for (int k = 0; k < segments.Length - 1; k++)
        {
            directory = directory.Length == 0 ? segments[k] : directory + "/" + segments[k];
            if (segments[k] == "__pycache__" || noRecurse.Any(pattern => GlobMatcher.MatchSegment(pattern, segments[k])) || inventory.FileExists(directory + "/pyvenv.cfg"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Module-level functions matching python_functions, and methods of matching classes without __init__.</summary>
    private static int CountTests(PythonProject project, string path, PytestSettings? settings)
    {
        var module = project.Module(path);
        if (module is null || module.HasErrors) { return 1; } // an import error is a collection error, not "no tests"
        var functions = settings?.PythonFunctions ?? project.Knowledge.DefaultPythonFunctions;
        var classes = settings?.PythonClasses ?? project.Knowledge.DefaultPythonClasses;
        bool Named(string name, IReadOnlyList<string> patterns) => patterns.Any(pattern => pattern.IndexOfAny(['*', '?', '[']) >= 0 ? GlobMatcher.MatchSegment(pattern, name) : name.StartsWith(pattern, StringComparison.Ordinal));
        int count = module.Functions.Count(function => function.ClassName is null && function.Placement.Function is null && Named(function.Name, functions));
        foreach (var cls in module.Classes.Where(cls => cls.Placement.Function is null && Named(cls.Name, classes) && cls.Methods.All(method => method.Name != "__init__")))
        {
            count += cls.Methods.Count(method => Named(method.Name, functions));
        }

        return count;
    }
}
