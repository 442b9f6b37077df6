namespace Drydock.Python.Packaging;

/// <summary>
/// pytest's ini options from one configuration file (pytest.ini [pytest], pyproject.toml [tool.pytest.ini_options],
/// tox.ini [pytest], setup.cfg [tool:pytest]). Null lists mean "not set": pytest's defaults apply.
/// </summary>
public sealed record PytestSettings(
    string ConfigFile,
    int Line,
    IReadOnlyList<string>? Testpaths,
    IReadOnlyList<string>? PythonFiles,
    IReadOnlyList<string>? PythonClasses,
    IReadOnlyList<string>? PythonFunctions,
    IReadOnlyList<string>? NoRecurseDirs,
    string? Addopts)
{
    public string Directory => ConfigFile.Contains('/') ? ConfigFile[..ConfigFile.LastIndexOf('/')] : "";

    internal static PytestSettings FromIni(string file, IniSection section)
    {
        IReadOnlyList<string>? Words(string key) => section[key] is { } entry
            ? [.. entry.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)]
            : null;
        return new PytestSettings(file, section.Line, Words("testpaths"), Words("python_files"), Words("python_classes"), Words("python_functions"), Words("norecursedirs"), section["addopts"]?.Value);
    }

    internal static PytestSettings FromToml(string file, int line, TomlNode table)
    {
        IReadOnlyList<string>? Words(string key) => table[key] switch
        {
            { Kind: TomlNodeKind.Array } array => [.. array.Items.Where(item => item.Text is not null).Select(item => item.Text!)],
            { Kind: TomlNodeKind.String, Text: { } text } => [.. text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)],
            _ => null,
        };
        string? addopts = table["addopts"] switch
        {
            { Kind: TomlNodeKind.Array } array => string.Join(' ', array.Items.Select(item => item.Text)),
            { Text: { } text } => text,
            _ => null,
        };
        return new PytestSettings(file, line, Words("testpaths"), Words("python_files"), Words("python_classes"), Words("python_functions"), Words("norecursedirs"), addopts);
    }
}
