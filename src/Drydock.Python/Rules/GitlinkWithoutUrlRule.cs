using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Python.Model;

namespace Drydock.Python.Rules;

/// <summary>GT001: a gitlink (submodule commit) in the index that .gitmodules gives no URL for.</summary>
internal sealed class GitlinkWithoutUrlRule : IPythonRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GT001",
        "gitlink-without-url",
        Severity.Error,
        "A submodule is committed (a mode 160000 gitlink) but .gitmodules has no entry or no url for its path.",
        "A clone cannot fetch a submodule it has no URL for: `git submodule update --init` and actions/checkout with `submodules: true` (or recursive) fail with \"fatal: No url found for submodule path '<path>' in .gitmodules\", on every CI job. It usually comes from `git add` of a folder that holds its own .git.",
        "Either register the submodule (`git submodule add <url> <path>`, or add a [submodule] entry with path and url to .gitmodules), or stop tracking it: `git rm --cached <path>` and commit.");

    RuleDescriptor IPythonRule.Descriptor => Descriptor;

    public void Check(PythonProject model, FindingSink sink)
    {
        var index = model.GitIndex;
        if (!index.WasRead) { return; }
        foreach (var link in index.GitLinks)
        {
            var entry = model.GitModules?.ForPath(link.Path);
            string failure = $"fatal: No url found for submodule path '{link.Path}' in .gitmodules";
            if (entry is null)
            {
                sink.Report(Descriptor, SourceLocation.WholeFile(link.Path),
                    $"{link.Path} is committed as a submodule (gitlink 160000 at {link.CommitId[..Math.Min(12, link.CommitId.Length)]}) but .gitmodules {(model.GitModules is null ? "does not exist" : "has no entry for it")}: CI checkouts with submodules fail with \"{failure}\"",
                    evidence: $"160000 {link.CommitId} 0\t{link.Path}",
                    fixAdvice: $"Run `git rm --cached {link.Path}` and commit to stop tracking it, or register it: `git submodule add <url> {link.Path}`.");
            }
            else if (string.IsNullOrWhiteSpace(entry.Url) && model.GitModules is { } modules)
            {
                var (text, _) = model.Project.ReadText(modules.FilePath);
                if (text is null) { continue; }
                sink.Report(Descriptor, text, entry.Start, entry.End,
                    $"submodule \"{entry.Name}\" ({link.Path}) has no url in .gitmodules: CI checkouts with submodules fail with \"{failure}\"",
                    fixAdvice: $"Add `url = <repository url>` under [submodule \"{entry.Name}\"], or run `git rm --cached {link.Path}` and delete the entry.");
            }
        }
    }
}
