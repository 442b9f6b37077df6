using System.Text.RegularExpressions;
using Drydock.Findings;

namespace Drydock.Logs.Signatures;

/// <summary>The kind of root cause, as the issue names them.</summary>
public static class SignatureCategories
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "compilation", "test", "dependency", "environment", "configuration", "infrastructure", "lint", "security",
    };
}

/// <summary>How matches of a signature are combined.</summary>
public enum SignatureAggregation
{
    /// <summary>The first match explains the failure.</summary>
    First,

    /// <summary>Lint output: every match counted per file (named groups "file" and "code").</summary>
    PerFile,
}

/// <summary>
/// A known root cause, read from <c>Knowledge/log-signatures.json</c>. A line is tried only when it holds one of
/// the <see cref="Anchors"/> (exact, case-sensitive substrings: a vectorised search rules out almost every
/// line); then each pattern runs with a timeout.
/// </summary>
public sealed class Signature
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Title { get; init; }

    /// <summary>A one-line message with {group} placeholders filled from the pattern's named groups.</summary>
    public required string Message { get; init; }

    public required string Category { get; init; }

    public required string Cause { get; init; }

    public required string Fix { get; init; }

    public required double Confidence { get; init; }

    /// <summary>A line that only says something failed ("make: *** Error 1"): used when nothing better explains it.</summary>
    public bool Symptom { get; init; }

    public required IReadOnlyList<string> Anchors { get; init; }

    public required IReadOnlyList<Regex> Patterns { get; init; }

    /// <summary>Lines before the match that belong to the chunk at most (contiguous, same step).</summary>
    public int Before { get; init; }

    /// <summary>Lines after the match that belong to the chunk at most.</summary>
    public int After { get; init; }

    /// <summary>When set, the chunk starts at the nearest line above that matches it (a traceback header), within 80 lines.</summary>
    public Regex? StartAt { get; init; }

    /// <summary>When set, the chunk ends at the first line below that matches it (inclusive), within <see cref="After"/>.</summary>
    public Regex? EndAt { get; init; }

    /// <summary>When set, the chunk ends before the first line below that matches it (a summary that follows the explanation).</summary>
    public Regex? StopAt { get; init; }

    public SignatureAggregation Aggregation { get; init; }

    /// <summary>Whether blank lines inside the after-context keep the chunk open (jest, RSpec and PHPUnit space their blocks).</summary>
    public bool KeepBlankLines { get; init; }

    /// <summary>The signature to report instead when the match sits inside a Docker build step (exec format error -> missing QEMU).</summary>
    public string? InDockerBuild { get; init; }

    /// <summary>For per-file lint output whose entries follow a file header line (eslint's stylish format).</summary>
    public Regex? FileHeader { get; init; }

    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>Example lines the patterns must match, and lines they must not (checked by the data tests).</summary>
    public IReadOnlyList<string> Matches { get; init; } = [];

    public IReadOnlyList<string> Ignores { get; init; } = [];

    public IReadOnlyList<string> References { get; init; } = [];

    public RuleDescriptor Descriptor => descriptor ??= new RuleDescriptor(Id, Name, Severity.Error, Title, Cause, Fix);

    private RuleDescriptor? descriptor;

    /// <summary>The first pattern that matches, or null. Lines without an anchor never reach the regexes.</summary>
    public Match? TryMatch(string content)
    {
        foreach (var pattern in Patterns)
        {
            try
            {
                var match = pattern.Match(content);
                if (match.Success)
                {
                    return match;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological line: treat as no match rather than stall the scan.
            }
        }

        return null;
    }

    public bool HasAnchorIn(ReadOnlySpan<char> line)
    {
        foreach (string anchor in Anchors)
        {
            if (line.Contains(anchor, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The message with {name} placeholders filled from a match's groups; unknown ones become "?".</summary>
    public string FormatMessage(Match? match) => FillPlaceholders(Message, name => match?.Groups[name] is { Success: true } group ? group.Value.Trim() : null);

    public static string FillPlaceholders(string template, Func<string, string?> value)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var builder = new System.Text.StringBuilder(template.Length + 32);
        int i = 0;
        while (i < template.Length)
        {
            int open = template.IndexOf('{', i);
            int close = open < 0 ? -1 : template.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                builder.Append(template, i, template.Length - i);
                break;
            }

            builder.Append(template, i, open - i);
            builder.Append(value(template[(open + 1)..close]) ?? "?");
            i = close + 1;
        }

        return builder.ToString();
    }
}
