using Drydock.Python.Packaging;
using Drydock.Text;

namespace Drydock.Python.Tests;

public sealed class PackagingTests
{
    [Theory]
    [InlineData(">=3.11,<4.0", "3.9", false)]
    [InlineData(">=3.11,<4.0", "3.11", true)]
    [InlineData(">=3.11,<4.0", "3.12", true)]
    [InlineData("^3.11", "3.13", true)]
    [InlineData("^3.11", "4.0", false)]
    [InlineData("~3.11", "3.12", false)]
    [InlineData("~3.11", "3.11", true)]
    [InlineData(">=3.9.2", "3.9", true)]
    [InlineData(">3.9", "3.9", true)]
    [InlineData("<3.12", "3.12", false)]
    [InlineData("==3.10.*", "3.10", true)]
    [InlineData("==3.10.*", "3.11", false)]
    [InlineData("!=3.10.*,>=3.9", "3.10", false)]
    [InlineData(">= 3.9, < 3.13", "3.12", true)]
    [InlineData(">=3.8 || ^2.7", "2.7", true)]
    [InlineData("~=3.10", "3.13", true)]
    [InlineData("~=3.10.1", "3.11", false)]
    [InlineData("*", "2.7", true)]
    public void Series_satisfy_specifiers(string specifier, string series, bool allowed)
    {
        Assert.True(VersionSpecifier.TryParse(specifier, out var parsed, out var error), error);
        Assert.Equal(allowed, parsed.AllowsSeries(series));
    }

    [Theory]
    [InlineData("==2.31.0", "2.31.0", true)]
    [InlineData("==2.31", "2.31.0", true)]
    [InlineData(">=2.0,<3", "3.0.0rc1", true)]
    [InlineData(">=1.0", "1.0rc1", false)]
    [InlineData("^0.2.3", "0.3.0", false)]
    [InlineData("^0.2.3", "0.2.9", true)]
    public void Exact_versions_satisfy_specifiers(string specifier, string version, bool allowed)
    {
        Assert.Equal(allowed, VersionSpecifier.ParseOrAny(specifier).Allows(version));
    }

    [Theory]
    [InlineData(">=")]
    [InlineData(">=abc")]
    public void Bad_specifiers_are_rejected(string text)
    {
        Assert.False(VersionSpecifier.TryParse(text, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Requirements_files_read_like_pip()
    {
        const string Text = "# comment\n--index-url https://example.org/simple\n-r base.txt\n-c constraints.txt\nRequests[socks] >= 2.31 ; python_version < \"3.13\"  # pinned\nnumpy==1.26.4 \\\n    --hash=sha256:abc \\\n    --hash=sha256:def\n-e git+https://example.org/x.git#egg=my_lib\n-e .\n./local/pkg\nzope.interface\nnot a requirement!\n";
        var file = RequirementsParser.Parse(new SourceText("deploy/requirements.txt", Text));
        Assert.Equal(["requests", "numpy", "my-lib", "zope-interface"], file.Requirements.Select(requirement => requirement.NormalizedName));
        var requests = file.Requirements[0];
        Assert.Equal(["socks"], requests.Extras);
        Assert.Equal("python_version < \"3.13\"", requests.Marker);
        Assert.Equal(5, requests.Line);
        Assert.Equal(2, file.Requirements[1].HashCount);
        Assert.Equal("1.26.4", file.Requirements[1].PinnedVersion!.ToString());
        Assert.True(file.Requirements[2].IsEditable);
        Assert.Equal(["deploy/base.txt"], file.Includes);
        Assert.Equal(["deploy/constraints.txt"], file.Constraints);
        Assert.Equal([".", "./local/pkg"], file.LocalPaths);
        Assert.Equal(13, Assert.Single(file.Problems).Line);
    }

    [Fact]
    public void Pep621_pyproject_with_positions()
    {
        const string Text = "[project]\nname = \"Accel_Lib\"\nrequires-python = \">=3.9\"\ndependencies = [\n  \"numpy>=1.24\",\n  \"rich\",\n]\nclassifiers = [\"Programming Language :: Python :: 3.12\"]\n\n[project.optional-dependencies]\nbrowser = [\"playwright\"]\n\n[project.scripts]\naccel = \"accel.cli:main\"\n\n[dependency-groups]\ndev = [\"pytest\"]\n\n[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\naddopts = \"-ra\"\n";
        var file = PyProjectFile.Parse(new SourceText("pyproject.toml", Text));
        Assert.Empty(file.Document.Errors);
        Assert.Equal("Accel_Lib", file.Name);
        Assert.Equal(">=3.9", file.RequiresPythonText);
        Assert.Equal(3, file.RequiresPythonAt!.Value.Line);
        Assert.Equal(["numpy", "rich"], file.Dependencies.Select(dependency => dependency.Name));
        Assert.Equal(5, file.Dependencies[0].Line);
        Assert.Equal("\"numpy>=1.24\"", Text[file.Dependencies[0].Start..file.Dependencies[0].End]);
        Assert.Equal("playwright", Assert.Single(file.OptionalDependencies["browser"]).Name);
        Assert.Equal("pytest", Assert.Single(file.DependencyGroups["dev"]).Name);
        var script = Assert.Single(file.Scripts);
        Assert.Equal(("accel", "accel.cli", "main", 14), (script.Name, script.Module, script.Attribute, script.Line));
        Assert.Equal("3.12", Assert.Single(file.PythonClassifiers).Version);
        Assert.Equal(["tests"], file.Pytest!.Testpaths);
        Assert.Equal("-ra", file.Pytest.Addopts);
    }

    [Fact]
    public void Poetry_pyproject_reads_python_extras_groups_and_scripts()
    {
        const string Text = "[tool.poetry]\nname = \"worker\"\n\n[tool.poetry.dependencies]\npython = \">=3.11,<4.0\"\ntemporalio = \"^1.5\"\nplaywright = { version = \"^1.40\", optional = true }\nshared = { path = \"../shared\", develop = true }\n\n[tool.poetry.extras]\nbrowser = [\"playwright\"]\n\n[tool.poetry.group.dev.dependencies]\npytest = \"^8\"\n\n[tool.poetry.scripts]\nworker = \"worker.main:run\"\n";
        var file = PyProjectFile.Parse(new SourceText("pyproject.toml", Text));
        Assert.True(file.IsPoetry);
        Assert.Equal(">=3.11,<4.0", file.RequiresPythonText);
        Assert.False(file.RequiresPython.AllowsSeries(3, 9));
        Assert.Equal(["temporalio", "shared"], file.Dependencies.Select(dependency => dependency.Name));
        Assert.True(file.Dependencies[0].Specifier.Allows("1.9"));
        Assert.Equal("playwright", Assert.Single(file.OptionalDependencies["browser"]).Name);
        Assert.Equal("pytest", Assert.Single(file.DependencyGroups["dev"]).Name);
        Assert.Equal("worker.main", Assert.Single(file.Scripts).Module);
    }

    [Fact]
    public void Toml_spans_count_characters_after_non_ascii_text()
    {
        const string Text = "[project]\ndescription = \"Café crawler \u2014 ünïcode 🚀\"\ndependencies = [\"httpx>=0.27\"]\n";
        var file = PyProjectFile.Parse(new SourceText("pyproject.toml", Text));
        var dependency = Assert.Single(file.Dependencies);
        Assert.Equal("\"httpx>=0.27\"", Text[dependency.Start..dependency.End]);
        Assert.Equal(3, dependency.Line);
    }

    [Fact]
    public void Invalid_toml_reports_an_error_with_an_offset()
    {
        var file = PyProjectFile.Parse(new SourceText("pyproject.toml", "[project\nname = 1\n"));
        Assert.NotEmpty(file.Document.Errors);
    }

    [Fact]
    public void Ini_files_keep_multiline_values_and_lines()
    {
        const string Text = "[tox]\nenvlist = py39, py{310,311}\n\n[testenv]\ncommands =\n    pytest tests\n    ; a comment\n    coverage report\n";
        var ini = IniFile.Parse(new SourceText("tox.ini", Text));
        var commands = ini.Section("testenv")!["commands"]!;
        Assert.Equal([(6, "pytest tests"), (8, "coverage report")], commands.Items().ToList());
        Assert.Equal(2, ini.Section("tox")!["envlist"]!.Line);
        Assert.Empty(ini.Problems);
    }
}
