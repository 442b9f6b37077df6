using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.CrossFile.Rules.Workflows;

/// <summary>GA046: actions/checkout fetches submodules while a gitlink of the repository has no .gitmodules url.</summary>
public sealed class CheckoutSubmoduleWithoutUrlRule : IWorkflowCrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA046",
        "checkout-submodule-without-url",
        Severity.Error,
        "actions/checkout sets 'submodules: true' or 'recursive', but a submodule committed in the repository (a gitlink) has no url in .gitmodules.",
        "The checkout step runs `git submodule update --init`, which stops at the first gitlink it cannot fetch: \"fatal: No url found for submodule path '<path>' in .gitmodules\". The job fails at its first step, on every runner and every matrix entry.",
        "Register the submodule (`git submodule add <url> <path>`, or a [submodule] entry with path and url in .gitmodules), or stop tracking it (`git rm --cached <path>`); set 'submodules: false' only if the job needs no submodule.");

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        var checkouts = context.Workflows.Files
            .SelectMany(file => file.AllSteps().Select(pair => (File: file, pair.Job, pair.Step)))
            .Where(item => WorkflowJobs.IsCheckoutOfThisRepository(item.Step) && item.Step.Input("submodules") is { } value
                && value.Value.Trim().ToLowerInvariant() is "true" or "recursive")
            .ToList();
        if (checkouts.Count == 0)
        {
            return;
        }

        var python = context.Python;
        if (!python.GitIndex.WasRead)
        {
            return;
        }

        var broken = python.GitIndex.GitLinks.Where(link => python.GitModules?.ForPath(link.Path) is not { Url: { } url } || string.IsNullOrWhiteSpace(url)).ToList();
        if (broken.Count == 0)
        {
            return;
        }

        string paths = string.Join(", ", broken.Select(link => link.Path));
        string cause = python.GitModules is null ? "there is no .gitmodules" : ".gitmodules has no url for it";
        foreach (var (file, job, step) in checkouts)
        {
            var submodules = step.Input("submodules")!;
            context.Sink.Report(Descriptor, file, submodules.Span,
                $"checkout step '{step.DisplayName}'{(job is null ? "" : $" of job '{job.Id.Value}'")} fetches submodules ({submodules.Value}), but {paths} {(broken.Count == 1 ? "is a gitlink" : "are gitlinks")} of the repository and {cause}: the step fails with \"fatal: No url found for submodule path '{broken[0].Path}' in .gitmodules\"",
                fixAdvice: $"Run `git rm --cached {broken[0].Path}` and commit if the folder is not meant to be a submodule, or register it with `git submodule add <url> {broken[0].Path}`.");
        }
    }
}
