namespace Drydock.Findings;

/// <summary>What a rule's findings are about. Derived from the rule id's prefix.</summary>
public enum RuleKind
{
    Dockerfile,
    Compose,
    Workflow,
    Python,
    Git,
    Image,
    Log,
    Makefile,
}

/// <summary>
/// A rule's metadata, kept apart from the logic that finds problems (as Roslyn's DiagnosticDescriptor is).
/// The id is stable forever; the name is the kebab-case handle people type in configs and docs.
/// </summary>
public sealed record RuleDescriptor
{
    public RuleDescriptor(string id, string name, Severity severity, string summary, string why, string fixAdvice)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name;
        DefaultSeverity = severity;
        Summary = summary;
        Why = why;
        FixAdvice = fixAdvice;
        Kind = KindOf(id);
    }

    public string Id { get; }

    public string Name { get; }

    public Severity DefaultSeverity { get; }

    /// <summary>One line: what the rule finds.</summary>
    public string Summary { get; }

    /// <summary>Why the problem matters: what breaks, and when.</summary>
    public string Why { get; }

    /// <summary>The general fix; a finding may give a more precise one.</summary>
    public string FixAdvice { get; }

    public RuleKind Kind { get; }

    /// <summary>The same check in other tools (hadolint DL3008, actionlint's "deprecated-commands", ...).</summary>
    public IReadOnlyList<string> Equivalents { get; init; } = [];

    /// <summary>True when at least one finding of this rule can carry a machine-applicable fix.</summary>
    public bool Fixable { get; init; }

    public string DocPath => $"docs/rules/{Id}.md";

    public static RuleKind KindOf(string id)
    {
        if (id.Length < 3)
        {
            throw new ArgumentException($"rule id '{id}' is too short", nameof(id));
        }

        return id[..2] switch
        {
            "DF" => RuleKind.Dockerfile,
            "DC" => RuleKind.Compose,
            "GA" => RuleKind.Workflow,
            "PY" => RuleKind.Python,
            "GT" => RuleKind.Git,
            "IM" => RuleKind.Image,
            "LG" => RuleKind.Log,
            "MK" => RuleKind.Makefile,
            _ => throw new ArgumentException($"rule id '{id}' has no known prefix (DF, DC, GA, PY, GT, IM, LG, MK)", nameof(id)),
        };
    }
}
