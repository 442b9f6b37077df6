using Drydock.Analysis;
using Drydock.Python.Model;
using Drydock.Python.Packaging;

namespace Drydock.Init;

/// <summary>Thrown when init cannot write a setup that would work; the message says what is missing.</summary>
public sealed class InitException(string message) : Exception(message);

/// <summary>
/// Reads a Python project through the shared Python model (never parsing files itself) and decides what
/// the container setup needs: package manager, base image, entry point, kind of service, sidecars.
/// </summary>
public static class ProjectDetector
{
    public static ProjectProfile Detect(Project project)
    {
        var python = project.Model<PythonProject>(PythonProject.Build);
        var pyproject = python.PyProjects.FirstOrDefault(file => !file.Path.Contains('/'));
        var requirements = python.RequirementsFiles.FirstOrDefault(file => file.Path == "requirements.txt");
        if (pyproject is null && requirements is null)
        {
            throw new InitException("no pyproject.toml or requirements.txt at the top of the project: drydock init sets up Python services only");
        }

        var defaults = InitDefaults.Default;
        var warnings = new List<string>();
        var manager = project.Files.FileExists("uv.lock") ? PackageManager.Uv
            : pyproject?.IsPoetry == true || project.Files.FileExists("poetry.lock") ? PackageManager.Poetry
            : PackageManager.Pip;
        if (manager == PackageManager.Poetry && !project.Files.FileExists("poetry.lock"))
        {
            warnings.Add("no poetry.lock: every build resolves dependencies afresh; run `poetry lock` and commit the lock file");
        }

        string requiresText = pyproject?.RequiresPythonText ?? "";
        var requires = pyproject?.RequiresPython ?? VersionSpecifier.Any;
        var image = defaults.PythonImages.FirstOrDefault(choice => PyVersion.TryParse(choice.Python, out var version) && Allows(requires, version))
            ?? throw new InitException($"no Python image drydock knows satisfies requires-python '{requiresText}' (known: {string.Join(", ", defaults.PythonImages.Select(choice => choice.Python))})");

        var dependencyNames = (pyproject?.Dependencies ?? []).Concat(requirements is null ? [] : python.AllRequirements(requirements))
            .Select(requirement => requirement.NormalizedName)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var pathDependency in (pyproject?.Dependencies ?? []).Where(requirement => requirement.Url is { } url && url.Contains("..", StringComparison.Ordinal)))
        {
            warnings.Add($"dependency '{pathDependency.Name}' is a path outside this folder: the image must be built with a context that contains it (see docs/docker.md)");
        }

        var (sources, pythonPath) = SourceLayout(project, python);
        bool installable = pyproject?.Document.Root.Get("build-system") is not null;
        var entry = FindEntry(python, pyproject, installable, dependencyNames, defaults, warnings);
        string? readme = pyproject?.Document.Root.String("project", "readme") ?? pyproject?.Document.Root.String("tool", "poetry", "readme");
        var projectFiles = new[] { readme, "LICENSE" }.OfType<string>().Where(project.Files.FileExists).Distinct().ToList();

        // What pytest would collect, not just files that look like tests: a CI step that collects nothing exits 5.
        bool hasTests = python.CollectTests().TestCount > 0;
        string? testExtra = pyproject?.OptionalDependencies
            .Where(extra => extra.Value.Any(requirement => requirement.NormalizedName == "pytest"))
            .Select(extra => extra.Key)
            .FirstOrDefault();

        return new ProjectProfile
        {
            Name = Slug(pyproject?.Name ?? Path.GetFileName(project.Root)),
            Manager = manager,
            Image = image,
            RequiresPython = requiresText.Length == 0 ? "any" : requiresText,
            RequirementsFile = manager == PackageManager.Pip ? requirements?.Path : null,
            Installable = installable,
            SourcePaths = sources,
            ProjectFiles = projectFiles,
            PythonPath = pythonPath,
            Command = entry.Command,
            CommandReason = entry.Reason,
            Kind = entry.Kind,
            Port = entry.Kind == ServiceKind.Web ? defaults.DefaultPort : 0,
            HealthRoute = entry.HealthRoute,
            UsesRedis = Uses(defaults, "redis", dependencyNames),
            UsesPostgres = Uses(defaults, "postgres", dependencyNames),
            HasTests = hasTests,
            TestExtra = testExtra,
            DefaultBranch = DefaultBranch(project.Root),
            Warnings = warnings,
        };
    }

    private sealed record Entry(IReadOnlyList<string> Command, string Reason, ServiceKind Kind, string? HealthRoute);

    private static Entry FindEntry(PythonProject python, PyProjectFile? pyproject, bool installable, HashSet<string> dependencies, InitDefaults defaults, List<string> warnings)
    {
        string port = defaults.DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var modules = python.Modules.Where(module => !python.IsTestModule(module.Path) && module.Name is not null).ToList();

        // A framework app assigned at module level: `app = FastAPI()`.
        foreach (var module in modules)
        {
            foreach (var call in module.Calls.Where(call => call.Placement.RunsAtImport))
            {
                var framework = defaults.Frameworks.FirstOrDefault(fact => call.QualifiedName.EndsWith(fact.Callee, StringComparison.Ordinal) && call.Callee.EndsWith(fact.Callee, StringComparison.Ordinal));
                var target = module.DefinedNames.FirstOrDefault(name => name.Line == call.Line);
                if (framework is null || target is null)
                {
                    continue;
                }

                string appPath = $"{module.Name}:{target.Name}";
                string? health = HealthRoute(module);
                if (!dependencies.Contains(framework.Server))
                {
                    warnings.Add($"{framework.Server} is not among the dependencies, yet the image runs the {framework.Callee} app with it: add it");
                }

                IReadOnlyList<string> command = framework.Server == "gunicorn"
                    ? ["python", "-m", "gunicorn", "--bind", $"0.0.0.0:{port}", appPath]
                    : ["python", "-m", "uvicorn", appPath, "--host", "0.0.0.0", "--port", port];
                return new Entry(command, $"the {framework.Callee} app `{appPath}` in {module.Path}", ServiceKind.Web, health);
            }
        }

        // A worker: a module importing a worker framework with a __main__ block.
        foreach (var module in modules.Where(module => module.MainBlocks.Count > 0))
        {
            if (module.Imports.Any(import => defaults.WorkerImports.Any(worker => import.Module == worker || import.Module.StartsWith(worker + ".", StringComparison.Ordinal))))
            {
                return new Entry(["python", "-m", module.Name!], $"the worker module {module.Path} (its `if __name__ == \"__main__\":` block starts it)", ServiceKind.Worker, null);
            }
        }

        // A console script the project installs.
        var script = pyproject?.Scripts.FirstOrDefault();
        if (script is not null && installable)
        {
            return new Entry([script.Name], $"the console script `{script.Name}` ({script.Target}) from [{script.Table}]", ServiceKind.Program, null);
        }

        if (script is not null)
        {
            return new Entry(["python", "-c", $"import {script.Module}; {script.Module}.{script.Attribute}()"], $"the console script `{script.Name}` ({script.Target}); the project is not installable, so it is called directly", ServiceKind.Program, null);
        }

        // A package with __main__.py, or a module with a __main__ block.
        var main = modules.FirstOrDefault(module => module.FileName == "__main__.py") is { } packageMain
            ? (Name: packageMain.Name!.EndsWith(".__main__", StringComparison.Ordinal) ? packageMain.Name[..^".__main__".Length] : packageMain.Name, packageMain.Path)
            : modules.FirstOrDefault(module => module.MainBlocks.Count > 0) is { } scriptModule ? (Name: scriptModule.Name!, scriptModule.Path) : default;
        if (main.Name is not null)
        {
            return new Entry(["python", "-m", main.Name], $"`python -m {main.Name}` ({main.Path})", ServiceKind.Program, null);
        }

        throw new InitException("found no entry point: no [project.scripts], no FastAPI/Flask app, no __main__.py and no `if __name__ == \"__main__\":` block");
    }

    private static string? HealthRoute(PythonModule module)
    {
        foreach (var function in module.Functions)
        {
            foreach (var decorator in function.Decorators)
            {
                string? route = decorator.Call?.Positional(0)?.StringValue;
                if (route is "/health" or "/healthz" or "/health/" or "/ready" or "/readyz"
                    && decorator.Name.Split('.')[^1] is "get" or "route" or "api_route")
                {
                    return route;
                }
            }
        }

        return null;
    }

    private static (IReadOnlyList<string> Sources, string PythonPath) SourceLayout(Project project, PythonProject python)
    {
        if (project.Files.DirectoryExists("src") && python.ModulePaths.Any(path => path.StartsWith("src/", StringComparison.Ordinal)))
        {
            return (["src"], "/app/src");
        }

        var topLevel = python.ModulePaths
            .Where(path => !python.IsTestModule(path) && !path.StartsWith("tests/", StringComparison.Ordinal) && !path.StartsWith("test/", StringComparison.Ordinal))
            .Select(path => path.Contains('/') ? path[..path.IndexOf('/')] : path)
            .Where(first => first is not ("setup.py" or "conftest.py" or "noxfile.py" or "docs" or "scripts" or "examples" or "benchmarks"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        return (topLevel, "/app");
    }

    private static bool Allows(VersionSpecifier specifier, PyVersion version) =>
        specifier.IsAny || specifier.Alternatives.Any(clauses => clauses.All(clause => clause.Allows(version)));

    private static bool Uses(InitDefaults defaults, string service, HashSet<string> dependencies) =>
        defaults.Sidecars.Where(sidecar => sidecar.Service == service).SelectMany(sidecar => sidecar.Packages).Any(dependencies.Contains);

    private static string DefaultBranch(string root)
    {
        string head = Path.Combine(root, ".git", "HEAD");
        if (File.Exists(head))
        {
            string text = File.ReadAllText(head).Trim();
            const string prefix = "ref: refs/heads/";
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return text[prefix.Length..];
            }
        }

        return "main";
    }

    private static string Slug(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        string slug = new string(chars).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return slug.Length == 0 ? "app" : slug;
    }
}
