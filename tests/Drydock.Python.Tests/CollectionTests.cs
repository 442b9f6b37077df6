using Drydock.Analysis;
using Drydock.Python.Model;
using Drydock.Testing;

namespace Drydock.Python.Tests;

public sealed class CollectionTests
{
    private static PythonProject Model(TempTree tree) => Project.Open(tree.Root).Model(PythonProject.Build);

    [Fact]
    public void Defaults_collect_test_files_and_skip_norecursedirs()
    {
        using var tree = new TempTree();
        tree.Write("tests/test_a.py", "def test_a():\n    pass\n")
            .Write("tests/b_test.py", "class TestB:\n    def test_b(self):\n        pass\n")
            .Write("tests/helpers.py", "def test_like():\n    pass\n")
            .Write("build/test_generated.py", "def test_x():\n    pass\n")
            .Write("node_modules/x/test_y.py", "def test_y():\n    pass\n")
            .Write("env/pyvenv.cfg", "home = /usr\n")
            .Write("env/lib/test_venv.py", "def test_v():\n    pass\n");
        var collection = Model(tree).CollectTests();
        Assert.Equal(["tests/b_test.py", "tests/test_a.py"], collection.Files.Select(file => file.Path));
        Assert.Equal(2, collection.TestCount);
        Assert.Equal([""], collection.SearchedPaths);
        Assert.False(collection.CollectsNothing);
    }

    [Fact]
    public void Testpaths_and_python_files_come_from_the_nearest_config()
    {
        using var tree = new TempTree();
        tree.Write("pytest.ini", "[pytest]\ntestpaths = checks\npython_files = check_*.py\n")
            .Write("checks/check_api.py", "def test_api():\n    pass\n")
            .Write("tests/test_other.py", "def test_other():\n    pass\n");
        var model = Model(tree);
        var collection = model.CollectTests();
        Assert.Equal("pytest.ini", collection.ConfigFile);
        Assert.Equal(["checks"], collection.SearchedPaths);
        Assert.Equal("checks/check_api.py", Assert.Single(collection.Files).Path);
        Assert.True(model.IsTestModule("checks/check_api.py"));
        Assert.False(model.IsTestModule("tests/test_other.py"));
        Assert.True(model.CollectTests("", ["tests"]).CollectsNothing);
    }

    [Fact]
    public void Files_without_tests_collect_nothing()
    {
        using var tree = new TempTree();
        tree.Write("tests/test_empty.py", "import os\n\nclass TestWithInit:\n    def __init__(self):\n        pass\n\n    def test_never(self):\n        pass\n");
        var collection = Model(tree).CollectTests();
        Assert.Single(collection.Files);
        Assert.True(collection.CollectsNothing);
    }

    [Fact]
    public void Missing_paths_and_unknown_options_are_not_exit_5()
    {
        using var tree = new TempTree();
        tree.Write("src/app.py", "x = 1\n");
        var model = Model(tree);
        Assert.False(model.CollectTests("", ["does-not-exist"]).CollectsNothing);
        Assert.False(model.CollectTests("", ["--doctest-modules"]).CollectsNothing);
        Assert.False(model.CollectTests("", ["$TEST_DIR"]).CollectsNothing);
        Assert.True(model.CollectTests("", ["-q", "-k", "slow", "src"]).CollectsNothing);
    }

    [Theory]
    [InlineData("pytest -q tests", "", "-q|tests")]
    [InlineData("python3 -m pytest --cov=src tests/unit", "", "--cov=src|tests/unit")]
    [InlineData("cd backend && uv run pytest -x", "backend", "-x")]
    [InlineData("FOO=1 poetry run pytest 'tests dir'", "", "tests dir")]
    [InlineData("echo pytest is great; pytest", "", "")]
    public void Pytest_runs_are_found_in_shell_commands(string command, string directory, string arguments)
    {
        var run = PytestCommandLine.FindRuns(command).Last();
        Assert.Equal(directory, run.WorkingDirectory);
        Assert.Equal(arguments, string.Join('|', run.Arguments));
    }

    [Fact]
    public void Modules_get_names_under_their_roots()
    {
        using var tree = new TempTree();
        tree.Write("src/accel/__init__.py", "")
            .Write("src/accel/core/__init__.py", "")
            .Write("src/accel/core/main.py", "")
            .Write("src/accel/__main__.py", "")
            .Write("scripts/tool.py", "")
            .Write("nspkg/inner/mod.py", "");
        var model = Model(tree);
        Assert.Equal("accel.core.main", model.ModuleName("src/accel/core/main.py"));
        Assert.Equal("accel", model.ModuleName("src/accel/__init__.py"));
        Assert.Equal("tool", model.ModuleName("scripts/tool.py"));
        Assert.Equal("src/accel/core/main.py", model.ResolveModule("accel.core.main")!.Path);
        var package = model.ResolveModule("accel")!;
        Assert.True(package.IsPackage);
        Assert.Equal("src/accel/__main__.py", model.MainOf(package));
        Assert.True(model.ResolveModule("nspkg.inner")!.IsNamespacePackage);
        Assert.Null(model.ResolveModule("accel.core.websocket_server"));
        Assert.True(model.IsLocalModule("accel"));
    }
}
