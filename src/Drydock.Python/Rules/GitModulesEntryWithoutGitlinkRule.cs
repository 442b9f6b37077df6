using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Python.Model;

namespace Drydock.Python.Rules;

/// <summary>GT002: a .gitmodules entry whose path is not a gitlink in the index.</summary>
internal sealed class GitModulesEntryWithoutGitlinkRule : IPythonRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GT002",
        "gitmodules-entry-without-gitlink",
        Severity.Warning,
        "A .gitmodules entry names a path that is not a committed submodule.",
        "git only clones submodules that are recorded in the tree as gitlinks; an entry without one is ignored, so the folder the build expects stays empty (or holds plain files that were committed instead).",
        "Add the submodule properly (`git submodule add <url> <path>`) or delete the stale entry from .gitmodules.");

    RuleDescriptor IPythonRule.Descriptor => Descriptor;

    public void Check(PythonProject model, FindingSink sink)
    {
        var index = model.GitIndex;
        if (!index.WasRead || model.GitModules is not { } modules) { return; }
        var (text, _) = model.Project.ReadText(modules.FilePath);
        if (text is null) { return; }
        var links = index.GitLinks.Select(link => link.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in modules.Submodules.Where(entry => !string.IsNullOrWhiteSpace(entry.Path) && !links.Contains(entry.Path!.Trim('/'))))
        {
            string tracked = model.Project.Files.DirectoryExists(entry.Path!.Trim('/')) && model.Project.Files.FilesUnder(entry.Path!.Trim('/')).Any()
                ? "its files are committed directly instead"
                : "nothing is committed there";
            sink.Report(Descriptor, text, entry.Start, entry.End,
                $"submodule \"{entry.Name}\" names path '{entry.Path}', but the index holds no gitlink there ({tracked}): git ignores the entry");
        }
    }
}
