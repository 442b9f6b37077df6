using Drydock.Text;

namespace Drydock.Python.Packaging;

/// <summary>A console script: <c>name = "pkg.module:function"</c> from [project.scripts] or [tool.poetry.scripts].</summary>
public sealed record PyScript(string Name, string Target, string Module, string? Attribute, string Table, int Line, int Start, int End);

/// <summary>A Python version named in a trove classifier (<c>Programming Language :: Python :: 3.9</c>).</summary>
public sealed record PyClassifierVersion(string Version, int Line, int Start, int End);

/// <summary>
/// pyproject.toml, PEP 621 and Poetry read into one shape. Every requirement keeps its line and span; for Poetry the
/// <c>python</c> dependency is <see cref="RequiresPython"/> and <c>optional = true</c> dependencies are reachable only through extras.
/// </summary>
public sealed class PyProjectFile
{
    private PyProjectFile(SourceText source, TomlDocument document)
    {
        Source = source;
        Document = document;
    }

    public SourceText Source { get; }

    public string Path => Source.Path;

    public TomlDocument Document { get; }

    public string? Name { get; private set; }

    public bool IsPoetry { get; private set; }

    /// <summary>The constraint's text (<c>&gt;=3.11</c>, Poetry <c>^3.11</c>), or null when none is declared.</summary>
    public string? RequiresPythonText { get; private set; }

    public VersionSpecifier RequiresPython { get; private set; } = VersionSpecifier.Any;

    /// <summary>Where the constraint is written (the value), or null.</summary>
    public (int Line, int Start, int End)? RequiresPythonAt { get; private set; }

    public IReadOnlyList<PyRequirement> Dependencies { get; private set; } = [];

    /// <summary>Extras: <c>[project.optional-dependencies]</c> or Poetry's <c>[tool.poetry.extras]</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PyRequirement>> OptionalDependencies { get; private set; } = new Dictionary<string, IReadOnlyList<PyRequirement>>();

    /// <summary>Development groups: PEP 735 [dependency-groups], Poetry groups and dev-dependencies, uv/pdm dev-dependencies.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PyRequirement>> DependencyGroups { get; private set; } = new Dictionary<string, IReadOnlyList<PyRequirement>>();

    public IReadOnlyList<PyScript> Scripts { get; private set; } = [];

    public IReadOnlyList<PyClassifierVersion> PythonClassifiers { get; private set; } = [];

    /// <summary>[tool.pytest.ini_options], or null.</summary>
    public PytestSettings? Pytest { get; private set; }

    public int Line(int offset) => Source.Position(offset).Line;

    public static PyProjectFile Parse(SourceText source)
    {
        var document = TomlDocument.Parse(source.Text, source.Path);
        var file = new PyProjectFile(source, document);
        file.Read(document.Root);
        return file;
    }

    private void Read(TomlNode root)
    {
        var project = root["project"];
        var poetry = root.Get("tool", "poetry");
        IsPoetry = poetry is not null;
        Name = project?.String("name") ?? poetry?.String("name");
        if (project?["requires-python"] is { Kind: TomlNodeKind.String } requires)
        {
            SetRequiresPython(requires);
        }
        else if (poetry?.Get("dependencies", "python") is { Kind: TomlNodeKind.String } python)
        {
            SetRequiresPython(python);
        }

        var dependencies = new List<PyRequirement>(Pep508List(project?["dependencies"]));
        var optional = new Dictionary<string, IReadOnlyList<PyRequirement>>(StringComparer.Ordinal);
        if (project?["optional-dependencies"] is { Kind: TomlNodeKind.Table } extras)
        {
            foreach (var (extra, list) in extras.Children) { optional[extra] = Pep508List(list); }
        }

        var groups = new Dictionary<string, IReadOnlyList<PyRequirement>>(StringComparer.Ordinal);
        if (root["dependency-groups"] is { Kind: TomlNodeKind.Table } dependencyGroups)
        {
            foreach (var (group, list) in dependencyGroups.Children) { groups[group] = Pep508List(list); }
        }

        foreach (string tool in new[] { "uv", "pdm" })
        {
            if (root.Get("tool", tool, "dev-dependencies") is { Kind: TomlNodeKind.Array } devList) { groups[$"{tool}-dev"] = Pep508List(devList); }
        }

        if (poetry is not null)
        {
            var optionalByName = new Dictionary<string, PyRequirement>(StringComparer.Ordinal);
            foreach (var (requirement, isOptional) in PoetryTable(poetry["dependencies"]))
            {
                if (isOptional) { optionalByName[requirement.NormalizedName] = requirement; } else { dependencies.Add(requirement); }
            }

            if (poetry["extras"] is { Kind: TomlNodeKind.Table } poetryExtras)
            {
                foreach (var (extra, names) in poetryExtras.Children)
                {
                    optional[extra] = [.. names.Items.Select(item => optionalByName.GetValueOrDefault(PyRequirement.NormalizeName(item.Text ?? ""))).OfType<PyRequirement>()];
                }
            }

            if (poetry["dev-dependencies"] is { } devDependencies) { groups["dev"] = [.. PoetryTable(devDependencies).Select(entry => entry.Requirement)]; }
            if (poetry["group"] is { Kind: TomlNodeKind.Table } poetryGroups)
            {
                foreach (var (group, table) in poetryGroups.Children) { groups[group] = [.. PoetryTable(table["dependencies"]).Select(entry => entry.Requirement)]; }
            }
        }

        Dependencies = dependencies;
        OptionalDependencies = optional;
        DependencyGroups = groups;
        Scripts = [.. ReadScripts(project?["scripts"], "project.scripts"), .. ReadScripts(poetry?["scripts"], "tool.poetry.scripts")];
        PythonClassifiers = [.. (project?["classifiers"] ?? poetry?["classifiers"])?.Items.Select(ClassifierVersion).OfType<PyClassifierVersion>() ?? []];
        if (root.Get("tool", "pytest", "ini_options") is { Kind: TomlNodeKind.Table } pytest)
        {
            Pytest = PytestSettings.FromToml(Path, Line(pytest.KeyStart), pytest);
        }
    }

    private void SetRequiresPython(TomlNode node)
    {
        RequiresPythonText = node.Text;
        RequiresPython = VersionSpecifier.ParseOrAny(node.Text);
        RequiresPythonAt = (Line(node.Start), node.Start, node.End);
    }

    private List<PyRequirement> Pep508List(TomlNode? list)
    {
        var result = new List<PyRequirement>();
        if (list is not { Kind: TomlNodeKind.Array }) { return result; }
        foreach (var item in list.Items.Where(item => item.Kind == TomlNodeKind.String && item.Text is not null))
        {
            if (PyRequirement.Parse(item.Text!, Path, Line(item.Start), item.Start) is { } requirement)
            {
                result.Add(requirement with { End = item.End });
            }
        }

        return result;
    }

    private IEnumerable<(PyRequirement Requirement, bool Optional)> PoetryTable(TomlNode? table)
    {
        if (table is not { Kind: TomlNodeKind.Table }) { yield break; }
        foreach (var (name, value) in table.Children)
        {
            if (name == "python") { continue; }
            string? constraint = value.Kind == TomlNodeKind.String ? value.Text : value.String("version");
            bool optional = value["optional"]?.Text == "true";
            var extras = value.StringItems("extras").Select(item => item.Text!).ToList();
            var specifier = VersionSpecifier.ParseOrAny(constraint);
            string? url = value.String("git") ?? value.String("path") ?? value.String("url");
            yield return (new PyRequirement(name, extras, specifier, constraint ?? "", value.String("markers"), url, false, 0, Path, Line(value.KeyStart), value.KeyStart, value.End), optional);
        }
    }

    private IEnumerable<PyScript> ReadScripts(TomlNode? table, string tableName)
    {
        if (table is not { Kind: TomlNodeKind.Table }) { yield break; }
        foreach (var (name, value) in table.Children)
        {
            string? target = value.Kind == TomlNodeKind.String ? value.Text : value.String("reference") ?? value.String("callable");
            if (target is null) { continue; }
            string[] parts = target.Split(':', 2);
            string? attribute = parts.Length > 1 ? parts[1].Split('[')[0].Trim() : null;
            yield return new PyScript(name, target, parts[0].Trim(), attribute, tableName, Line(value.KeyStart), value.KeyStart, value.End);
        }
    }

    private PyClassifierVersion? ClassifierVersion(TomlNode item)
    {
        const string Prefix = "Programming Language :: Python :: ";
        if (item.Text is not { } text || !text.StartsWith(Prefix, StringComparison.Ordinal)) { return null; }
        string version = text[Prefix.Length..].Trim();
        return version.Count(c => c == '.') == 1 && PyVersion.TryParse(version, out _) ? new PyClassifierVersion(version, Line(item.Start), item.Start, item.End) : null;
    }
}
