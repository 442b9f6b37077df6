using Drydock.Analysis;
using Drydock.Findings;

namespace Drydock.CrossFile.Tests;

/// <summary>Runs only the given cross-file rules, for tests that must not depend on the others.</summary>
internal sealed class RulesAnalyzer(params ICrossFileRule[] rules) : IAnalyzer
{
    public IReadOnlyList<RuleDescriptor> Rules { get; } = [.. rules.Select(rule => rule.Descriptor)];

    public void Analyze(Project project, FindingSink sink)
    {
        var context = new CrossFileContext(project, sink);
        foreach (var rule in rules)
        {
            rule.Check(context);
        }
    }
}
