using Drydock.Knowledge;

namespace Drydock.Init;

public sealed record PythonImageChoice(string Python, string Tag, string Debian);

public sealed record FrameworkFact(string Callee, string Kind, string Server);

public sealed record SidecarFact(string Service, IReadOnlyList<string> Packages);

/// <summary>Knowledge/init-defaults.json: the images, versions and frameworks `drydock init` knows.</summary>
public sealed class InitDefaults
{
    public static InitDefaults Default { get; } = Load();

    public required IReadOnlyList<PythonImageChoice> PythonImages { get; init; }

    public required string PoetryVersion { get; init; }

    public required string UvImage { get; init; }

    public required int DefaultPort { get; init; }

    public required IReadOnlyList<string> Platforms { get; init; }

    public required IReadOnlyList<FrameworkFact> Frameworks { get; init; }

    public required IReadOnlyList<string> WorkerImports { get; init; }

    public required IReadOnlyList<SidecarFact> Sidecars { get; init; }

    private static InitDefaults Load()
    {
        const string file = "init-defaults.json";
        using var document = KnowledgeFile.Open(typeof(InitDefaults).Assembly, file);
        var root = document.RootElement;
        return new InitDefaults
        {
            PythonImages = [.. root.GetProperty("pythonImages").EnumerateArray().Select(image => new PythonImageChoice(
                KnowledgeFile.RequiredString(image, "python", file),
                KnowledgeFile.RequiredString(image, "tag", file),
                KnowledgeFile.RequiredString(image, "debian", file)))],
            PoetryVersion = KnowledgeFile.RequiredString(root, "poetryVersion", file),
            UvImage = KnowledgeFile.RequiredString(root, "uvImage", file),
            DefaultPort = root.GetProperty("defaultPort").GetInt32(),
            Platforms = KnowledgeFile.StringArray(root, "platforms"),
            Frameworks = [.. root.GetProperty("frameworks").EnumerateArray().Select(framework => new FrameworkFact(
                KnowledgeFile.RequiredString(framework, "callee", file),
                KnowledgeFile.RequiredString(framework, "kind", file),
                KnowledgeFile.RequiredString(framework, "server", file)))],
            WorkerImports = KnowledgeFile.StringArray(root, "workerImports"),
            Sidecars = [.. root.GetProperty("sidecars").EnumerateArray().Select(sidecar => new SidecarFact(
                KnowledgeFile.RequiredString(sidecar, "service", file),
                KnowledgeFile.StringArray(sidecar, "packages")))],
        };
    }

}
