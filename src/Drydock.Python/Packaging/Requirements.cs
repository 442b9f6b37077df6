using System.Text;
using Drydock.Text;

namespace Drydock.Python.Packaging;

/// <summary>A PEP 508 requirement from requirements*.txt or pyproject.toml, with where it was written.</summary>
public sealed record PyRequirement(
    string Name,
    IReadOnlyList<string> Extras,
    VersionSpecifier Specifier,
    string SpecifierText,
    string? Marker,
    string? Url,
    bool IsEditable,
    int HashCount,
    string File,
    int Line,
    int Start,
    int End)
{
    /// <summary>PEP 503: lower case, runs of '-', '_' and '.' become '-'.</summary>
    public string NormalizedName { get; } = NormalizeName(Name);

    /// <summary>The version an <c>==X</c> pin fixes, if any.</summary>
    public PyVersion? PinnedVersion =>
        Specifier.Alternatives is [[{ Operator: "==" or "===", Wildcard: false } clause]] ? clause.Version : null;

    public static string NormalizeName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char c in name.Trim())
        {
            if (c is '-' or '_' or '.')
            {
                if (builder.Length > 0 && builder[^1] != '-') { builder.Append('-'); }
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().TrimEnd('-');
    }

    /// <summary>Parses one PEP 508 string (<c>requests[socks]&gt;=2.31; python_version&lt;"3.12"</c>); null when it names no package.</summary>
    public static PyRequirement? Parse(string text, string file, int line, int start)
    {
        string marker = "";
        int semicolon = text.IndexOf(';');
        string body = text;
        if (semicolon >= 0 && !text.AsSpan(0, semicolon).Contains("://", StringComparison.Ordinal))
        {
            marker = text[(semicolon + 1)..].Trim();
            body = text[..semicolon];
        }

        body = body.Trim();
        int nameEnd = 0;
        while (nameEnd < body.Length && (char.IsAsciiLetterOrDigit(body[nameEnd]) || body[nameEnd] is '-' or '_' or '.')) { nameEnd++; }
        if (nameEnd == 0 || !char.IsAsciiLetterOrDigit(body[0])) { return null; }
        string name = body[..nameEnd];
        string rest = body[nameEnd..].TrimStart();
        var extras = new List<string>();
        if (rest.StartsWith('['))
        {
            int close = rest.IndexOf(']');
            if (close < 0) { return null; }
            extras.AddRange(rest[1..close].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            rest = rest[(close + 1)..].TrimStart();
        }

        string? url = null;
        if (rest.StartsWith('@'))
        {
            url = rest[1..].Trim();
            rest = "";
        }

        rest = rest.Trim().TrimStart('(').TrimEnd(')').Trim();
        if (rest.Length > 0 && rest[0] is not ('<' or '>' or '=' or '!' or '~'))
        {
            return null;
        }

        var specifier = VersionSpecifier.TryParse(rest, out var parsed, out _) ? parsed : VersionSpecifier.Any;
        return new PyRequirement(name, extras, specifier, rest, marker.Length > 0 ? marker : null, url, false, 0, file, line, start, start + text.TrimEnd().Length);
    }
}

/// <summary>A problem in a requirements file (an unreadable include, a line pip would reject).</summary>
public sealed record RequirementsProblem(string File, int Line, string Message);

/// <summary>A requirements*.txt file as pip reads it, with <c>-r</c> includes followed.</summary>
public sealed record RequirementsFile(
    string Path,
    IReadOnlyList<PyRequirement> Requirements,
    IReadOnlyList<string> Includes,
    IReadOnlyList<string> Constraints,
    bool IsGenerated,
    IReadOnlyList<RequirementsProblem> Problems)
{
    /// <summary>Local paths installed by the file (<c>.</c>, <c>-e .</c>, <c>./libs/x</c>): the project itself, often.</summary>
    public IReadOnlyList<string> LocalPaths { get; init; } = [];

    /// <summary>Requirements of this file and of every file it includes with -r, in order.</summary>
    public IEnumerable<PyRequirement> AllRequirements(Func<string, RequirementsFile?> resolve)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return Walk(this, resolve, seen);

        static IEnumerable<PyRequirement> Walk(RequirementsFile file, Func<string, RequirementsFile?> resolve, HashSet<string> seen)
        {
            if (!seen.Add(file.Path)) { yield break; }
            foreach (var requirement in file.Requirements) { yield return requirement; }
            foreach (string include in file.Includes)
            {
                if (resolve(include) is { } included)
                {
                    foreach (var requirement in Walk(included, resolve, seen)) { yield return requirement; }
                }
            }
        }
    }
}

/// <summary>Reads pip's requirements format: comments, continuations, options, -r/-c/-e, markers and hashes.</summary>
public static class RequirementsParser
{
    private static readonly string[] GeneratedMarkers = ["autogenerated by pip-compile", "by the following command:", "uv pip compile", "uv export", "poetry export", "pdm export"];

    public static RequirementsFile Parse(SourceText source)
    {
        string directory = source.Path.Contains('/') ? source.Path[..source.Path.LastIndexOf('/')] : "";
        var requirements = new List<PyRequirement>();
        var includes = new List<string>();
        var constraints = new List<string>();
        var problems = new List<RequirementsProblem>();
        var localPaths = new List<string>();
        bool generated = GeneratedMarkers.Any(marker => source.Text.Contains(marker, StringComparison.OrdinalIgnoreCase));
        for (int line = 1; line <= source.LineCount; line++)
        {
            int firstLine = line;
            string content = source.Line(line);
            while (content.EndsWith('\\') && line < source.LineCount)
            {
                content = content[..^1] + " " + source.Line(++line);
            }

            int comment = CommentStart(content);
            if (comment >= 0) { content = content[..comment]; }
            string trimmed = content.Trim();
            if (trimmed.Length == 0) { continue; }
            int start = source.LineStart(firstLine) + (content.Length - content.TrimStart().Length);
            if (trimmed.StartsWith('-'))
            {
                if (ReadOption(trimmed, directory, includes, constraints, requirements, source.Path, firstLine, start) is { } local) { localPaths.Add(local); }
                continue;
            }

            int hashes = 0;
            int option = trimmed.IndexOf(" --", StringComparison.Ordinal);
            if (option >= 0)
            {
                hashes = CountOccurrences(trimmed[option..], "--hash");
                trimmed = trimmed[..option].TrimEnd();
            }

            var requirement = PyRequirement.Parse(trimmed, source.Path, firstLine, start);
            if (requirement is not null)
            {
                requirements.Add(requirement with { HashCount = hashes });
            }
            else if (trimmed.StartsWith('.') || trimmed.StartsWith('/'))
            {
                localPaths.Add(trimmed.Split('[')[0]);
            }
            else if (!LooksLikePathOrUrl(trimmed))
            {
                problems.Add(new RequirementsProblem(source.Path, firstLine, $"'{trimmed}' is not a valid requirement"));
            }
        }

        return new RequirementsFile(source.Path, requirements, includes, constraints, generated, problems) { LocalPaths = localPaths };
    }

    private static bool LooksLikePathOrUrl(string text) =>
        text.StartsWith('.') || text.StartsWith('/') || text.Contains("://", StringComparison.Ordinal) || text.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) || text.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || text.StartsWith("git+", StringComparison.Ordinal);

    private static int CountOccurrences(string text, string what)
    {
        int count = 0;
        for (int at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal)) { count++; }
        return count;
    }

    /// <summary>pip: a '#' at the start of a line, or after whitespace, starts a comment.</summary>
    private static int CommentStart(string line)
    {
        for (int k = 0; k < line.Length; k++)
        {
            if (line[k] == '#' && (k == 0 || char.IsWhiteSpace(line[k - 1]))) { return k; }
        }

        return -1;
    }

    private static string? ReadOption(string text, string directory, List<string> includes, List<string> constraints, List<PyRequirement> requirements, string file, int line, int start)
    {
        string option, value;
        int split = text.IndexOfAny([' ', '\t', '=']);
        if (text.StartsWith("--", StringComparison.Ordinal))
        {
            option = split < 0 ? text : text[..split];
            value = split < 0 ? "" : text[(split + 1)..].Trim();
        }
        else
        {
            option = text[..2];
            value = text[2..].TrimStart('=').Trim();
        }

        string Resolve(string path) => directory.Length == 0 || path.StartsWith('/') ? path : directory + "/" + path;
        switch (option)
        {
            case "-r" or "--requirement":
                includes.Add(NormalizePath(Resolve(value)));
                break;
            case "-c" or "--constraint":
                constraints.Add(NormalizePath(Resolve(value)));
                break;
            case "-e" or "--editable":
                int egg = value.IndexOf("#egg=", StringComparison.Ordinal);
                if (egg >= 0)
                {
                    string name = value[(egg + 5)..].Split('&')[0];
                    if (PyRequirement.Parse(name, file, line, start) is { } requirement) { requirements.Add(requirement with { IsEditable = true, Url = value[..egg] }); }
                }
                else if (!value.Contains("://", StringComparison.Ordinal))
                {
                    return value.Split('[')[0];
                }

                break;
        }

        return null;
    }

    /// <summary>Collapses "a/../b" and "./" so that includes match inventory paths.</summary>
    public static string NormalizePath(string path)
    {
        var parts = new List<string>();
        foreach (string part in path.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".") { continue; }
            if (part == ".." && parts.Count > 0) { parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(part);
        }

        return string.Join('/', parts);
    }
}
