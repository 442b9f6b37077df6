using Drydock.Text;

namespace Drydock.Python.Packaging;

/// <summary>One <c>key = value</c> of an INI section; multi-line values keep each line and its number.</summary>
public sealed record IniEntry(string Key, string Value, int Line, IReadOnlyList<(int Line, string Text)> ValueLines)
{
    /// <summary>The value split on newlines and, when <paramref name="commas"/>, on commas; blank items dropped.</summary>
    public IEnumerable<(int Line, string Item)> Items(bool commas = false) =>
        ValueLines.SelectMany(line => (commas ? line.Text.Split(',') : [line.Text])
            .Select(item => (line.Line, Item: item.Trim())))
            .Where(item => item.Item.Length > 0);
}

public sealed record IniSection(string Name, int Line, IReadOnlyList<IniEntry> Entries)
{
    public IniEntry? this[string key] => Entries.LastOrDefault(entry => string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase));
}

/// <summary>setup.cfg, tox.ini and pytest.ini as Python's configparser reads them (continuation lines indented, # and ; comments).</summary>
public sealed record IniFile(string Path, IReadOnlyList<IniSection> Sections, IReadOnlyList<(int Line, string Message)> Problems)
{
    public IniSection? Section(string name) => Sections.FirstOrDefault(section => section.Name == name);

    public static IniFile Parse(SourceText source)
    {
        var sections = new List<IniSection>();
        var problems = new List<(int, string)>();
        string? sectionName = null;
        int sectionLine = 0;
        var entries = new List<IniEntry>();
        string? key = null;
        int keyLine = 0;
        var valueLines = new List<(int, string)>();

        void FlushEntry()
        {
            if (key is not null)
            {
                entries.Add(new IniEntry(key, string.Join('\n', valueLines.Select(line => line.Item2)).Trim(), keyLine, [.. valueLines.Where(line => line.Item2.Trim().Length > 0)]));
            }

            key = null;
            valueLines = [];
        }

        void FlushSection()
        {
            FlushEntry();
            if (sectionName is not null) { sections.Add(new IniSection(sectionName, sectionLine, entries)); }
            entries = [];
        }

        for (int line = 1; line <= source.LineCount; line++)
        {
            string raw = source.Line(line);
            string trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (char.IsWhiteSpace(raw[0]) && key is not null)
            {
                valueLines.Add((line, trimmed));
                continue;
            }

            if (trimmed.StartsWith('['))
            {
                FlushSection();
                int close = trimmed.IndexOf(']');
                if (close < 0) { problems.Add((line, $"section header '{trimmed}' has no closing ']'")); continue; }
                sectionName = trimmed[1..close].Trim();
                sectionLine = line;
                continue;
            }

            FlushEntry();
            int separator = trimmed.IndexOfAny(['=', ':']);
            if (separator <= 0)
            {
                problems.Add((line, $"'{trimmed}' is neither 'key = value' nor a section header"));
                continue;
            }

            if (sectionName is null) { problems.Add((line, "key outside any [section]")); continue; }
            key = trimmed[..separator].Trim();
            keyLine = line;
            string first = trimmed[(separator + 1)..].Trim();
            valueLines.Add((line, first));
        }

        FlushSection();
        return new IniFile(source.Path, sections, problems);
    }
}
