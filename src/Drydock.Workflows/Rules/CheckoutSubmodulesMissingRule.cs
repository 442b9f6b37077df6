using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA029: the repository has submodules, but actions/checkout does not fetch them.</summary>
public sealed class CheckoutSubmodulesMissingRule : IWorkflowRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA029",
        "checkout-submodules-missing",
        Severity.Warning,
        "The repository has a .gitmodules file, but an actions/checkout step does not set 'submodules:'.",
        "actions/checkout leaves submodule folders empty by default: builds and tests that read them fail with missing files or imports, on CI only.",
        "Add 'submodules: recursive' (or 'true') to the checkout step, or 'submodules: false' to say the job does not need them.")
    {
        Fixable = true,
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        if (!project.Files.FileExists(".gitmodules"))
        {
            return;
        }

        foreach (var file in workflows.Files)
        {
            foreach (var (job, step) in file.AllSteps())
            {
                if (!step.UsesAction("actions/checkout") || step.HasInput("submodules") || step.Uses!.Major is < 2)
                {
                    continue;
                }

                sink.Report(Descriptor, file, step.Uses.Source.Span,
                    $"the repository has submodules (.gitmodules) but checkout step '{step.DisplayName}'{(job is null ? "" : $" of job '{job.Id.Value}'")} does not fetch them",
                    fix: FixFor(file, step));
            }
        }
    }

    private static Fix? FixFor(WorkflowFile file, Step step)
    {
        if (step.WithNode is not null || step.Uses is null)
        {
            return null;
        }

        // Insert 'with: submodules: recursive' after the uses: line, at the indent of the step's keys.
        var usesSpan = step.Uses.Source.Span;
        var (line, _) = file.Text.Position(usesSpan.Start);
        int lineEnd = file.Text.LineStart(line) + file.Text.Line(line).Length;
        var firstKey = step.Node.Children.Keys.First();
        var (_, column) = file.Text.Position(TextSpan.Of(firstKey).Start);
        string indent = new(' ', column - 1);
        string nl = file.Text.NewLine;
        return WorkflowReporting.Replace(file, new TextSpan(lineEnd, lineEnd), $"{nl}{indent}with:{nl}{indent}  submodules: recursive", "fetch submodules", safe: false);
    }
}
