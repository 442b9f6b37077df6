using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Testing;
using Drydock.Workflows;

namespace Drydock.Workflows.Tests;

/// <summary>Runs the workflow analyzer over a folder the way the engine does (pragmas and config applied).</summary>
internal static class WorkflowCheck
{
    public static IReadOnlyList<Finding> Run(string root, WorkflowAnalyzer? analyzer = null)
    {
        var project = Project.Open(root);
        var sink = new FindingSink();
        (analyzer ?? new WorkflowAnalyzer()).Analyze(project, sink);
        return CheckEngine.Filter(project, sink.Findings, []).Findings;
    }

    public static string CasesPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Cases", .. parts]);

    /// <summary>
    /// A single-file case becomes .github/workflows/&lt;name&gt;.yml of a fresh tree; '# with-file: path'
    /// lines create the empty files it needs (a .gitmodules, say).
    /// </summary>
    public static TempTree TreeFor(string caseFile)
    {
        var tree = new TempTree();
        string text = File.ReadAllText(caseFile);
        tree.Write(".github/workflows/" + Path.GetFileName(caseFile), text);
        foreach (string line in text.Split('\n'))
        {
            const string marker = "# with-file:";
            if (line.StartsWith(marker, StringComparison.Ordinal))
            {
                tree.Write(line[marker.Length..].Trim(), "");
            }
        }

        return tree;
    }
}
