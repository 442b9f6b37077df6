using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Knowledge;
using Drydock.Workflows.Model;
using Drydock.Yaml;
using YamlDotNet.RepresentationModel;

namespace Drydock.Workflows.Rules;

/// <summary>GA001: a key that the workflow syntax does not define (a typo such as runs_on).</summary>
public sealed class UnknownKeyRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA001",
        "unknown-key",
        Severity.Error,
        "A workflow, job, step or action key that the workflow syntax does not define.",
        "GitHub rejects the whole workflow file with 'Unexpected value' for an unknown key, so not one job runs.",
        "Correct the key's spelling or remove it.")
    {
        Equivalents = ["actionlint syntax-check"],
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var file in workflows.Files)
        {
            if (file.Kind == WorkflowFileKind.CompositeAction)
            {
                CheckKeys(file, file.Root, "action", "the action", sink);
                if (file.Root.Get("runs") is YamlMappingNode runs)
                {
                    CheckKeys(file, runs, "action.runs", "runs", sink);
                }

                foreach (var step in file.ActionSteps)
                {
                    CheckKeys(file, step.Node, "step", $"step '{step.DisplayName}'", sink);
                }

                continue;
            }

            CheckKeys(file, file.Root, "workflow", "the workflow", sink);
            CheckSection(file, file.Root.Get("defaults"), "defaults", "defaults", sink);
            CheckSection(file, file.Root.Get("concurrency"), "concurrency", "concurrency", sink);
            CheckPermissions(file, file.Permissions, sink);
            foreach (var job in file.Jobs)
            {
                string where = $"job '{job.Id.Value}'";
                CheckKeys(file, job.Node, "job", where, sink);
                CheckSection(file, job.Node.Get("strategy"), "strategy", where + " strategy", sink);
                CheckSection(file, job.Node.Get("defaults"), "defaults", where + " defaults", sink);
                CheckSection(file, job.Node.Get("concurrency"), "concurrency", where + " concurrency", sink);
                CheckSection(file, job.Container, "container", where + " container", sink);
                CheckSection(file, job.RunsOn?.Node, "runs-on", where + " runs-on", sink);
                CheckSection(file, job.Node.Get("environment"), "environment", where + " environment", sink);
                CheckPermissions(file, job.Permissions, sink);
                if (job.Services is YamlMappingNode services)
                {
                    foreach (var (name, service) in YamlNodes.Entries(services))
                    {
                        CheckSection(file, service, "service", $"service '{name}'", sink);
                    }
                }

                foreach (var step in job.Steps)
                {
                    CheckKeys(file, step.Node, "step", $"step '{step.DisplayName}' of {where}", sink);
                }
            }
        }
    }

    private static void CheckSection(WorkflowFile file, YamlNode? node, string section, string where, FindingSink sink)
    {
        if (node is YamlMappingNode mapping)
        {
            CheckKeys(file, mapping, section, where, sink);
            if (section == "defaults" && mapping.Get("run") is YamlMappingNode run)
            {
                CheckKeys(file, run, "defaults.run", where + " run", sink);
            }
        }
    }

    private static void CheckKeys(WorkflowFile file, YamlMappingNode mapping, string section, string where, FindingSink sink)
    {
        var known = WorkflowKnowledge.SectionKeys[section];
        foreach (var key in mapping.Children.Keys.OfType<YamlScalarNode>())
        {
            string name = key.Value ?? "";
            if (name == "<<" || known.Contains(name))
            {
                continue;
            }

            sink.Report(Descriptor, file, TextSpan.Of(key), $"unknown key '{name}' in {where}{WorkflowReporting.Suggest(name, known)}");
        }
    }

    private static void CheckPermissions(WorkflowFile file, Permissions? permissions, FindingSink sink)
    {
        if (permissions is null)
        {
            return;
        }

        if (permissions.Shorthand is { HasExpression: false } shorthand && shorthand.Value is not ("read-all" or "write-all" or ""))
        {
            sink.Report(Descriptor, file, shorthand.Span, $"permissions '{shorthand.Value}' is not valid: use 'read-all', 'write-all' or a mapping of scopes");
        }

        foreach (var scope in permissions.Scopes)
        {
            if (!WorkflowKnowledge.PermissionScopes.Contains(scope.Key.Value))
            {
                sink.Report(Descriptor, file, scope.Key.Span, $"unknown permission scope '{scope.Key.Value}'{WorkflowReporting.Suggest(scope.Key.Value, WorkflowKnowledge.PermissionScopes)}");
            }
            else if (scope.Scalar is { HasExpression: false } level && !WorkflowKnowledge.PermissionLevels.Contains(level.Value))
            {
                sink.Report(Descriptor, file, level.Span, $"permission level '{level.Value}' of '{scope.Key.Value}' is not valid: use read, write or none");
            }
        }
    }
}
