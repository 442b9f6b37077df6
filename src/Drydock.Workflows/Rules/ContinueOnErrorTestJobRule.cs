using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA024: continue-on-error: true on a job or step that runs the tests.</summary>
public sealed class ContinueOnErrorTestJobRule : IWorkflowRule
{
    private static readonly string[] TestCommands = ["pytest", "tox", "nox", "unittest", "npm test", "npm run test", "go test", "cargo test", "make test", "mvn test", "gradle test", "dotnet test"];

    public static readonly RuleDescriptor Descriptor = new(
        "GA024",
        "continue-on-error-test-job",
        Severity.Warning,
        "continue-on-error: true on a job or step that runs the tests.",
        "Failing tests no longer fail the workflow: the check turns green, branch protection lets the change in, and the failure is only visible to whoever opens the log.",
        "Remove continue-on-error, or limit it to the experimental matrix entries: 'continue-on-error: ${{ matrix.experimental }}'.")
    {
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var file in workflows.Workflows)
        {
            foreach (var job in file.Jobs)
            {
                if (IsTrue(job.ContinueOnError) && job.Steps.FirstOrDefault(RunsTests) is { } testStep)
                {
                    sink.Report(Descriptor, file, job.ContinueOnError!.Span,
                        $"job '{job.Id.Value}' runs the tests (step '{testStep.DisplayName}') with continue-on-error: true, so failing tests do not fail the workflow");
                }

                foreach (var step in job.Steps.Where(step => IsTrue(step.ContinueOnError) && RunsTests(step)))
                {
                    sink.Report(Descriptor, file, step.ContinueOnError!.Span,
                        $"test step '{step.DisplayName}' of job '{job.Id.Value}' has continue-on-error: true, so failing tests do not fail the job");
                }
            }
        }
    }

    private static bool IsTrue(PositionedString? value) => value is { HasExpression: false } && value.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);

    private static bool RunsTests(Step step) =>
        step.Run is { } run && run.Value.Split('\n').Any(line => TestCommands.Any(command => ContainsWord(line, command)));

    private static bool ContainsWord(string line, string word)
    {
        int at = line.IndexOf(word, StringComparison.Ordinal);
        while (at >= 0)
        {
            bool startOk = at == 0 || !char.IsLetterOrDigit(line[at - 1]) && line[at - 1] != '-';
            int end = at + word.Length;
            bool endOk = end == line.Length || !char.IsLetterOrDigit(line[end]) && line[end] != '-' && line[end] != '_';
            if (startOk && endOk)
            {
                return true;
            }

            at = line.IndexOf(word, at + 1, StringComparison.Ordinal);
        }

        return false;
    }
}
