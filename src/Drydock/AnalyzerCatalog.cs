using Drydock.Analysis;

namespace Drydock.Cli;

/// <summary>Every analyzer `drydock check` runs. Listed explicitly: NativeAOT has no assembly scanning.</summary>
internal static class AnalyzerCatalog
{
    public static IReadOnlyList<IAnalyzer> All { get; } =
    [
        new Docker.Rules.DockerfileAnalyzer(),
        new Compose.ComposeAnalyzer(),
        new Make.MakefileAnalyzer(),
        new Workflows.WorkflowAnalyzer(),
        new Python.PythonAnalyzer(),
        new CrossFile.CrossFileAnalyzer(),
    ];
}
