using Drydock.Analysis;
using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>
/// The DF rules that read Dockerfiles alone. Parses every Dockerfile once (through <see cref="DockerfileSet"/>),
/// reports unreadable and malformed files as DF000, and walks each document once for the rules listed in
/// <see cref="DockerfileRules.All"/>.
/// </summary>
public sealed class DockerfileAnalyzer : IAnalyzer
{
    private readonly IReadOnlyList<DockerfileRule> rules;

    public DockerfileAnalyzer()
        : this(DockerfileRules.All)
    {
    }

    public DockerfileAnalyzer(IReadOnlyList<DockerfileRule> rules)
    {
        this.rules = rules;
        Rules = [DockerfileParseErrorRule.Descriptor, .. rules.Select(rule => rule.Rule)];
    }

    public IReadOnlyList<RuleDescriptor> Rules { get; }

    public void Analyze(Project project, FindingSink sink)
    {
        var set = project.Model(DockerfileSet.Build);
        foreach (var unreadable in set.Unreadable)
        {
            DockerfileParseErrorRule.Report(sink, unreadable);
        }

        Parallel.ForEach(set.Documents, document => Check(project, set, document, sink));
    }

    private void Check(Project project, DockerfileSet set, DockerfileDocument document, FindingSink sink)
    {
        var context = new DockerfileContext(project, set, document, sink);
        DockerfileParseErrorRule.Report(context);
        // Index loops: a foreach over the IReadOnlyList properties would allocate an enumerator per rule and document.
        var stages = document.Stages;
        var instructions = document.Instructions;
        foreach (var rule in rules)
        {
            rule.VisitDocument(context);
            for (int index = 0; index < stages.Count; index++)
            {
                rule.VisitStage(context, stages[index]);
            }

            for (int index = 0; index < instructions.Count; index++)
            {
                rule.Dispatch(context, instructions[index]);
            }
        }
    }
}
