using System.Globalization;
using System.Text.Json;
using Drydock.Analysis;

namespace Drydock.Init;

public enum PlannedAction
{
    Create,
    Overwrite,
    KeepExisting,
}

/// <summary>One file init would write: where, what, and whether it exists already.</summary>
public sealed record PlannedFile(string Path, string Content, PlannedAction Action, string? ExistingContent);

public sealed record InitPlan(ProjectProfile Profile, IReadOnlyList<PlannedFile> Files);

/// <summary>Turns a <see cref="ProjectProfile"/> into the files of a hardened container setup.</summary>
public static class InitPlanner
{
    public static InitPlan Plan(Project project, bool force)
    {
        var profile = ProjectDetector.Detect(project);
        var (values, flags) = Variables(profile, project);
        var files = new List<PlannedFile>();
        foreach (var (path, template) in new[]
        {
            ("Dockerfile", "Dockerfile.tmpl"),
            (".dockerignore", "dockerignore.tmpl"),
            ("Makefile", "Makefile.tmpl"),
            ("compose.yaml", "compose.yaml.tmpl"),
            (".github/workflows/container.yml", "container.yml.tmpl"),
            ("docs/docker.md", "docker.md.tmpl"),
        })
        {
            string content = TemplateRenderer.Render(TemplateRenderer.Load(template), values, flags);
            string full = project.FullPath(path);
            string? existing = File.Exists(full) ? File.ReadAllText(full) : null;
            var action = existing is null ? PlannedAction.Create : force ? PlannedAction.Overwrite : PlannedAction.KeepExisting;
            files.Add(new PlannedFile(path, content, action, existing));
        }

        return new InitPlan(profile, files);
    }

    private static (Dictionary<string, string> Values, HashSet<string> Flags) Variables(ProjectProfile profile, Project project)
    {
        var defaults = InitDefaults.Default;
        string platforms = string.Join(',', defaults.Platforms);
        string port = profile.Port.ToString(CultureInfo.InvariantCulture);
        var (healthcheck, healthDescription) = Healthcheck(profile);
        var builderCopy = profile.ProjectFiles.Select(file => $"COPY {file} ./{file}")
            .Concat(profile.SourcePaths.Select(path => $"COPY {path} ./{path}"));
        var runtimeCopy = profile.SourcePaths.Select(path => $"COPY --chown=app:app {path} ./{path}");
        var extraIgnores = new[] { ".venv", "venv", "node_modules", "tests", "docs", "dist", "build", ".tox", ".nox", "*.log" }
            .Where(entry => entry.StartsWith('*') || project.Files.DirectoryExists(entry) || entry is ".venv" or "dist" or "build");

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = profile.Name,
            ["manager"] = profile.Manager.ToString().ToLowerInvariant(),
            ["python"] = profile.Image.Python,
            ["imageTag"] = profile.Image.Tag,
            ["requiresPython"] = profile.RequiresPython,
            ["requirementsFile"] = profile.RequirementsFile ?? "requirements.txt",
            ["poetryVersion"] = defaults.PoetryVersion,
            ["poetryManifests"] = project.Files.FileExists("poetry.lock") ? "pyproject.toml poetry.lock" : "pyproject.toml",
            ["uvImage"] = defaults.UvImage,
            ["builderCopy"] = string.Join('\n', builderCopy),
            ["runtimeCopy"] = string.Join('\n', runtimeCopy),
            ["pythonPath"] = profile.PythonPath,
            ["port"] = port,
            ["healthcheck"] = healthcheck,
            ["healthDescription"] = healthDescription,
            ["cmd"] = JsonArray(profile.Command),
            ["cmdText"] = string.Join(' ', profile.Command),
            ["entryReason"] = profile.CommandReason,
            ["platforms"] = platforms,
            ["runPorts"] = profile.Kind == ServiceKind.Web ? $"-p {port}:{port} " : "",
            ["defaultBranch"] = profile.DefaultBranch,
            ["testInstall"] = TestInstall(profile),
            ["testRun"] = profile.Manager switch { PackageManager.Poetry => "poetry run pytest", PackageManager.Uv => "uv run pytest", _ => "pytest" },
            ["extraIgnores"] = string.Join('\n', extraIgnores),
            ["composeSidecars"] = (profile.UsesRedis, profile.UsesPostgres) switch
            {
                (true, true) => ", Redis and Postgres",
                (true, false) => " and Redis",
                (false, true) => " and Postgres",
                _ => "",
            },
        };

        var flags = new HashSet<string>(StringComparer.Ordinal) { profile.Manager.ToString().ToLowerInvariant() };
        if (profile.RequirementsFile is not null) { flags.Add("requirements"); }
        if (profile.Installable) { flags.Add("installProject"); }
        if (profile.Kind == ServiceKind.Web) { flags.Add("web"); }
        if (profile.UsesRedis) { flags.Add("redis"); }
        if (profile.UsesPostgres) { flags.Add("postgres"); }
        if (profile.UsesRedis || profile.UsesPostgres) { flags.Add("sidecars"); }
        if (profile.HasTests) { flags.Add("tests"); }
        return (values, flags);
    }

    private static (string Command, string Description) Healthcheck(ProjectProfile profile) => profile.Kind switch
    {
        ServiceKind.Web when profile.HealthRoute is not null => (
            JsonArray(["python", "-c", $"import urllib.request; urllib.request.urlopen('http://127.0.0.1:{profile.Port}{profile.HealthRoute}', timeout=8)"]),
            $"an HTTP GET of {profile.HealthRoute} on port {profile.Port} must succeed (urlopen fails on any 4xx/5xx)"),
        ServiceKind.Web => (
            JsonArray(["python", "-c", $"import socket; socket.create_connection(('127.0.0.1', {profile.Port}), timeout=8).close()"]),
            $"the app must accept connections on port {profile.Port} (it has no /health route to ask; add one and probe it instead)"),
        ServiceKind.Worker => (
            JsonArray(["python", "-c", "import os, socket; host, _, port = os.environ.get('TEMPORAL_ADDRESS', 'localhost:7233').rpartition(':'); socket.create_connection((host, int(port)), timeout=8).close()"]),
            "the worker's server (TEMPORAL_ADDRESS, default localhost:7233) must be reachable from the container; a worker exposes no port of its own, so this proves its connection path, not its registration"),
        _ => (
            JsonArray(["python", "-c", "import sys; sys.exit(0)"]),
            "the interpreter starts; the program exposes no port or route that could prove more"),
    };

    private static string TestInstall(ProjectProfile profile) => profile.Manager switch
    {
        PackageManager.Poetry => "pip install poetry && poetry install --no-interaction",
        PackageManager.Uv => "pip install uv && uv sync --all-extras --dev",
        _ when profile.TestExtra is not null => $"pip install -e \".[{profile.TestExtra}]\"",
        _ when profile.RequirementsFile is not null => $"pip install -r {profile.RequirementsFile} pytest",
        _ => "pip install -e . pytest",
    };

    private static string JsonArray(IEnumerable<string> items) =>
        "[" + string.Join(", ", items.Select(item => JsonSerializerEncode(item))) + "]";

    private static string JsonSerializerEncode(string value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStringValue(value);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
