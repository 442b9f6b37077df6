namespace Drydock.Discovery;

/// <summary>What a repository file is, decided from its name and place alone (no contents are read).</summary>
public enum FileKind
{
    Other,
    Dockerfile,
    DockerIgnore,
    Compose,
    DotEnv,
    Workflow,
    CompositeAction,
    Python,
    PyProject,
    Requirements,
    SetupCfg,
    PytestIni,
    ToxIni,
    GitModules,
    Makefile,
}

public static class FileClassifier
{
    /// <summary>Classify a '/' separated path relative to the repository root.</summary>
    public static FileKind Classify(string relativePath)
    {
        int slash = relativePath.LastIndexOf('/');
        string name = slash < 0 ? relativePath : relativePath[(slash + 1)..];
        string directory = slash < 0 ? "" : relativePath[..slash];
        string lower = name.ToLowerInvariant();

        if (IsDockerfileName(name))
        {
            return FileKind.Dockerfile;
        }

        if (lower == ".dockerignore" || lower.EndsWith(".dockerignore", StringComparison.Ordinal))
        {
            return FileKind.DockerIgnore;
        }

        if (IsComposeName(lower))
        {
            return FileKind.Compose;
        }

        if ((lower.EndsWith(".yml", StringComparison.Ordinal) || lower.EndsWith(".yaml", StringComparison.Ordinal))
            && (directory == ".github/workflows" || directory.EndsWith("/.github/workflows", StringComparison.Ordinal)))
        {
            return FileKind.Workflow;
        }

        return lower switch
        {
            "action.yml" or "action.yaml" => FileKind.CompositeAction,
            ".env" => FileKind.DotEnv,
            "pyproject.toml" => FileKind.PyProject,
            "setup.cfg" => FileKind.SetupCfg,
            "pytest.ini" => FileKind.PytestIni,
            "tox.ini" => FileKind.ToxIni,
            ".gitmodules" => FileKind.GitModules,
            "makefile" or "gnumakefile" => FileKind.Makefile,
            _ when lower.EndsWith(".py", StringComparison.Ordinal) || lower.EndsWith(".pyi", StringComparison.Ordinal) => FileKind.Python,
            _ when lower.EndsWith(".mk", StringComparison.Ordinal) => FileKind.Makefile,
            _ when IsRequirementsName(lower) => FileKind.Requirements,
            _ => FileKind.Other,
        };
    }

    /// <summary>Dockerfile, Containerfile, *.Dockerfile, Dockerfile.* (but not Dockerfile.md and friends).</summary>
    public static bool IsDockerfileName(string name)
    {
        string lower = name.ToLowerInvariant();
        if (lower is "dockerfile" or "containerfile")
        {
            return true;
        }

        if (lower.EndsWith(".dockerfile", StringComparison.Ordinal) || lower.EndsWith(".containerfile", StringComparison.Ordinal))
        {
            return true;
        }

        if (lower.StartsWith("dockerfile.", StringComparison.Ordinal) || lower.StartsWith("containerfile.", StringComparison.Ordinal))
        {
            string suffix = lower[(lower.IndexOf('.') + 1)..];
            return suffix is not ("md" or "txt" or "rst" or "orig" or "bak" or "swp" or "dockerignore" or "lock" or "json" or "yml" or "yaml" or "sh" or "py");
        }

        return false;
    }

    private static bool IsComposeName(string lower) =>
        lower is "compose.yaml" or "compose.yml" or "docker-compose.yml" or "docker-compose.yaml"
        || ((lower.StartsWith("compose.", StringComparison.Ordinal) || lower.StartsWith("docker-compose.", StringComparison.Ordinal))
            && (lower.EndsWith(".yml", StringComparison.Ordinal) || lower.EndsWith(".yaml", StringComparison.Ordinal)));

    private static bool IsRequirementsName(string lower) =>
        lower.EndsWith(".txt", StringComparison.Ordinal)
        && (lower.StartsWith("requirements", StringComparison.Ordinal) || lower.EndsWith("-requirements.txt", StringComparison.Ordinal) || lower.EndsWith("_requirements.txt", StringComparison.Ordinal));
}
