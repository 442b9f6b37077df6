using System.Text.Json;
using Drydock.Knowledge;

namespace Drydock.Python.Model;

/// <summary>The Python part's data files (Knowledge/*.json), loaded once.</summary>
public sealed class PythonKnowledge
{
    private static readonly Lazy<PythonKnowledge> Instance = new(Load);

    private PythonKnowledge(
        IReadOnlySet<string> stdlib,
        IReadOnlyDictionary<string, IReadOnlyList<string>> importNames,
        IReadOnlySet<string> alwaysAvailable,
        IReadOnlySet<string> testExtras,
        IReadOnlyList<string> pythonFiles,
        IReadOnlyList<string> pythonClasses,
        IReadOnlyList<string> pythonFunctions,
        IReadOnlyList<string> noRecurseDirs,
        IReadOnlySet<string> pytestValueOptions)
    {
        Stdlib = stdlib;
        ImportNames = importNames;
        AlwaysAvailableToTests = alwaysAvailable;
        TestExtras = testExtras;
        DefaultPythonFiles = pythonFiles;
        DefaultPythonClasses = pythonClasses;
        DefaultPythonFunctions = pythonFunctions;
        DefaultNoRecurseDirs = noRecurseDirs;
        PytestValueOptions = pytestValueOptions;
    }

    public static PythonKnowledge Default => Instance.Value;

    /// <summary>Top-level standard library modules of CPython 3.9-3.13.</summary>
    public IReadOnlySet<string> Stdlib { get; }

    /// <summary>Import name -> normalized distribution names, where they differ (yaml -> pyyaml).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ImportNames { get; }

    public IReadOnlySet<string> AlwaysAvailableToTests { get; }

    /// <summary>Extras a CI test job usually installs (test, dev...): imports from them are not optional for tests.</summary>
    public IReadOnlySet<string> TestExtras { get; }

    public IReadOnlyList<string> DefaultPythonFiles { get; }

    public IReadOnlyList<string> DefaultPythonClasses { get; }

    public IReadOnlyList<string> DefaultPythonFunctions { get; }

    public IReadOnlyList<string> DefaultNoRecurseDirs { get; }

    /// <summary>pytest options that take a value as the next word (-k EXPR, --ignore PATH...).</summary>
    public IReadOnlySet<string> PytestValueOptions { get; }

    /// <summary>The distributions that may provide a top-level import name: the mapped ones plus the name itself.</summary>
    public IEnumerable<string> DistributionsFor(string importName)
    {
        if (ImportNames.TryGetValue(importName, out var mapped)) { foreach (string name in mapped) { yield return name; } }
        yield return Packaging.PyRequirement.NormalizeName(importName);
    }

    private static PythonKnowledge Load()
    {
        var assembly = typeof(PythonKnowledge).Assembly;
        using var stdlib = KnowledgeFile.Open(assembly, "python-stdlib.json");
        using var imports = KnowledgeFile.Open(assembly, "import-names.json");
        using var pytest = KnowledgeFile.Open(assembly, "pytest-defaults.json");
        var names = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in imports.RootElement.GetProperty("imports").EnumerateObject())
        {
            names[property.Name] = [.. property.Value.EnumerateArray().Select(item => item.GetString() ?? "")];
        }

        static HashSet<string> Set(JsonElement element, string property) => new(KnowledgeFile.StringArray(element, property), StringComparer.Ordinal);
        return new PythonKnowledge(
            Set(stdlib.RootElement, "modules"),
            names,
            Set(imports.RootElement, "alwaysAvailableToTests"),
            Set(imports.RootElement, "testExtras"),
            KnowledgeFile.StringArray(pytest.RootElement, "python_files"),
            KnowledgeFile.StringArray(pytest.RootElement, "python_classes"),
            KnowledgeFile.StringArray(pytest.RootElement, "python_functions"),
            KnowledgeFile.StringArray(pytest.RootElement, "norecursedirs"),
            Set(pytest.RootElement, "valueOptions"));
    }
}
