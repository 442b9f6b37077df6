using Drydock.Findings;

namespace Drydock.Testing;

/// <summary>
/// An example repository's expected findings, kept beside it in <c>expected-findings.txt</c>:
/// one <c>path:line RULEID</c> per line (line 0 for a whole file), '#' comments allowed.
/// The example must produce exactly these: no more, no fewer.
/// </summary>
public static class ExampleExpectations
{
    public const string FileName = "expected-findings.txt";

    public static IReadOnlyList<ExpectedFinding> Load(string exampleDirectory)
    {
        string path = Path.Combine(exampleDirectory, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        var expected = new List<ExpectedFinding>();
        foreach (string raw in File.ReadAllLines(path))
        {
            string line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            int space = line.LastIndexOf(' ');
            int colon = line.LastIndexOf(':', space);
            if (space < 0 || colon < 0 || !int.TryParse(line[(colon + 1)..space], out int lineNumber))
            {
                throw new FormatException($"{path}: '{raw}' is not 'path:line RULEID'");
            }

            expected.Add(new ExpectedFinding(line[..colon], lineNumber, line[(space + 1)..]));
        }

        return expected;
    }

    public static string Format(IEnumerable<Finding> findings) =>
        string.Join('\n', findings.Select(finding => $"{finding.Location.Path}:{finding.Location.Line} {finding.Rule.Id}")) + "\n";
}
