using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows;

/// <summary>One GA rule: its descriptor and a check over the workflow model.</summary>
public interface IWorkflowRule
{
    RuleDescriptor Rule { get; }

    void Check(WorkflowSet workflows, Project project, FindingSink sink);
}
