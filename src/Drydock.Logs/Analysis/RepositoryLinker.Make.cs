using System.Globalization;
using System.Text.RegularExpressions;
using Drydock.Discovery;
using Drydock.Findings;
using Drydock.Logs.Model;
using Drydock.Logs.Signatures;

namespace Drydock.Logs.Analysis;

/// <summary>
/// make failures linked into the repository. The signature's named groups say what the log names:
/// <c>makefile</c> + <c>makeline</c> a Makefile position ("Makefile:12: *** missing separator"), <c>goal</c> a goal
/// make was asked for (linked to the workflow step or RUN line that asks), <c>rule</c> (+ <c>prerequisite</c>) a
/// target of the Makefile (linked to its rule). Paths are resolved from where make ran: the step's
/// working-directory or the Dockerfile's folder, then a <c>cd</c>, <c>-C</c> and <c>-f</c> of the make call.
/// </summary>
internal sealed partial class RepositoryLinker
{
    private static readonly string[] DefaultMakefileNames = ["GNUmakefile", "makefile", "Makefile"];

    /// <summary>Where make was called: the file and its make calls (with lines), and the folder the script starts in.</summary>
    private sealed record MakeSite(string File, IReadOnlyList<MakeCall> Calls, string? Folder);

    private void LinkMake(Diagnosis diagnosis, SourceLocation? instruction, SourceLocation? workflowStep, List<RelatedLocation> related)
    {
        // The diagnosis's own signature, else a symptom matched in its chunk ("make: *** [Makefile:8: test] Error 2" under
        // a general diagnosis still names the recipe's line).
        var groups = new[] { diagnosis.RuleId }.Concat(diagnosis.AlsoMatched)
            .Select(id => catalog.ById.GetValueOrDefault(id) is { } signature ? MatchedGroups(signature, diagnosis.Evidence.Lines) : null)
            .FirstOrDefault(found => found is not null);
        if (groups is null)
        {
            return;
        }

        var site = (workflowStep is null ? null : WorkflowSite(workflowStep)) ?? (instruction is null ? null : DockerSite(instruction));
        if (groups.TryGetValue("makefile", out string? makefile) && groups.TryGetValue("makeline", out string? makeline)
            && int.TryParse(makeline, NumberStyles.None, CultureInfo.InvariantCulture, out int line)
            && ResolveMakefileLine(makefile, line, site) is { } path)
        {
            Add(related, new RelatedLocation(new SourceLocation(path, line), $"the Makefile line make names ({makefile}:{line})"));
        }

        if (groups.TryGetValue("goal", out string? goal) && site is not null)
        {
            LinkGoal(goal, site, related);
        }

        if (groups.TryGetValue("rule", out string? rule) && MakefileOf(site) is { } rulePath && RuleLine(rulePath, rule, groups.GetValueOrDefault("prerequisite")) is { } ruleLine)
        {
            string why = groups.TryGetValue("prerequisite", out string? prerequisite) ? $"the rule for '{rule}' needs '{prerequisite}'" : $"the rule for '{rule}'";
            Add(related, new RelatedLocation(new SourceLocation(rulePath, ruleLine), why));
        }
    }

    /// <summary>The named groups of the first evidence line the signature matches, or null when no line does.</summary>
    private static Dictionary<string, string>? MatchedGroups(Signature signature, IReadOnlyList<string> lines)
    {
        foreach (string line in lines)
        {
            if (!signature.HasAnchorIn(line) || signature.TryMatch(line) is not { } match)
            {
                continue;
            }

            var groups = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Group group in match.Groups)
            {
                if (group.Success && !char.IsAsciiDigit(group.Name[0]) && group.Value.Length > 0)
                {
                    groups[group.Name] = group.Value;
                }
            }

            return groups.ContainsKey("makefile") || groups.ContainsKey("goal") || groups.ContainsKey("rule") ? groups : null;
        }

        return null;
    }

    /// <summary>The line of the make call that asks for the goal (where GA047 and DF060 report), or the call with no goal.</summary>
    private static void LinkGoal(string goal, MakeSite site, List<RelatedLocation> related)
    {
        foreach (var call in site.Calls)
        {
            foreach (var word in call.Goals.Where(word => word.Text == goal))
            {
                Add(related, new RelatedLocation(new SourceLocation(site.File, word.Line), $"runs `make {goal}`"));
                return;
            }
        }

        if (site.Calls.FirstOrDefault(call => call.Goals.Count == 0) is { } plain)
        {
            Add(related, new RelatedLocation(new SourceLocation(site.File, plain.Line), $"runs `make` with no goal: make builds the default goal '{goal}'"));
        }
    }

    /// <summary>
    /// A Makefile path as make printed it, as a repository file whose line exists: relative to the folder of each
    /// make call, then to the script's folder, the repository root, a runner path, and last the only Makefile
    /// in the repository with that name.
    /// </summary>
    private string? ResolveMakefileLine(string name, int line, MakeSite? site)
    {
        var candidates = new List<string?>();
        if (site is not null)
        {
            candidates.AddRange(site.Calls.Select(call => Join(CallFolder(site, call), name)));
            candidates.Add(Join(site.Folder, name));
        }

        candidates.Add(MapPath(name));
        string suffix = "/" + name.TrimStart('.', '/');
        var sameName = makefiles.Value.Where(path => path == name || path.EndsWith(suffix, StringComparison.Ordinal)).ToList();
        if (sameName.Count == 1)
        {
            candidates.Add(sameName[0]);
        }

        return candidates.FirstOrDefault(path => path is not null && ExistsInRepo(path) && ReadLines(path) is { } lines && line >= 1 && line <= lines.Count && lines[line - 1].Trim().Length > 0);
    }

    /// <summary>The Makefile the site's first make call reads (its -f file, else the folder's default), or the root's.</summary>
    private string? MakefileOf(MakeSite? site)
    {
        var call = site?.Calls.FirstOrDefault();
        string? folder = site is null ? "" : call is null ? site.Folder : CallFolder(site, call);
        if (folder is null)
        {
            return null;
        }

        if (call?.File is { } file)
        {
            return Join(folder, file) is { } path && ExistsInRepo(path) ? path : null;
        }

        return DefaultMakefileNames.Select(name => Join(folder, name)).FirstOrDefault(path => path is not null && ExistsInRepo(path));
    }

    /// <summary>The line of the rule for the target; with a prerequisite, the line of its rule that names it (where MK006 reports).</summary>
    private int? RuleLine(string path, string target, string? prerequisite)
    {
        var lines = ReadLines(path);
        for (int i = 0; i < lines.Count; i++)
        {
            string text = lines[i];
            int colon = text.IndexOf(':', StringComparison.Ordinal);
            if (text.StartsWith('\t') || text.TrimStart().StartsWith('#') || colon <= 0 || (colon + 1 < text.Length && text[colon + 1] == '=')
                || !text[..colon].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Contains(target, StringComparer.Ordinal))
            {
                continue;
            }

            if (prerequisite is null)
            {
                return i + 1;
            }

            for (int j = i; j < lines.Count && j < i + 50; j++)
            {
                string part = j == i ? text[(colon + 1)..] : lines[j];
                if (part.Split([' ', '\t', '\\', '|', ';'], StringSplitOptions.RemoveEmptyEntries).Contains(prerequisite, StringComparer.Ordinal))
                {
                    return j + 1;
                }

                if (!lines[j].TrimEnd().EndsWith('\\'))
                {
                    break;
                }
            }
        }

        return null;
    }

    /// <summary>The make calls of a workflow step's <c>run:</c> and the folder it runs in (null when an expression decides it).</summary>
    private MakeSite? WorkflowSite(SourceLocation step) =>
        workflowSteps.Value.At(step) is { ScriptLine: > 0 } found ? new MakeSite(step.Path, MakeCall.In(found.Script, found.ScriptLine), found.Folder) : null;

    /// <summary>The make calls of a RUN instruction (shell form); make runs in the image, here assumed to mirror the Dockerfile's folder.</summary>
    private MakeSite? DockerSite(SourceLocation instruction)
    {
        var lines = ReadLines(instruction.Path);
        if (instruction.Line < 1 || instruction.Line > lines.Count)
        {
            return null;
        }

        string first = lines[instruction.Line - 1];
        int keyword = first.IndexOf("RUN", StringComparison.OrdinalIgnoreCase);
        if (keyword < 0 || first[..keyword].Trim().Length > 0)
        {
            return null;
        }

        int last = instruction.Line - 1;
        while (last < lines.Count - 1 && last < instruction.Line + 200 && lines[last].TrimEnd().EndsWith('\\'))
        {
            last++;
        }

        string script = string.Join('\n', [string.Concat(new string(' ', keyword + 3), first.AsSpan(keyword + 3)), .. lines[instruction.Line..(last + 1)]]);
        string folder = Path.GetDirectoryName(instruction.Path)?.Replace('\\', '/') ?? "";
        return new MakeSite(instruction.Path, MakeCall.In(script, instruction.Line), folder);
    }

    private static string? CallFolder(MakeSite site, MakeCall call)
    {
        string? folder = site.Folder;
        foreach (string change in call.Directories ?? [])
        {
            folder = Join(folder, change);
        }

        return call.Directories is null ? null : folder;
    }

    /// <summary>A relative path joined to a repository folder, "." and ".." resolved; null when absolute or outside.</summary>
    private static string? Join(string? folder, string relative) =>
        folder is null || relative.Length == 0 || relative.StartsWith('/') || relative.Contains(':', StringComparison.Ordinal)
            ? null
            : RepositoryPath.Combine(folder, relative.Replace('\\', '/'));

    private static bool IsMakefileName(string name) =>
        name is "GNUmakefile" or "makefile" or "Makefile" || name.StartsWith("Makefile.", StringComparison.Ordinal) || name.EndsWith(".mk", StringComparison.Ordinal);
}
