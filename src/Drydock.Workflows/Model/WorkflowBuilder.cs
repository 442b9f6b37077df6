using Drydock.Text;
using Drydock.Workflows.Parsing;
using Drydock.Yaml;
using YamlDotNet.RepresentationModel;

namespace Drydock.Workflows.Model;

/// <summary>
/// Turns a parsed YAML document into the typed workflow model. It never fails on odd shapes: a key with a
/// value of the wrong kind is left out of the model (the unknown-key rule reads the raw nodes for that).
/// Walks are bounded by a <see cref="YamlWalkBudget"/> so that nested aliases cannot blow up.
/// </summary>
internal sealed class WorkflowBuilder
{
    private readonly WorkflowFile file;
    private readonly YamlWalkBudget budget;
    private readonly List<ExpressionSite> expressions = [];

    private WorkflowBuilder(WorkflowFile file, YamlWalkBudget budget)
    {
        this.file = file;
        this.budget = budget;
    }

    public static WorkflowFile Build(string path, WorkflowFileKind kind, SourceText text, YamlMappingNode root, YamlWalkBudget budget)
    {
        var file = new WorkflowFile(path, kind, text, root);
        var builder = new WorkflowBuilder(file, budget);
        if (kind == WorkflowFileKind.Workflow)
        {
            builder.BuildWorkflow();
        }
        else
        {
            builder.BuildAction();
        }

        file.Expressions = builder.expressions;
        return file;
    }

    private IReadOnlyList<KeyValuePair<string, YamlNode>> Entries(YamlMappingNode mapping) => YamlNodes.Entries(mapping, budget);

    private static PositionedString KeyOf(YamlMappingNode mapping, string key, YamlNode value) =>
        mapping.KeyNode(key) is { } node ? new PositionedString(key, TextSpan.Of(node), node) : new PositionedString(key, TextSpan.Of(value), value);

    private void BuildWorkflow()
    {
        var root = file.Root;
        foreach (var (key, value) in Entries(root))
        {
            switch (key)
            {
                case "name":
                    file.Name = PositionedString.From(value);
                    break;
                case "on":
                    file.OnNode = value;
                    file.Events = Events(value);
                    CollectExpressions(value, "on", null, null);
                    break;
                case "permissions":
                    file.Permissions = PermissionsOf(value);
                    break;
                case "env":
                    file.Env = Pairs(value);
                    CollectExpressions(value, "env", null, null);
                    break;
                case "jobs" when value is YamlMappingNode jobs:
                    file.Jobs = [.. Entries(jobs).Where(entry => entry.Value is YamlMappingNode).Select(entry => BuildJob(KeyOf(jobs, entry.Key, entry.Value), (YamlMappingNode)entry.Value))];
                    break;
                default:
                    CollectExpressions(value, key, null, null);
                    break;
            }
        }
    }

    private void BuildAction()
    {
        foreach (var (key, value) in Entries(file.Root))
        {
            switch (key)
            {
                case "name":
                    file.Name = PositionedString.From(value);
                    break;
                case "inputs" when value is YamlMappingNode inputs:
                    file.ActionInputs = [.. Entries(inputs).Select(entry => KeyOf(inputs, entry.Key, entry.Value))];
                    break;
                case "runs" when value is YamlMappingNode runs:
                    file.ActionRunsUsing = PositionedString.From(runs.Get("using"));
                    if (runs.Get("steps") is YamlSequenceNode steps)
                    {
                        file.ActionSteps = BuildSteps(steps, null);
                    }

                    break;
                default:
                    CollectExpressions(value, key, null, null);
                    break;
            }
        }
    }

    private List<EventTrigger> Events(YamlNode node)
    {
        var events = new List<EventTrigger>();
        switch (node)
        {
            case YamlScalarNode scalar when PositionedString.From(scalar) is { } name:
                events.Add(new EventTrigger(name, null));
                break;
            case YamlSequenceNode sequence:
                events.AddRange(sequence.Children.Select(PositionedString.From).OfType<PositionedString>().Select(name => new EventTrigger(name, null)));
                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in Entries(mapping))
                {
                    events.Add(EventOf(KeyOf(mapping, key, value), value));
                }

                break;
        }

        return events;
    }

    private EventTrigger EventOf(PositionedString name, YamlNode value)
    {
        var trigger = new EventTrigger(name, value.IsNull() ? null : value);
        if (name.Value == "schedule" && value is YamlSequenceNode schedules)
        {
            trigger.Crons = [.. schedules.Children.OfType<YamlMappingNode>().Select(item => PositionedString.From(item.Get("cron"))).OfType<PositionedString>()];
            return trigger;
        }

        if (value is not YamlMappingNode mapping)
        {
            return trigger;
        }

        var filters = new Dictionary<string, IReadOnlyList<PositionedString>>(StringComparer.Ordinal);
        foreach (var (key, item) in Entries(mapping))
        {
            switch (key)
            {
                case "types":
                    trigger.Types = Strings(item);
                    break;
                case "branches" or "branches-ignore" or "tags" or "tags-ignore" or "paths" or "paths-ignore":
                    filters[key] = Strings(item);
                    break;
                case "inputs" when item is YamlMappingNode inputs:
                    trigger.Inputs = [.. Entries(inputs).Select(entry => KeyOf(inputs, entry.Key, entry.Value))];
                    break;
            }
        }

        trigger.Filters = filters;
        return trigger;
    }

    private static List<PositionedString> Strings(YamlNode? node) => node switch
    {
        YamlSequenceNode sequence => [.. sequence.Children.Select(PositionedString.From).OfType<PositionedString>()],
        YamlScalarNode scalar when PositionedString.From(scalar) is { } single => [single],
        _ => [],
    };

    private List<KeyValue> Pairs(YamlNode? node) =>
        node is YamlMappingNode mapping ? [.. Entries(mapping).Select(entry => new KeyValue(KeyOf(mapping, entry.Key, entry.Value), entry.Value))] : [];

    private Permissions? PermissionsOf(YamlNode node) => node switch
    {
        YamlScalarNode scalar => new Permissions(node, PositionedString.From(scalar) ?? new PositionedString("", TextSpan.Of(scalar), scalar), []),
        YamlMappingNode => new Permissions(node, null, Pairs(node)),
        _ => null,
    };

    private Job BuildJob(PositionedString id, YamlMappingNode node)
    {
        var job = new Job(id, node);
        foreach (var (key, value) in Entries(node))
        {
            string field = key;
            switch (key)
            {
                case "name": job.Name = PositionedString.From(value); break;
                case "runs-on": job.RunsOn = RunsOnOf(value); break;
                case "needs": job.Needs = Strings(value); break;
                case "if":
                    job.If = PositionedString.From(value);
                    AddCondition(job.If, job, null);
                    continue;
                case "strategy" when value is YamlMappingNode strategy && strategy.Get("matrix") is { } matrix:
                    job.Matrix = MatrixOf(matrix);
                    break;
                case "continue-on-error": job.ContinueOnError = PositionedString.From(value); break;
                case "permissions": job.Permissions = PermissionsOf(value); break;
                case "env": job.Env = Pairs(value); break;
                case "outputs": job.Outputs = Pairs(value); break;
                case "container": job.Container = value; break;
                case "services": job.Services = value; break;
                case "uses": job.Uses = PositionedString.From(value); break;
                case "timeout-minutes": job.TimeoutMinutes = PositionedString.From(value); break;
                case "steps" when value is YamlSequenceNode steps:
                    job.Steps = BuildSteps(steps, job);
                    continue;
            }

            CollectExpressions(value, field, job, null);
        }

        return job;
    }

    private static RunsOn? RunsOnOf(YamlNode node) => node switch
    {
        YamlScalarNode or YamlSequenceNode => new RunsOn(node, Strings(node), null),
        YamlMappingNode mapping => new RunsOn(node, Strings(mapping.Get("labels")), PositionedString.From(mapping.Get("group"))),
        _ => null,
    };

    private Matrix MatrixOf(YamlNode node)
    {
        var matrix = new Matrix(node);
        if (node is not YamlMappingNode mapping)
        {
            matrix.IsDynamic = true;
            return matrix;
        }

        var rows = new List<MatrixRow>();
        foreach (var (key, value) in Entries(mapping))
        {
            switch (key)
            {
                case "include":
                    matrix.Include = Combinations(value, out bool dynamicInclude);
                    matrix.IsDynamic |= dynamicInclude;
                    break;
                case "exclude":
                    matrix.Exclude = Combinations(value, out bool dynamicExclude);
                    matrix.IsDynamic |= dynamicExclude;
                    break;
                default:
                    var name = KeyOf(mapping, key, value);
                    rows.Add(value is YamlSequenceNode values
                        ? new MatrixRow(name, value, [.. values.Children], values.Children.Any(item => item.ScalarValue()?.Contains("${{", StringComparison.Ordinal) ?? false))
                        : new MatrixRow(name, value, [], IsDynamic: true));
                    break;
            }
        }

        matrix.Rows = rows;
        return matrix;
    }

    private List<MatrixCombination> Combinations(YamlNode node, out bool dynamic)
    {
        dynamic = node is not YamlSequenceNode;
        return node is YamlSequenceNode sequence
            ? [.. sequence.Children.OfType<YamlMappingNode>().Select(item => new MatrixCombination(item, Pairs(item)))]
            : [];
    }

    private List<Step> BuildSteps(YamlSequenceNode sequence, Job? job)
    {
        var steps = new List<Step>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode node || !budget.Spend())
            {
                continue;
            }

            var step = new Step(steps.Count, node);
            foreach (var (key, value) in Entries(node))
            {
                switch (key)
                {
                    case "id": step.Id = PositionedString.From(value); break;
                    case "name": step.Name = PositionedString.From(value); break;
                    case "uses" when PositionedString.From(value) is { } uses: step.Uses = ActionReference.Parse(uses); break;
                    case "with":
                        step.WithNode = value;
                        step.With = Pairs(value);
                        break;
                    case "run": step.Run = PositionedString.From(value); break;
                    case "shell": step.Shell = PositionedString.From(value); break;
                    case "env": step.Env = Pairs(value); break;
                    case "if":
                        step.If = PositionedString.From(value);
                        AddCondition(step.If, job, step);
                        continue;
                    case "working-directory": step.WorkingDirectory = PositionedString.From(value); break;
                    case "continue-on-error": step.ContinueOnError = PositionedString.From(value); break;
                }

                CollectExpressions(value, key, job, step);
            }

            steps.Add(step);
        }

        return steps;
    }

    /// <summary><c>if:</c> is an expression even without <c>${{ }}</c>.</summary>
    private void AddCondition(PositionedString? condition, Job? job, Step? step)
    {
        if (condition is null)
        {
            return;
        }

        if (condition.HasExpression)
        {
            AddTemplates(condition, "if", job, step);
            return;
        }

        var tree = ExpressionParser.Parse(condition.Value, out var error);
        expressions.Add(new ExpressionSite(file, job, step, "if", condition, null, condition.Value, condition.Span, tree, error));
    }

    private void CollectExpressions(YamlNode node, string field, Job? job, Step? step)
    {
        if (!budget.Spend())
        {
            return;
        }

        switch (node)
        {
            case YamlScalarNode scalar when PositionedString.From(scalar) is { HasExpression: true } value:
                AddTemplates(value, field, job, step);
                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    CollectExpressions(child, field, job, step);
                }

                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in Entries(mapping))
                {
                    if (PositionedString.From(mapping.KeyNode(key)) is { HasExpression: true } keyText)
                    {
                        AddTemplates(keyText, field, job, step);
                    }

                    CollectExpressions(value, field + "." + key, job, step);
                }

                break;
        }
    }

    private void AddTemplates(PositionedString value, string field, Job? job, Step? step)
    {
        foreach (var template in ExpressionTemplates.Find(value.Value))
        {
            var span = file.Locate(value, template.Start, template.End - template.Start);
            if (!template.Closed)
            {
                expressions.Add(new ExpressionSite(file, job, step, field, value, template, template.Inner, span, null, new ExpressionError("'${{' is not closed with '}}'", 0)));
                continue;
            }

            var tree = ExpressionParser.Parse(template.Inner, out var error);
            expressions.Add(new ExpressionSite(file, job, step, field, value, template, template.Inner, span, tree, error));
        }
    }
}
