using Drydock.Findings;

namespace Drydock.Analysis;

/// <summary>
/// One family of rules over one kind of model (Dockerfiles, compose files, workflows, Python...),
/// or a cross-file family over several. An analyzer asks the <see cref="Project"/> for the parsed models
/// it needs (parsed once, shared) and reports findings to the sink. It never reads files itself.
/// </summary>
public interface IAnalyzer
{
    /// <summary>Every rule this analyzer can report, so that `drydock rules` and the docs test see them.</summary>
    IReadOnlyList<RuleDescriptor> Rules { get; }

    void Analyze(Project project, FindingSink sink);
}
