namespace Drydock.Testing;

/// <summary>Finds the repository root (the folder holding Drydock.slnx) from a test's output folder.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>../shared beside the repository: the schemas the tests validate against.</summary>
    public static string Shared(params string[] parts) => System.IO.Path.Combine([System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, "..", "shared")), .. parts]);

    private static string Find()
    {
        string? compiledIn = typeof(RepoRoot).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "DrydockRepoRoot")?.Value;
        if (compiledIn is not null && File.Exists(System.IO.Path.Combine(compiledIn, "Drydock.slnx")))
        {
            return compiledIn;
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Drydock.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Drydock.slnx not found above " + AppContext.BaseDirectory);
    }
}
