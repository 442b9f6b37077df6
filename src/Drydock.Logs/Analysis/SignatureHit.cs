using System.Text.RegularExpressions;
using Drydock.Logs.Parsing;
using Drydock.Logs.Signatures;

namespace Drydock.Logs.Analysis;

/// <summary>A signature that matched in a log, with the chunk of lines around its first match.</summary>
public sealed class SignatureHit
{
    internal const int MaxEvidenceLines = 80;
    private const int MaxValuesPerGroup = 12;
    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);

    internal SignatureHit(Signature signature, int matchLine, LogStep? ciStep, LogStep? dockerStep)
    {
        Signature = signature;
        MatchLine = matchLine;
        StartLine = matchLine;
        EndLine = matchLine;
        CiStep = ciStep;
        DockerStep = dockerStep;
    }

    public Signature Signature { get; }

    public int MatchLine { get; }

    public int StartLine { get; internal set; }

    public int EndLine { get; internal set; }

    public List<string> Lines { get; } = [];

    public LogStep? CiStep { get; }

    public LogStep? DockerStep { get; }

    public int Occurrences { get; internal set; } = 1;

    public string? ComposeService { get; internal set; }

    internal int AfterRemaining { get; set; }

    internal bool Open { get; set; }

    internal LintTally? Tally { get; set; }

    public IReadOnlyDictionary<string, List<string>> Values => values;

    public string Message => Signature.FillPlaceholders(Signature.Message, name => name switch
    {
        "count" when Tally is not null => Tally.Total.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "files" when Tally is not null => Tally.FileCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Value(name),
    });

    internal void AddValues(Match match)
    {
        foreach (Group group in match.Groups)
        {
            string name = group.Name;
            if (char.IsAsciiDigit(name[0]) || !group.Success)
            {
                continue;
            }

            string value = group.Value.Trim();
            if (value.Length == 0)
            {
                continue;
            }

            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }

            if (list.Count < MaxValuesPerGroup && !list.Contains(value, StringComparer.Ordinal))
            {
                list.Add(value);
            }
        }
    }

    private string? Value(string name) => values.TryGetValue(name, out var list) && list.Count > 0 ? string.Join(", ", list) : null;

    /// <summary>Ends the after-context; blank lines kept open at its end do not belong to the chunk.</summary>
    internal void Close()
    {
        Open = false;
        while (Lines.Count > 1 && EndLine > MatchLine && string.IsNullOrWhiteSpace(Lines[^1]))
        {
            Lines.RemoveAt(Lines.Count - 1);
            EndLine--;
        }
    }

    internal void Append(int line, string text)
    {
        if (Lines.Count < MaxEvidenceLines)
        {
            Lines.Add(text);
            EndLine = line;
        }
    }
}
