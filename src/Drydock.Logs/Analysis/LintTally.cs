using System.Globalization;

namespace Drydock.Logs.Analysis;

/// <summary>Lint findings counted per file and per code, for a summary a person can act on.</summary>
internal sealed class LintTally
{
    private const int MaxFiles = 2000;
    private readonly Dictionary<string, Dictionary<string, int>> byFile = new(StringComparer.Ordinal);

    public int Total { get; private set; }

    public int FileCount => byFile.Count;

    public void Add(string file, string code)
    {
        Total++;
        if (!byFile.TryGetValue(file, out var codes))
        {
            if (byFile.Count >= MaxFiles)
            {
                return;
            }

            byFile[file] = codes = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        codes[code] = codes.GetValueOrDefault(code) + 1;
    }

    /// <summary>"src/app.py: 12 (E128 x8, E122 x4)", most findings first.</summary>
    public IReadOnlyList<string> Summary(int maxFiles = 20)
    {
        var lines = byFile
            .Select(entry => (File: entry.Key, Count: entry.Value.Values.Sum(), Codes: entry.Value))
            .OrderByDescending(entry => entry.Count)
            .ThenBy(entry => entry.File, StringComparer.Ordinal)
            .Take(maxFiles)
            .Select(entry => string.Create(CultureInfo.InvariantCulture, $"{entry.File}: {entry.Count} ({string.Join(", ", entry.Codes.OrderByDescending(code => code.Value).ThenBy(code => code.Key, StringComparer.Ordinal).Select(code => $"{code.Key} x{code.Value}"))})"))
            .ToList();
        if (byFile.Count > maxFiles)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"... and {byFile.Count - maxFiles} more files"));
        }

        return lines;
    }
}
