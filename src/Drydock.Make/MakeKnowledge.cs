using Drydock.Knowledge;

namespace Drydock.Make;

/// <summary>The Makefile part's data files (Knowledge/*.json), read once.</summary>
public sealed class MakeKnowledge
{
    private static readonly Lazy<MakeKnowledge> Shared = new(Load);

    private MakeKnowledge(IReadOnlySet<string> conventionalPhonyTargets)
    {
        ConventionalPhonyTargets = conventionalPhonyTargets;
    }

    public static MakeKnowledge Default => Shared.Value;

    /// <summary>Target names that by convention name an action (test, build, docs...), not a file.</summary>
    public IReadOnlySet<string> ConventionalPhonyTargets { get; }

    private static MakeKnowledge Load()
    {
        using var document = KnowledgeFile.Open(typeof(MakeKnowledge).Assembly, "conventional-phony-targets.json");
        var targets = KnowledgeFile.StringArray(document.RootElement, "targets");
        if (targets.Count == 0 || targets.Any(string.IsNullOrWhiteSpace))
        {
            throw new KnowledgeException("conventional-phony-targets.json: 'targets' must be a non-empty array of names");
        }

        return new MakeKnowledge(targets.ToHashSet(StringComparer.Ordinal));
    }
}
