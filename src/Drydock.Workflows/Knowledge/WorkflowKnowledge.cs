using System.Text.Json;
using Drydock.Knowledge;

namespace Drydock.Workflows.Knowledge;

public sealed record ActionDeprecation(string Action, IReadOnlyList<int> Majors, string Status, string Date, string Replacement, bool FixSafe, string Message, string Note)
{
    public bool IsRetired => Status == "retired";
}

public sealed record CommandDeprecation(string Command, string Date, string Replacement, string Message);

public sealed record ActionInput(string Name, bool Required, string? Default);

public sealed record ActionMetadata(string Action, IReadOnlyList<int> Majors, IReadOnlyList<ActionInput> Inputs, IReadOnlyList<string> Outputs)
{
    public ActionInput? Input(string name) => Inputs.FirstOrDefault(input => input.Name == name);
}

public sealed record RunnerLabel(string Label, string Arch);

public sealed record RetiredRunner(string Label, string Date, string Replacement);

public sealed record WebhookEvent(string Name, IReadOnlyList<string> Types, IReadOnlyList<string> Filters);

public sealed record ExpressionFunction(string Name, int Min, int Max);

/// <summary>The workflow part's versioned data files, loaded once.</summary>
public static class WorkflowKnowledge
{
    private static readonly Lazy<(IReadOnlyList<ActionDeprecation>, IReadOnlyList<CommandDeprecation>)> Deprecations = new(LoadDeprecations);
    private static readonly Lazy<IReadOnlyList<ActionMetadata>> Popular = new(LoadPopular);
    private static readonly Lazy<(IReadOnlyList<RunnerLabel>, IReadOnlyList<RetiredRunner>, IReadOnlyList<string>)> Runners = new(LoadRunners);
    private static readonly Lazy<IReadOnlyList<WebhookEvent>> EventList = new(LoadEvents);
    private static readonly Lazy<(IReadOnlyList<string>, IReadOnlyList<ExpressionFunction>, IReadOnlyList<string>)> Expressions = new(LoadExpressions);
    private static readonly Lazy<(IReadOnlyDictionary<string, IReadOnlySet<string>>, IReadOnlyList<string>, IReadOnlyList<string>)> Keys = new(LoadKeys);

    public static IReadOnlyList<ActionDeprecation> ActionDeprecations => Deprecations.Value.Item1;

    public static IReadOnlyList<CommandDeprecation> CommandDeprecations => Deprecations.Value.Item2;

    public static IReadOnlyList<ActionMetadata> PopularActions => Popular.Value;

    public static IReadOnlyList<RunnerLabel> HostedRunners => Runners.Value.Item1;

    public static IReadOnlyList<RetiredRunner> RetiredRunners => Runners.Value.Item2;

    public static IReadOnlyList<string> SelfHostedLabels => Runners.Value.Item3;

    public static IReadOnlyList<WebhookEvent> Events => EventList.Value;

    public static IReadOnlyList<string> Contexts => Expressions.Value.Item1;

    public static IReadOnlyList<ExpressionFunction> Functions => Expressions.Value.Item2;

    public static IReadOnlyList<string> UntrustedInputs => Expressions.Value.Item3;

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> SectionKeys => Keys.Value.Item1;

    public static IReadOnlyList<string> PermissionScopes => Keys.Value.Item2;

    public static IReadOnlyList<string> PermissionLevels => Keys.Value.Item3;

    public static ActionMetadata? Metadata(string slug) =>
        PopularActions.FirstOrDefault(action => action.Action.Equals(slug, StringComparison.OrdinalIgnoreCase));

    /// <summary>The action's metadata when it covers that major version (inputs change between majors), else null.</summary>
    public static ActionMetadata? Metadata(string slug, int major) =>
        Metadata(slug) is { } metadata && metadata.Majors.Contains(major) ? metadata : null;

    public static ActionDeprecation? Deprecation(string slug, int major) =>
        ActionDeprecations.FirstOrDefault(entry => entry.Action.Equals(slug, StringComparison.OrdinalIgnoreCase) && entry.Majors.Contains(major));

    private static JsonDocument Open(string name) => KnowledgeFile.Open(typeof(WorkflowKnowledge).Assembly, name);

    private static JsonElement.ArrayEnumerator Array(JsonElement root, string property, string file) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new KnowledgeException($"{file}: '{property}' must be an array");

    private static (IReadOnlyList<ActionDeprecation>, IReadOnlyList<CommandDeprecation>) LoadDeprecations()
    {
        const string file = "action-deprecations.json";
        using var document = Open(file);
        var actions = new List<ActionDeprecation>();
        foreach (var entry in Array(document.RootElement, "actions", file))
        {
            string action = KnowledgeFile.RequiredString(entry, "action", file);
            var majors = entry.TryGetProperty("majors", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(item => item.GetInt32()).ToList()
                : throw new KnowledgeException($"{file} {action}: 'majors' must be an array of numbers");
            actions.Add(new ActionDeprecation(
                action,
                majors,
                KnowledgeFile.RequiredString(entry, "status", file),
                KnowledgeFile.RequiredString(entry, "date", file),
                KnowledgeFile.RequiredString(entry, "replacement", file),
                entry.TryGetProperty("fixSafe", out var safe) && safe.ValueKind == JsonValueKind.True,
                KnowledgeFile.RequiredString(entry, "message", file),
                KnowledgeFile.RequiredString(entry, "note", file)));
        }

        var commands = Array(document.RootElement, "commands", file).Select(entry => new CommandDeprecation(
            KnowledgeFile.RequiredString(entry, "command", file),
            KnowledgeFile.RequiredString(entry, "date", file),
            KnowledgeFile.RequiredString(entry, "replacement", file),
            KnowledgeFile.RequiredString(entry, "message", file))).ToList();
        return (actions, commands);
    }

    private static IReadOnlyList<ActionMetadata> LoadPopular()
    {
        const string file = "popular-actions.json";
        using var document = Open(file);
        var result = new List<ActionMetadata>();
        foreach (var entry in Array(document.RootElement, "actions", file))
        {
            string action = KnowledgeFile.RequiredString(entry, "action", file);
            var majors = Array(entry, "majors", file).Select(item => item.GetInt32()).ToList();
            var inputs = Array(entry, "inputs", file).Select(input => new ActionInput(
                KnowledgeFile.RequiredString(input, "name", $"{file} {action}"),
                input.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.True,
                input.TryGetProperty("default", out var value) ? value.GetString() : null)).ToList();
            result.Add(new ActionMetadata(action, majors, inputs, KnowledgeFile.StringArray(entry, "outputs")));
        }

        return result;
    }

    private static (IReadOnlyList<RunnerLabel>, IReadOnlyList<RetiredRunner>, IReadOnlyList<string>) LoadRunners()
    {
        const string file = "runner-labels.json";
        using var document = Open(file);
        var root = document.RootElement;
        var hosted = Array(root, "hosted", file).Select(item => new RunnerLabel(KnowledgeFile.RequiredString(item, "label", file), KnowledgeFile.RequiredString(item, "arch", file))).ToList();
        var retired = Array(root, "retired", file).Select(item => new RetiredRunner(
            KnowledgeFile.RequiredString(item, "label", file), KnowledgeFile.RequiredString(item, "date", file), KnowledgeFile.RequiredString(item, "replacement", file))).ToList();
        var selfHosted = Array(root, "selfHosted", file).Select(item => KnowledgeFile.RequiredString(item, "label", file)).ToList();
        return (hosted, retired, selfHosted);
    }

    private static IReadOnlyList<WebhookEvent> LoadEvents()
    {
        const string file = "webhook-events.json";
        using var document = Open(file);
        return Array(document.RootElement, "events", file).Select(item => new WebhookEvent(
            KnowledgeFile.RequiredString(item, "name", file), KnowledgeFile.StringArray(item, "types"), KnowledgeFile.StringArray(item, "filters"))).ToList();
    }

    private static (IReadOnlyList<string>, IReadOnlyList<ExpressionFunction>, IReadOnlyList<string>) LoadExpressions()
    {
        const string file = "expression-contexts.json";
        using var document = Open(file);
        var root = document.RootElement;
        var functions = Array(root, "functions", file).Select(item => new ExpressionFunction(
            KnowledgeFile.RequiredString(item, "name", file), item.GetProperty("min").GetInt32(), item.GetProperty("max").GetInt32())).ToList();
        return (KnowledgeFile.StringArray(root, "contexts"), functions, KnowledgeFile.StringArray(root, "untrusted"));
    }

    private static (IReadOnlyDictionary<string, IReadOnlySet<string>>, IReadOnlyList<string>, IReadOnlyList<string>) LoadKeys()
    {
        const string file = "workflow-keys.json";
        using var document = Open(file);
        var root = document.RootElement;
        var sections = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var section in root.GetProperty("sections").EnumerateObject())
        {
            sections[section.Name] = new HashSet<string>(section.Value.EnumerateArray().Select(item => item.GetString() ?? ""), StringComparer.Ordinal);
        }

        return (sections, KnowledgeFile.StringArray(root, "permissionScopes"), KnowledgeFile.StringArray(root, "permissionLevels"));
    }
}
