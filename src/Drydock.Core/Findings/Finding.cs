namespace Drydock.Findings;

/// <summary>One problem found: which rule, where, what, the proof, why it matters, and how to fix it.</summary>
public sealed record Finding
{
    public required RuleDescriptor Rule { get; init; }

    public required Severity Severity { get; init; }

    public required SourceLocation Location { get; init; }

    /// <summary>One line, specific to this occurrence.</summary>
    public required string Message { get; init; }

    /// <summary>The text that proves it: the offending source line(s), log lines, or image facts.</summary>
    public string Evidence { get; init; } = "";

    public string Why { get; init; } = "";

    /// <summary>What to do, in words. Always present; <see cref="Fix"/> is the machine-applicable form when safe.</summary>
    public string FixAdvice { get; init; } = "";

    public Fix? Fix { get; init; }

    public IReadOnlyList<RelatedLocation> Related { get; init; } = [];

    public string RuleId => Rule.Id;
}
