using System.Text.RegularExpressions;
using Drydock.Findings;
using Drydock.Logs.Model;
using Drydock.Logs.Parsing;
using Drydock.Logs.Signatures;

namespace Drydock.Logs.Analysis;

/// <summary>
/// Points a diagnosis into the repository it came from: traceback and compiler paths (runner work directories
/// removed), the Dockerfile instruction of a failed build step, the workflow step by its name, the compose
/// service of a container and what it runs, and the <c>drydock check</c> findings at those places.
/// </summary>
internal sealed partial class RepositoryLinker
{
    private const int MaxRelated = 8;
    private static readonly string[] ForeignPathParts = ["site-packages/", "dist-packages/", "node_modules/", "/usr/lib/", "/usr/local/lib/", "/.cargo/", "/go/pkg/mod/", "/.m2/", "/.gradle/", "/opt/hostedtoolcache/", "/.rustup/"];

    private readonly string root;
    private readonly IReadOnlyList<Finding> findings;
    private readonly Lazy<IReadOnlyList<string>> dockerfiles;
    private readonly Lazy<IReadOnlyList<string>> workflows;
    private readonly Lazy<IReadOnlyList<string>> makefiles;
    private readonly Lazy<ComposeServiceLocator> compose;
    private readonly Lazy<WorkflowStepIndex> workflowSteps;
    private readonly SignatureCatalog catalog;

    public RepositoryLinker(string root, IReadOnlyList<Finding> findings, SignatureCatalog? catalog = null)
    {
        this.root = Path.GetFullPath(root);
        this.findings = findings;
        this.catalog = catalog ?? SignatureCatalog.Default;
        dockerfiles = new(() => FindFiles(IsDockerfileName));
        workflows = new(() => FindWorkflows());
        makefiles = new(() => FindFiles(IsMakefileName));
        compose = new(() => new ComposeServiceLocator(this.root, FindFiles(ComposeServiceLocator.IsComposeFileName)));
        workflowSteps = new(() => WorkflowStepIndex.Load(this.root, workflows.Value));
    }

    public Diagnosis Link(Diagnosis diagnosis, LogScan? scan)
    {
        var related = new List<RelatedLocation>();
        foreach (string line in diagnosis.Evidence.Lines)
        {
            foreach (var (path, number) in PathReferences(line))
            {
                if (MapPath(path) is { } relative)
                {
                    Add(related, new RelatedLocation(new SourceLocation(relative, number), $"named in the log: {Shorten(line.Trim())}"));
                }
            }
        }

        var instruction = scan is null ? null : LinkDockerfile(diagnosis, scan, related);
        if (instruction is not null && diagnosis.Apt is not null)
        {
            diagnosis = LinkAptPackages(diagnosis, instruction, related);
        }

        SourceLocation? workflowStep = null;
        SourceLocation? wholeStep = null;
        foreach (var job in diagnosis.Jobs.Take(1))
        {
            if (job.Step is { } step && FindWorkflowStep(step) is { } location)
            {
                // Shown at the line that titles the step; findings anywhere in the step (a `with:` input) are cited.
                wholeStep = location;
                workflowStep = location with { EndLine = 0 };
                Add(related, new RelatedLocation(workflowStep, $"the workflow step '{step}'"));
            }
        }

        LinkMake(diagnosis, instruction, workflowStep, related);
        LinkComposeServices(diagnosis, related);

        var cited = new List<Finding>();
        foreach (var place in related.Select(item => item.Location).Append(wholeStep).OfType<SourceLocation>())
        {
            cited.AddRange(findings.Where(finding => At(finding.Location, place) && !cited.Contains(finding)));
        }

        return diagnosis with { Related = related, CitedFindings = cited };
    }

    /// <summary>A container the evidence names ("web-1  | ...", "container web exited (0)"): its compose service and what it runs.</summary>
    private void LinkComposeServices(Diagnosis diagnosis, List<RelatedLocation> related)
    {
        foreach (string name in ComposeServiceLocator.NamesIn(diagnosis.Evidence.Lines).Distinct(StringComparer.Ordinal).Take(2))
        {
            foreach (var place in compose.Value.Locate(name))
            {
                Add(related, place);
            }
        }
    }

    private static bool At(SourceLocation finding, SourceLocation place)
    {
        if (!string.Equals(finding.Path.Replace('\\', '/'), place.Path, StringComparison.Ordinal))
        {
            return false;
        }

        if (place.Line == 0)
        {
            return true;
        }

        int end = Math.Max(finding.Line, finding.EndLine);
        int placeEnd = Math.Max(place.Line, place.EndLine);
        return finding.Line <= placeEnd && place.Line <= end;
    }

    private static void Add(List<RelatedLocation> related, RelatedLocation location)
    {
        if (related.Count < MaxRelated && !related.Any(other => other.Location.Path == location.Location.Path && other.Location.Line == location.Location.Line))
        {
            related.Add(location);
        }
    }

    /// <summary>Paths with a line: Python tracebacks, compiler and linter diagnostics, Rust's "--> file:line".</summary>
    internal static IEnumerable<(string Path, int Line)> PathReferences(string line)
    {
        foreach (Match match in PathPattern().Matches(line))
        {
            string path = match.Groups["py"].Success ? match.Groups["py"].Value : match.Groups["path"].Value;
            string number = match.Groups["pyline"].Success ? match.Groups["pyline"].Value : match.Groups["line"].Value;
            if (int.TryParse(number, System.Globalization.CultureInfo.InvariantCulture, out int value))
            {
                yield return (path, value);
            }
        }

        foreach (Match match in CollectPattern().Matches(line))
        {
            yield return (match.Groups["path"].Value, 0);
        }
    }

    /// <summary>A path from a log, as a repository-relative path that exists, or null.</summary>
    internal string? MapPath(string path)
    {
        path = path.Replace('\\', '/');
        if (ForeignPathParts.Any(part => path.Contains(part, StringComparison.Ordinal)))
        {
            return null;
        }

        string trimmed = path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
        if (!Path.IsPathRooted(trimmed) && !trimmed.Contains(':', StringComparison.Ordinal) && ExistsInRepo(trimmed))
        {
            return trimmed;
        }

        var parts = trimmed.Split('/', StringSplitOptions.RemoveEmptyEntries);
        int knownPrefix = KnownWorkdirPrefix(parts);
        for (int skip = Math.Max(1, knownPrefix); skip < parts.Length; skip++)
        {
            if (skip != knownPrefix && parts.Length - skip < 2)
            {
                break;
            }

            string candidate = string.Join('/', parts[skip..]);
            if (ExistsInRepo(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Components to drop for a CI runner's checkout: /home/runner/work/r/r, /builds/g/p, /github/workspace, D:/a/r/r.</summary>
    private static int KnownWorkdirPrefix(string[] parts)
    {
        if (parts.Length > 4 && parts[0] == "home" && parts[1] == "runner" && parts[2] == "work")
        {
            return 5;
        }

        if (parts.Length > 3 && parts[0].EndsWith(':') && parts[1] == "a")
        {
            return 4;
        }

        if (parts.Length > 2 && parts[0] == "github" && parts[1] == "workspace")
        {
            return 2;
        }

        if (parts.Length > 3 && parts[0] == "builds")
        {
            return 3;
        }

        if (parts.Length > 4 && parts[0] == "home" && parts[1] == "travis" && parts[2] == "build")
        {
            return 5;
        }

        return parts.Length > 1 && parts[0] is "app" or "src" or "workspace" ? 1 : 0;
    }

    private bool ExistsInRepo(string relative)
    {
        if (relative.Length == 0 || relative.Split('/').Any(part => part == ".."))
        {
            return false;
        }

        return File.Exists(Path.Combine(root, relative));
    }

    private SourceLocation? LinkDockerfile(Diagnosis diagnosis, LogScan scan, List<RelatedLocation> related)
    {
        var evidence = diagnosis.Evidence;
        var excerpt = scan.DockerfileExcerpts.FirstOrDefault(item => item.LogLine >= evidence.StartLine);
        // The line that starts vertex #8 also closes #7's range: of the steps holding the first evidence line, the
        // one that starts latest is the one that line belongs to.
        var step = scan.Steps.Where(item => item.Kind == StepKind.DockerBuild && item.Contains(evidence.StartLine) && item.Instruction is not null).MaxBy(item => item.StartLine)
            ?? scan.FailingDockerStep;
        if (excerpt is not null && FindDockerfileByExcerpt(excerpt, step?.Instruction) is { } fromExcerpt)
        {
            Add(related, new RelatedLocation(fromExcerpt, $"the Dockerfile instruction that failed ({Shorten(step?.Instruction ?? $"line {excerpt.DockerfileLine}")})"));
            return fromExcerpt;
        }

        if (step?.Instruction is { } instruction && FindInstruction(instruction) is { } location)
        {
            Add(related, new RelatedLocation(location, $"the Dockerfile instruction of build step {Shorten(step.Name)}"));
            return location;
        }

        return null;
    }

    /// <summary>
    /// An apt failure linked to its RUN: each package at the Dockerfile line that names it (where DF080 reports),
    /// and the advice again for the stage's FROM image as the Dockerfile writes it.
    /// </summary>
    private Diagnosis LinkAptPackages(Diagnosis diagnosis, SourceLocation instruction, List<RelatedLocation> related)
    {
        var lines = ReadLines(instruction.Path);
        if (instruction.Line < 1 || instruction.Line > lines.Count)
        {
            return diagnosis;
        }

        int last = instruction.Line - 1;
        while (last < lines.Count - 1 && last < instruction.Line + 200 && lines[last].TrimEnd().EndsWith('\\'))
        {
            last++;
        }

        foreach (string package in diagnosis.Apt!.Packages)
        {
            for (int i = instruction.Line - 1; i <= last; i++)
            {
                if (NamesWord(lines[i], package))
                {
                    Add(related, new RelatedLocation(new SourceLocation(instruction.Path, i + 1), $"installs {package}"));
                    break;
                }
            }
        }

        if (DockerfileStages.BaseImageAt(lines, instruction.Line - 1) is { } from)
        {
            return AptAdvice.Advise(diagnosis, from.Image, $"{instruction.Path}:{from.Line + 1}");
        }

        return diagnosis;
    }

    private static bool NamesWord(string line, string word)
    {
        int at = 0;
        while ((at = line.IndexOf(word, at, StringComparison.Ordinal)) >= 0)
        {
            int end = at + word.Length;
            bool startOk = at == 0 || char.IsWhiteSpace(line[at - 1]) || line[at - 1] is '"' or '\'';
            bool endOk = end == line.Length || char.IsWhiteSpace(line[end]) || line[end] is '=' or ':' or '/' or '"' or '\'' or '\\' or ';';
            if (startOk && endOk)
            {
                return true;
            }

            at = end;
        }

        return false;
    }

    private SourceLocation? FindDockerfileByExcerpt(DockerfileExcerpt excerpt, string? instruction)
    {
        string wanted = excerpt.DockerfilePath.Replace('\\', '/');
        var candidates = dockerfiles.Value
            .Where(path => path.EndsWith(wanted, StringComparison.Ordinal) || Path.GetFileName(path) == Path.GetFileName(wanted))
            .OrderBy(path => path.EndsWith(wanted, StringComparison.Ordinal) ? 0 : 1);
        foreach (string path in candidates)
        {
            var lines = ReadLines(path);
            if (excerpt.DockerfileLine <= lines.Count
                && (instruction is null || Normalize(instruction).StartsWith(Prefix(Normalize(lines[excerpt.DockerfileLine - 1])), StringComparison.Ordinal)))
            {
                return new SourceLocation(path, excerpt.DockerfileLine);
            }
        }

        return null;
    }

    private SourceLocation? FindInstruction(string instruction)
    {
        string wanted = Normalize(instruction);
        foreach (string path in dockerfiles.Value)
        {
            var lines = ReadLines(path);
            for (int i = 0; i < lines.Count; i++)
            {
                string logical = Normalize(LogicalInstruction(lines, i));
                if (logical.Length > 0 && (wanted.StartsWith(Prefix(logical), StringComparison.Ordinal) || logical.StartsWith(Prefix(wanted), StringComparison.Ordinal)))
                {
                    return new SourceLocation(path, i + 1);
                }
            }
        }

        return null;
    }

    private static string LogicalInstruction(IReadOnlyList<string> lines, int start)
    {
        string first = lines[start].TrimEnd();
        if (first.TrimStart().StartsWith('#'))
        {
            return "";
        }

        var text = new System.Text.StringBuilder();
        for (int i = start; i < lines.Count && i < start + 50; i++)
        {
            string line = lines[i].TrimEnd();
            if (line.EndsWith('\\'))
            {
                text.Append(line.AsSpan(0, line.Length - 1)).Append(' ');
                continue;
            }

            text.Append(line);
            break;
        }

        return text.ToString();
    }

    private SourceLocation? FindWorkflowStep(string step) => workflowSteps.Value.Find(step);

    private List<string> ReadLines(string relative)
    {
        string full = Path.Combine(root, relative);
        try
        {
            var info = new FileInfo(full);
            return info.Length > 4 * 1024 * 1024 ? [] : [.. File.ReadAllLines(full)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private List<string> FindFiles(Func<string, bool> wanted)
    {
        var result = new List<string>();
        var pending = new Stack<(string Path, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0 && result.Count < 200)
        {
            var (directory, depth) = pending.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (string entry in entries)
            {
                string name = Path.GetFileName(entry);
                if (Directory.Exists(entry))
                {
                    if (depth < 8 && !name.StartsWith('.') && name is not ("node_modules" or "venv" or "target" or "bin" or "obj" or "dist" or "build"))
                    {
                        pending.Push((entry, depth + 1));
                    }
                }
                else if (wanted(name))
                {
                    result.Add(Path.GetRelativePath(root, entry).Replace('\\', '/'));
                }
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private List<string> FindWorkflows()
    {
        string directory = Path.Combine(root, ".github", "workflows");
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(directory)
            .Where(file => file.EndsWith(".yml", StringComparison.Ordinal) || file.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
    }

    private static bool IsDockerfileName(string name) =>
        name.StartsWith("Dockerfile", StringComparison.Ordinal) || name.EndsWith(".Dockerfile", StringComparison.Ordinal)
        || name.EndsWith(".dockerfile", StringComparison.Ordinal) || name.StartsWith("Containerfile", StringComparison.Ordinal);

    private static string Normalize(string text) => WhitespacePattern().Replace(text.Trim(), " ");

    private static string Prefix(string text) => text.Length <= 48 ? text : text[..48];

    private static string Shorten(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 119), "…");

    [GeneratedRegex("""File "(?<py>[^"]+)", line (?<pyline>\d+)|(?<![\w/.-])(?<path>(?:[A-Za-z]:)?[\w./\\-]*[\w-]\.[A-Za-z]{1,6}):(?<line>\d+)(?::\d+)?""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 250)]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"ERROR collecting (?<path>[\w./-]+\.py)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 250)]
    private static partial Regex CollectPattern();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 250)]
    private static partial Regex WhitespacePattern();
}
