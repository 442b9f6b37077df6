using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;
using YamlDotNet.RepresentationModel;

namespace Drydock.Workflows.Rules;

/// <summary>GA019: a job logs in to ghcr.io with GITHUB_TOKEN but its permissions do not grant packages: write.</summary>
public sealed class GhcrPushWithoutPackagesWriteRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA019",
        "ghcr-push-without-packages-write",
        Severity.Error,
        "A job pushes to ghcr.io with the GITHUB_TOKEN, but its permissions (or the workflow's) do not grant 'packages: write'.",
        "The push is refused ('denied: installation not allowed to Write organization package' or 'denied: permission_denied: write_package') after the whole multi-arch build has run.",
        "Grant the job 'permissions: packages: write' (with 'contents: read' for checkout).")
    {
        Fixable = true,
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var file in workflows.Workflows)
        {
            foreach (var job in file.Jobs)
            {
                var login = job.Steps.FirstOrDefault(step => step.UsesAction("docker/login-action")
                    && step.Input("registry") is { } registry
                    && file.ResolveEnv(registry.Value, job, step).Trim().StartsWith("ghcr.io", StringComparison.OrdinalIgnoreCase));
                if (login?.Input("password") is not { } password || !UsesGithubToken(password.Value))
                {
                    continue;
                }

                var permissions = job.EffectivePermissions(file);
                string level = permissions?.LevelOf("packages") ?? "default";
                if (level is "write" or "unknown")
                {
                    continue;
                }

                string why = permissions is null
                    ? "there is no permissions block, so the token gets the repository default, which is read-only for repositories and organisations created since February 2023"
                    : ReferenceEquals(permissions, file.Permissions)
                        ? $"the workflow's top-level permissions give packages '{level}'"
                        : $"the job's permissions give packages '{level}'";
                sink.Report(Descriptor, file, password.Span,
                    $"job '{job.Id.Value}' logs in to ghcr.io with the GITHUB_TOKEN, but {why}; the push will be denied",
                    fix: FixFor(file, job, permissions));
            }
        }
    }

    private static bool UsesGithubToken(string value) =>
        value.Contains("secrets.GITHUB_TOKEN", StringComparison.OrdinalIgnoreCase) || value.Contains("github.token", StringComparison.OrdinalIgnoreCase);

    private static Fix? FixFor(WorkflowFile file, Job job, Permissions? permissions)
    {
        string newLine = file.Text.NewLine;
        if (permissions is { Node: YamlMappingNode { Style: not YamlDotNet.Core.Events.MappingStyle.Flow } }
            && permissions.Scopes.Count > 0)
        {
            var existing = permissions.Scopes.FirstOrDefault(scope => scope.Key.Value == "packages");
            if (existing?.Scalar is { } value)
            {
                return WorkflowReporting.Replace(file, value.Span, "write", "grant packages: write", safe: true);
            }

            var last = permissions.Scopes[^1];
            int lineEnd = LineEnd(file, TextSpan.Of(last.Value).End);
            string indent = WorkflowReporting.IndentAt(file, last.Key.Span.Start);
            return WorkflowReporting.Replace(file, new TextSpan(lineEnd, lineEnd), newLine + indent + "packages: write", "grant packages: write", safe: true);
        }

        if (permissions is null && job.Node.Children.Count > 0)
        {
            // A new block narrows every other scope to none, so keep checkout working and call it unsafe.
            var firstKey = job.Node.Children.Keys.First();
            int start = TextSpan.Of(firstKey).Start;
            string indent = WorkflowReporting.IndentAt(file, start);
            int lineStart = file.Text.LineStart(file.Text.Position(start).Line);
            string block = $"{indent}permissions:{newLine}{indent}  contents: read{newLine}{indent}  packages: write{newLine}";
            return WorkflowReporting.Replace(file, new TextSpan(lineStart, lineStart), block, "add job permissions contents: read, packages: write", safe: false);
        }

        return null;
    }

    private static int LineEnd(WorkflowFile file, int offset)
    {
        var (line, _) = file.Text.Position(Math.Max(0, offset - 1));
        int start = file.Text.LineStart(line);
        return start + file.Text.Line(line).Length;
    }
}
