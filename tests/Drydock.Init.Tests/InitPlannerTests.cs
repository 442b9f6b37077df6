using Drydock.Analysis;
using Drydock.Testing;

namespace Drydock.Init.Tests;

public class InitPlannerTests
{
    private static Dictionary<string, string> Files(InitPlan plan) => plan.Files.ToDictionary(file => file.Path, file => file.Content);

    [Fact]
    public void A_poetry_temporal_worker_gets_a_worker_setup_with_redis()
    {
        using var tree = PythonProjectShapes.Poetry();
        var plan = InitPlanner.Plan(Project.Open(tree.Root), force: false);

        Assert.Equal(PackageManager.Poetry, plan.Profile.Manager);
        Assert.Equal(ServiceKind.Worker, plan.Profile.Kind);
        Assert.Equal(["python", "-m", "billing.worker"], plan.Profile.Command);
        Assert.Equal("billing-worker", plan.Profile.Name);
        var files = Files(plan);
        Assert.Contains("FROM python:3.13-slim-bookworm AS builder", files["Dockerfile"], StringComparison.Ordinal);
        Assert.Contains("poetry export --only main", files["Dockerfile"], StringComparison.Ordinal);
        Assert.DoesNotContain("EXPOSE", files["Dockerfile"], StringComparison.Ordinal);
        Assert.Contains("TEMPORAL_ADDRESS", files["Dockerfile"], StringComparison.Ordinal);
        Assert.Contains("condition: service_healthy", files["compose.yaml"], StringComparison.Ordinal);
        Assert.Contains("redis-cli", files["compose.yaml"], StringComparison.Ordinal);
        Assert.Contains("poetry run pytest", files[".github/workflows/container.yml"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_pip_flask_app_is_served_by_gunicorn_on_the_newest_allowed_python_and_probed_on_its_health_route()
    {
        using var tree = PythonProjectShapes.Pip();
        var plan = InitPlanner.Plan(Project.Open(tree.Root), force: false);

        Assert.Equal("3.11", plan.Profile.Image.Python);
        Assert.Equal(ServiceKind.Web, plan.Profile.Kind);
        Assert.Equal("/healthz", plan.Profile.HealthRoute);
        var dockerfile = Files(plan)["Dockerfile"];
        Assert.Contains("COPY requirements.txt ./requirements.txt", dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY --chown=app:app shop ./shop", dockerfile, StringComparison.Ordinal);
        Assert.Contains("\"gunicorn\"", dockerfile, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:8000/healthz", dockerfile, StringComparison.Ordinal);
        Assert.Contains("postgres:", Files(plan)["compose.yaml"], StringComparison.Ordinal);
        Assert.Empty(plan.Profile.Warnings);
    }

    [Fact]
    public void A_uv_project_with_a_console_script_runs_the_script()
    {
        using var tree = PythonProjectShapes.Uv();
        var plan = InitPlanner.Plan(Project.Open(tree.Root), force: false);

        Assert.Equal(PackageManager.Uv, plan.Profile.Manager);
        Assert.Equal(["reporter"], plan.Profile.Command);
        var dockerfile = Files(plan)["Dockerfile"];
        Assert.Contains("uv sync --frozen --no-dev --no-install-project", dockerfile, StringComparison.Ordinal);
        Assert.Contains("CMD [\"reporter\"]", dockerfile, StringComparison.Ordinal);
        Assert.DoesNotContain("needs: test", Files(plan)[".github/workflows/container.yml"], StringComparison.Ordinal);
    }

    [Fact]
    public void Existing_files_are_kept_unless_forced_and_the_writer_never_leaves_the_project()
    {
        using var tree = PythonProjectShapes.Uv();
        tree.Write("Dockerfile", "FROM scratch\n");
        var kept = InitPlanner.Plan(Project.Open(tree.Root), force: false);
        Assert.Equal(PlannedAction.KeepExisting, kept.Files.Single(file => file.Path == "Dockerfile").Action);

        var written = InitWriter.Write(tree.Root, kept);
        Assert.DoesNotContain("Dockerfile", written);
        Assert.Equal("FROM scratch\n", File.ReadAllText(tree.Path("Dockerfile")));
        Assert.True(File.Exists(tree.Path(".github/workflows/container.yml")));

        var forced = InitPlanner.Plan(Project.Open(tree.Root), force: true);
        Assert.Equal(PlannedAction.Overwrite, forced.Files.Single(file => file.Path == "Dockerfile").Action);
        var escape = forced with { Files = [new PlannedFile("../escape.txt", "x", PlannedAction.Create, null)] };
        Assert.Throws<InitException>(() => InitWriter.Write(tree.Root, escape));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(tree.Root)!, "escape.txt")));
    }

    [Fact]
    public void A_symlinked_target_is_refused()
    {
        using var outside = new Testing.TempTree();
        using var tree = PythonProjectShapes.Uv();
        outside.Write("Makefile", "all:\n");
        File.CreateSymbolicLink(tree.Path("Makefile"), outside.Path("Makefile"));
        var plan = InitPlanner.Plan(Project.Open(tree.Root), force: true);
        Assert.Throws<InitException>(() => InitWriter.Write(tree.Root, plan));
        Assert.Equal("all:\n", File.ReadAllText(outside.Path("Makefile")));
        Assert.False(File.Exists(tree.Path("Dockerfile")), "a refusal must leave the project untouched");
    }

    [Fact]
    public void A_read_only_file_is_not_overwritten_even_with_force()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var tree = PythonProjectShapes.Uv();
        tree.Write("compose.yaml", "services: {}\n");
        File.SetUnixFileMode(tree.Path("compose.yaml"), UnixFileMode.UserRead);
        var plan = InitPlanner.Plan(Project.Open(tree.Root), force: true);
        Assert.Contains("read-only", Assert.Throws<InitException>(() => InitWriter.Write(tree.Root, plan)).Message, StringComparison.Ordinal);
        Assert.Equal("services: {}\n", File.ReadAllText(tree.Path("compose.yaml")));
    }

    [Fact]
    public void Projects_init_cannot_serve_get_a_clear_error()
    {
        using var empty = new Testing.TempTree();
        empty.Write("README.md", "hi\n");
        Assert.Contains("pyproject.toml", Assert.Throws<InitException>(() => InitPlanner.Plan(Project.Open(empty.Root), false)).Message, StringComparison.Ordinal);

        using var old = new Testing.TempTree();
        old.Write("pyproject.toml", "[project]\nname = \"x\"\nrequires-python = \"<3.8\"\n").Write("x/__main__.py", "print(1)\n");
        Assert.Contains("no Python image", Assert.Throws<InitException>(() => InitPlanner.Plan(Project.Open(old.Root), false)).Message, StringComparison.Ordinal);

        using var library = new Testing.TempTree();
        library.Write("pyproject.toml", "[project]\nname = \"lib\"\n").Write("lib/__init__.py", "X = 1\n");
        Assert.Contains("no entry point", Assert.Throws<InitException>(() => InitPlanner.Plan(Project.Open(library.Root), false)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Templates_render_nested_conditions_and_refuse_unknown_placeholders()
    {
        string template = "a\n@@if x@@\nb @@v@@\n@@unless y@@\nc\n@@endunless@@\n@@endif@@\nd\n";
        Assert.Equal("a\nb 1\nc\nd\n", TemplateRenderer.Render(template, new Dictionary<string, string> { ["v"] = "1" }, new HashSet<string> { "x" }));
        Assert.Equal("a\nd\n", TemplateRenderer.Render(template, new Dictionary<string, string>(), new HashSet<string>()));
        Assert.Throws<KeyNotFoundException>(() => TemplateRenderer.Render("@@nope@@", new Dictionary<string, string>(), new HashSet<string>()));
        Assert.Throws<FormatException>(() => TemplateRenderer.Render("@@if x@@\n", new Dictionary<string, string>(), new HashSet<string>()));
    }
}
