using Drydock.Text;
using Drydock.Workflows.Parsing;
using YamlDotNet.RepresentationModel;

namespace Drydock.Workflows.Model;

public enum WorkflowFileKind
{
    Workflow,
    CompositeAction,
}

/// <summary>A workflow (<c>.github/workflows/*.yml</c>) or a local composite action (<c>action.yml</c>).</summary>
public sealed class WorkflowFile
{
    internal WorkflowFile(string path, WorkflowFileKind kind, SourceText text, YamlMappingNode root)
    {
        Path = path;
        Kind = kind;
        Text = text;
        Root = root;
    }

    public string Path { get; }

    public WorkflowFileKind Kind { get; }

    public SourceText Text { get; }

    public YamlMappingNode Root { get; }

    public PositionedString? Name { get; internal set; }

    /// <summary>The <c>on:</c> value node, or null when the key is absent.</summary>
    public YamlNode? OnNode { get; internal set; }

    public IReadOnlyList<EventTrigger> Events { get; internal set; } = [];

    public Permissions? Permissions { get; internal set; }

    public IReadOnlyList<KeyValue> Env { get; internal set; } = [];

    public IReadOnlyList<Job> Jobs { get; internal set; } = [];

    /// <summary>A composite action's <c>inputs:</c> names (empty for workflows; see <see cref="EventTrigger.Inputs"/>).</summary>
    public IReadOnlyList<PositionedString> ActionInputs { get; internal set; } = [];

    /// <summary>A composite action's <c>runs.using</c>.</summary>
    public PositionedString? ActionRunsUsing { get; internal set; }

    /// <summary>A composite action's steps (a workflow's steps live in its jobs).</summary>
    public IReadOnlyList<Step> ActionSteps { get; internal set; } = [];

    /// <summary>Every <c>${{ }}</c> of the file and every bare <c>if:</c> condition, parsed.</summary>
    public IReadOnlyList<ExpressionSite> Expressions { get; internal set; } = [];

    public Job? FindJob(string id) => Jobs.FirstOrDefault(job => job.Id.Value == id);

    public EventTrigger? FindEvent(string name) => Events.FirstOrDefault(trigger => trigger.Name.Value == name);

    public bool IsTriggeredBy(string eventName) => FindEvent(eventName) is not null;

    /// <summary>
    /// The file span of a piece of a scalar's value: found in the scalar's source text, so that it is exact for
    /// plain, quoted and block scalars alike (as long as the piece has no escapes or line folds in it).
    /// </summary>
    public TextSpan Locate(PositionedString scalar, int valueOffset, int length)
    {
        valueOffset = Math.Clamp(valueOffset, 0, scalar.Value.Length);
        length = Math.Clamp(length, 0, scalar.Value.Length - valueOffset);
        string needle = scalar.Value.Substring(valueOffset, length);
        int end = Math.Min(Text.Text.Length, Math.Max(scalar.Span.End, scalar.Span.Start));
        if (needle.Length == 0 || end <= scalar.Span.Start)
        {
            return new TextSpan(scalar.Span.Start, scalar.Span.Start);
        }

        int before = 0;
        for (int at = scalar.Value.IndexOf(needle, StringComparison.Ordinal); at >= 0 && at < valueOffset; at = scalar.Value.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            before++;
        }

        int found = -1;
        int from = scalar.Span.Start;
        for (int k = 0; k <= before; k++)
        {
            found = Text.Text.IndexOf(needle, from, end - from, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            from = found + 1;
        }

        return found < 0 ? new TextSpan(scalar.Span.Start, scalar.Span.End) : new TextSpan(found, found + needle.Length);
    }

    /// <summary>
    /// The value with each <c>${{ env.NAME }}</c> replaced by a literal env value from the step, job or workflow
    /// (the nearest wins, as at run time); other expressions stay as they are.
    /// </summary>
    public string ResolveEnv(string value, Job? job, Step? step)
    {
        foreach (var template in ExpressionTemplates.Find(value).Reverse())
        {
            string inner = template.Inner.Trim();
            if (!template.Closed || !inner.StartsWith("env.", StringComparison.Ordinal))
            {
                continue;
            }

            string name = inner[4..];
            var entry = (step?.Env ?? []).Concat(job?.Env ?? []).Concat(Env).FirstOrDefault(item => item.Key.Value == name);
            if (entry?.Scalar is { HasExpression: false } literal)
            {
                value = string.Concat(value.AsSpan(0, template.Start), literal.Value, value.AsSpan(template.End));
            }
        }

        return value;
    }

    /// <summary>Every step of the file with its job (null for a composite action's steps).</summary>
    public IEnumerable<(Job? Job, Step Step)> AllSteps() =>
        Jobs.SelectMany(job => job.Steps.Select(step => ((Job?)job, step))).Concat(ActionSteps.Select(step => ((Job?)null, step)));
}

/// <summary>A key with its value node, e.g. one <c>env:</c> entry.</summary>
public sealed record KeyValue(PositionedString Key, YamlNode Value)
{
    public PositionedString? Scalar => PositionedString.From(Value);
}

/// <summary>One event under <c>on:</c> with its filters.</summary>
public sealed class EventTrigger
{
    internal EventTrigger(PositionedString name, YamlNode? node)
    {
        Name = name;
        Node = node;
    }

    public PositionedString Name { get; }

    /// <summary>The event's configuration mapping (or sequence for schedule), null for a bare event name.</summary>
    public YamlNode? Node { get; }

    public IReadOnlyList<PositionedString> Types { get; internal set; } = [];

    /// <summary>branches, branches-ignore, tags, tags-ignore, paths, paths-ignore: the patterns of each.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PositionedString>> Filters { get; internal set; } = new Dictionary<string, IReadOnlyList<PositionedString>>();

    /// <summary>The cron strings of a schedule event.</summary>
    public IReadOnlyList<PositionedString> Crons { get; internal set; } = [];

    /// <summary>workflow_dispatch / workflow_call input names.</summary>
    public IReadOnlyList<PositionedString> Inputs { get; internal set; } = [];
}

/// <summary><c>permissions:</c> at the workflow or job level.</summary>
public sealed class Permissions
{
    internal Permissions(YamlNode node, PositionedString? shorthand, IReadOnlyList<KeyValue> scopes)
    {
        Node = node;
        Shorthand = shorthand;
        Scopes = scopes;
    }

    public YamlNode Node { get; }

    /// <summary><c>read-all</c> or <c>write-all</c> (or an expression), when permissions is a scalar.</summary>
    public PositionedString? Shorthand { get; }

    public IReadOnlyList<KeyValue> Scopes { get; }

    /// <summary>
    /// The access level the token has for a scope under these permissions: "write", "read" or "none".
    /// Once any scope is listed, unlisted scopes are "none", as GitHub documents.
    /// </summary>
    public string LevelOf(string scope)
    {
        if (Shorthand is not null)
        {
            return Shorthand.Value switch { "write-all" => "write", "read-all" => "read", _ => "unknown" };
        }

        var entry = Scopes.FirstOrDefault(item => item.Key.Value == scope);
        return entry?.Scalar?.Value ?? "none";
    }
}

public sealed class Job
{
    internal Job(PositionedString id, YamlMappingNode node)
    {
        Id = id;
        Node = node;
    }

    public PositionedString Id { get; }

    public YamlMappingNode Node { get; }

    public PositionedString? Name { get; internal set; }

    public RunsOn? RunsOn { get; internal set; }

    public IReadOnlyList<PositionedString> Needs { get; internal set; } = [];

    public PositionedString? If { get; internal set; }

    public Matrix? Matrix { get; internal set; }

    public PositionedString? ContinueOnError { get; internal set; }

    public Permissions? Permissions { get; internal set; }

    public IReadOnlyList<KeyValue> Env { get; internal set; } = [];

    public IReadOnlyList<KeyValue> Outputs { get; internal set; } = [];

    public YamlNode? Container { get; internal set; }

    public YamlNode? Services { get; internal set; }

    public IReadOnlyList<Step> Steps { get; internal set; } = [];

    /// <summary>A call of a reusable workflow (<c>jobs.x.uses</c>), which has no steps.</summary>
    public PositionedString? Uses { get; internal set; }

    public PositionedString? TimeoutMinutes { get; internal set; }

    public string DisplayName => Name is { HasExpression: false } name ? $"{Id.Value} ({name.Value})" : Id.Value;

    /// <summary>The permissions in effect: the job's own, else the workflow's, else null (repository default).</summary>
    public Permissions? EffectivePermissions(WorkflowFile file) => Permissions ?? file.Permissions;
}

/// <summary><c>runs-on:</c> a label, a list of labels, or <c>{ group, labels }</c>.</summary>
public sealed record RunsOn(YamlNode Node, IReadOnlyList<PositionedString> Labels, PositionedString? Group)
{
    public bool IsSelfHosted => Labels.Any(label => label.Value.Equals("self-hosted", StringComparison.OrdinalIgnoreCase));
}

/// <summary><c>strategy.matrix</c>.</summary>
public sealed class Matrix
{
    internal Matrix(YamlNode node)
    {
        Node = node;
    }

    public YamlNode Node { get; }

    /// <summary>True when the whole matrix (or its rows) comes from an expression, so its values are unknown.</summary>
    public bool IsDynamic { get; internal set; }

    public IReadOnlyList<MatrixRow> Rows { get; internal set; } = [];

    public IReadOnlyList<MatrixCombination> Include { get; internal set; } = [];

    public IReadOnlyList<MatrixCombination> Exclude { get; internal set; } = [];

    /// <summary>Every key a combination can have: the rows, plus keys that include adds.</summary>
    public IEnumerable<string> Keys => Rows.Select(row => row.Name.Value).Concat(Include.SelectMany(item => item.Entries.Select(entry => entry.Key.Value))).Distinct(StringComparer.Ordinal);

    public MatrixRow? Row(string name) => Rows.FirstOrDefault(row => row.Name.Value == name);
}

/// <summary>One matrix axis, e.g. <c>python-version: ["3.9", "3.10"]</c>.</summary>
public sealed record MatrixRow(PositionedString Name, YamlNode Node, IReadOnlyList<YamlNode> Values, bool IsDynamic);

/// <summary>One item of include or exclude.</summary>
public sealed record MatrixCombination(YamlNode Node, IReadOnlyList<KeyValue> Entries);

public sealed class Step
{
    internal Step(int index, YamlMappingNode node)
    {
        Index = index;
        Node = node;
    }

    /// <summary>0-based position in the job.</summary>
    public int Index { get; }

    public YamlMappingNode Node { get; }

    public PositionedString? Id { get; internal set; }

    public PositionedString? Name { get; internal set; }

    public ActionReference? Uses { get; internal set; }

    public IReadOnlyList<KeyValue> With { get; internal set; } = [];

    public YamlNode? WithNode { get; internal set; }

    public PositionedString? Run { get; internal set; }

    public PositionedString? Shell { get; internal set; }

    public IReadOnlyList<KeyValue> Env { get; internal set; } = [];

    public PositionedString? If { get; internal set; }

    public PositionedString? WorkingDirectory { get; internal set; }

    public PositionedString? ContinueOnError { get; internal set; }

    public PositionedString? Input(string name) => With.FirstOrDefault(entry => entry.Key.Value == name)?.Scalar;

    public bool HasInput(string name) => With.Any(entry => entry.Key.Value == name);

    /// <summary>True when the step uses the action (owner/repo, case-insensitive), any version.</summary>
    public bool UsesAction(string slug) => Uses?.Slug.Equals(slug, StringComparison.OrdinalIgnoreCase) ?? false;

    /// <summary>Where to point a finding about the whole step: its <c>uses:</c> or <c>run:</c>, else the step.</summary>
    public TextSpan Anchor => (Uses?.Source.Span ?? Run?.Span ?? Id?.Span) is { } span ? span : TextSpan.Of(Node);

    public string DisplayName => Name?.Value ?? Id?.Value ?? Uses?.Source.Value ?? $"step {Index + 1}";
}

/// <summary>A <c>${{ }}</c> template (or a bare <c>if:</c> condition) with where it sits and its parse.</summary>
public sealed record ExpressionSite(
    WorkflowFile File,
    Job? Job,
    Step? Step,
    string Field,
    PositionedString Value,
    ExpressionTemplate? Template,
    string Text,
    TextSpan Span,
    ExprNode? Tree,
    ExpressionError? Error)
{
    /// <summary>File span of an expression-relative range (e.g. a node of <see cref="Tree"/>).</summary>
    public TextSpan SpanOf(int start, int end)
    {
        int offset = Template?.InnerStart ?? 0;
        var located = File.Locate(Value, offset + start, Math.Max(1, end - start));
        return located;
    }

    public bool IsIn(string fieldPrefix) => Field == fieldPrefix || Field.StartsWith(fieldPrefix + ".", StringComparison.Ordinal);
}
