using Drydock.Text;

namespace Drydock.Python.Git;

/// <summary>One <c>[submodule "name"]</c> section of .gitmodules, with the lines of its header and keys.</summary>
public sealed record GitSubmodule(string Name, int Line, int Start, int End, string? Path, int PathLine, string? Url, int UrlLine, string? Branch);

/// <summary>.gitmodules in git-config syntax: sections, <c>key = value</c>, '#' and ';' comments, quoted values.</summary>
public sealed record GitModulesFile(string FilePath, IReadOnlyList<GitSubmodule> Submodules, IReadOnlyList<(int Line, string Message)> Problems)
{
    public GitSubmodule? ForPath(string path) => Submodules.FirstOrDefault(module => string.Equals(module.Path?.Trim('/'), path.Trim('/'), StringComparison.Ordinal));

    public static GitModulesFile Parse(SourceText source)
    {
        var modules = new List<GitSubmodule>();
        var problems = new List<(int, string)>();
        GitSubmodule? current = null;
        bool inOtherSection = false;
        for (int line = 1; line <= source.LineCount; line++)
        {
            string text = StripComment(source.Line(line)).Trim();
            if (text.Length == 0) { continue; }
            if (text.StartsWith('['))
            {
                if (current is not null) { modules.Add(current); current = null; }
                int close = text.LastIndexOf(']');
                if (close < 0) { problems.Add((line, $"section header '{text}' has no closing ']'")); inOtherSection = true; continue; }
                string header = text[1..close].Trim();
                if (!header.StartsWith("submodule", StringComparison.Ordinal)) { inOtherSection = true; continue; }
                string quoted = header["submodule".Length..].Trim();
                if (quoted.Length < 2 || quoted[0] != '"' || quoted[^1] != '"')
                {
                    problems.Add((line, $"submodule section '[{header}]' must name the submodule in double quotes: [submodule \"name\"]"));
                    inOtherSection = true;
                    continue;
                }

                inOtherSection = false;
                int start = source.LineStart(line);
                current = new GitSubmodule(quoted[1..^1], line, start, start + source.Line(line).Length, null, 0, null, 0, null);
                continue;
            }

            int equals = text.IndexOf('=');
            string key = (equals < 0 ? text : text[..equals]).Trim().ToLowerInvariant();
            if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                problems.Add((line, $"'{text}' is not 'key = value'"));
                continue;
            }

            if (inOtherSection) { continue; }
            if (current is null) { problems.Add((line, $"'{key}' appears before any [submodule \"name\"] section")); continue; }
            string value = equals < 0 ? "" : Unquote(text[(equals + 1)..].Trim(), line, problems);
            current = key switch
            {
                "path" => current with { Path = value, PathLine = line },
                "url" => current with { Url = value, UrlLine = line },
                "branch" => current with { Branch = value },
                _ => current,
            };
        }

        if (current is not null) { modules.Add(current); }
        return new GitModulesFile(source.Path, modules, problems);
    }

    private static string StripComment(string line)
    {
        bool quoted = false;
        for (int k = 0; k < line.Length; k++)
        {
            if (line[k] == '"' && (k == 0 || line[k - 1] != '\\')) { quoted = !quoted; }
            if (!quoted && line[k] is '#' or ';') { return line[..k]; }
        }

        return line;
    }

    private static string Unquote(string value, int line, List<(int, string)> problems)
    {
        if (value.Count(c => c == '"') % 2 == 1) { problems.Add((line, "unterminated quoted value")); }
        return value.Replace("\"", "", StringComparison.Ordinal);
    }
}
