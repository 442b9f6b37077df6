using Drydock.Configuration;
using Drydock.Make.Parsing;
using Drydock.Text;

namespace Drydock.Make.Model;

/// <summary>One parsed Makefile: its statements in order, rules, variables, directives and syntax problems.</summary>
public sealed class MakefileDocument
{
    private readonly IReadOnlyDictionary<int, int> statementEnds;
    private Dictionary<string, List<MakeRule>>? targets;

    internal MakefileDocument(SourceText text, IReadOnlyList<MakeStatement> statements, IReadOnlyList<MakeProblem> problems, IReadOnlyDictionary<int, int> statementEnds)
    {
        Text = text;
        Statements = statements;
        Problems = problems;
        this.statementEnds = statementEnds;
        Rules = [.. statements.OfType<MakeRule>()];
        Assignments = [.. statements.OfType<MakeAssignment>()];
        Directives = [.. statements.OfType<MakeDirective>()];
        Variables = new MakeVariables(Assignments);
    }

    public static MakefileDocument Parse(SourceText text) => MakefileParser.Parse(text);

    public SourceText Text { get; }

    public string Path => Text.Path;

    /// <summary>The folder make runs in when it reads this file by default ("" at the repository root).</summary>
    public string Folder => Path.Contains('/', StringComparison.Ordinal) ? Path[..Path.LastIndexOf('/')] : "";

    /// <summary>
    /// A <c>*.mk</c> fragment, meant to be included: its targets, prerequisites and .PHONY declarations may live in the
    /// Makefile that includes it, so rules about missing or undeclared targets leave it alone.
    /// </summary>
    public bool IsFragment => Path.EndsWith(".mk", StringComparison.Ordinal);

    public IReadOnlyList<MakeStatement> Statements { get; }

    public IReadOnlyList<MakeRule> Rules { get; }

    public IReadOnlyList<MakeAssignment> Assignments { get; }

    public IReadOnlyList<MakeDirective> Directives { get; }

    public IReadOnlyList<MakeProblem> Problems { get; }

    public MakeVariables Variables { get; }

    public IEnumerable<MakeDirective> Includes => Directives.Where(directive => directive.Kind is DirectiveKind.Include or DirectiveKind.OptionalInclude);

    /// <summary>True when the file has <c>.ONESHELL:</c> (in any branch): every recipe then runs in one shell.</summary>
    public bool IsOneShell => Rules.Any(rule => rule.Targets.Any(target => target.Text == ".ONESHELL"));

    /// <summary>
    /// True when targets may exist that this file does not spell out: an include, <c>$(eval ...)</c>, a <c>.DEFAULT</c>
    /// rule, or a target name with a reference the expander cannot resolve. Rules about missing targets stay quiet then.
    /// </summary>
    public bool HasHiddenTargets =>
        Includes.Any() || Text.Text.Contains("$(eval", StringComparison.Ordinal) || Text.Text.Contains("${eval", StringComparison.Ordinal)
        || Rules.Any(rule => rule.Targets.Any(target => target.Text == ".DEFAULT" || (target.HasReference && Variables.Expand(target.Text) is null)));

    /// <summary>True when <c>vpath</c> or <c>VPATH</c> makes make search other folders for prerequisites.</summary>
    public bool HasSearchPath => Directives.Any(directive => directive.Kind == DirectiveKind.VPath) || Variables.IsDefined("VPATH");

    /// <summary>Every explicit target (names expanded where literal), with the rules that name it, in file order.</summary>
    public IReadOnlyDictionary<string, List<MakeRule>> Targets => targets ??= BuildTargets();

    /// <summary>
    /// What plain <c>make</c> builds: the literal <c>.DEFAULT_GOAL</c> when set, else the first target of the first rule
    /// that is not a special target (<c>.PHONY</c>...) or a pattern rule. Null when unknown (an expression) or when
    /// there is no rule.
    /// </summary>
    public string? DefaultGoal
    {
        get
        {
            var setting = Variables.AssignmentsOf(".DEFAULT_GOAL");
            if (setting.Count > 0)
            {
                return setting.Count == 1 && !setting[0].Condition.IsConditional && Variables.Expand(setting[0].Value.Trim()) is { Length: > 0 } goal ? TargetName(goal) : null;
            }

            var first = Rules.Where(rule => !rule.IsPatternRule && rule.Targets.Count > 0).Select(rule => rule.Targets[0])
                .FirstOrDefault(target => !target.Text.StartsWith('.') || target.Text.Contains('/', StringComparison.Ordinal));
            return first is null ? null : Variables.Expand(first.Text) is { } name ? TargetName(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "") : null;
        }
    }

    /// <summary>The names in <c>.PHONY</c> prerequisites (expanded where literal).</summary>
    public IReadOnlySet<string> PhonyTargets => Rules.Where(rule => rule.Targets.Any(target => target.Text == ".PHONY"))
        .SelectMany(rule => rule.Prerequisites).SelectMany(word => (Variables.Expand(word.Text) ?? word.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The pattern rules' target patterns (<c>%.o</c>), expanded where literal.</summary>
    public IEnumerable<string> TargetPatterns => Rules.Where(rule => rule.IsPatternRule).SelectMany(rule => rule.Targets).Select(target => Variables.Expand(target.Text) ?? target.Text);

    /// <summary>True when a pattern rule of this file could make <paramref name="name"/>.</summary>
    public bool PatternCouldMake(string name) => TargetPatterns.Any(pattern => PatternMatches(pattern, name));

    /// <summary>make's '%' match: the text before and after '%' must be a prefix and suffix of the name, with a non-empty stem.</summary>
    public static bool PatternMatches(string pattern, string name)
    {
        int percent = pattern.IndexOf('%', StringComparison.Ordinal);
        if (percent < 0)
        {
            return pattern == name;
        }

        string prefix = pattern[..percent], suffix = pattern[(percent + 1)..];
        if (!name.Contains('/', StringComparison.Ordinal) || prefix.Contains('/', StringComparison.Ordinal) || suffix.Contains('/', StringComparison.Ordinal))
        {
            return name.Length > prefix.Length + suffix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(suffix, StringComparison.Ordinal);
        }

        // A pattern without '/' is matched against the file name part, with the folder prepended to the stem.
        string file = name[(name.LastIndexOf('/') + 1)..];
        return file.Length > prefix.Length + suffix.Length && file.StartsWith(prefix, StringComparison.Ordinal) && file.EndsWith(suffix, StringComparison.Ordinal);
    }

    /// <summary>A file name as make compares it: a leading <c>./</c> (repeated) is dropped, so <c>./app</c> and <c>app</c> are one target.</summary>
    public static string TargetName(string name)
    {
        while (name.Length > 2 && name.StartsWith("./", StringComparison.Ordinal))
        {
            name = name[2..].TrimStart('/');
        }

        return name;
    }

    /// <summary>
    /// What the shell runs for <paramref name="line"/>: its <see cref="RecipeLine.Command"/> with the recipe prefix make
    /// drops after each backslash-newline (the backslash-newline itself is kept, the shell joins the lines) and the
    /// references make expands first (<see cref="MakeVariables.ExpandRecipe"/>; <paramref name="unknown"/> says what to put
    /// for the ones it cannot, the reference as written by default).
    /// </summary>
    public ExpandedRecipe ShellTextOf(RecipeLine line, Func<MakeReference, string>? unknown = null)
    {
        // Every line break inside a recipe line ends a backslash continuation: make drops the prefix starting the next one.
        string command = line.Command.Replace("\n" + line.Prefix, "\n", StringComparison.Ordinal);
        return Variables.ExpandRecipe(command, unknown);
    }

    /// <summary>Inline suppressions: a pragma covers the next statement, a rule with its recipe.</summary>
    public SuppressionMap Pragmas() => PragmaScanner.Scan(Text, line => statementEnds.TryGetValue(line, out int last) ? last : line);

    private Dictionary<string, List<MakeRule>> BuildTargets()
    {
        var map = new Dictionary<string, List<MakeRule>>(StringComparer.Ordinal);
        foreach (var rule in Rules.Where(rule => !rule.IsPatternRule))
        {
            foreach (var target in rule.Targets)
            {
                foreach (string name in (Variables.Expand(target.Text) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TargetName))
                {
                    (map.TryGetValue(name, out var list) ? list : map[name] = []).Add(rule);
                }
            }
        }

        return map;
    }
}
