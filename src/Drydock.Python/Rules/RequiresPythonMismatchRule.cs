using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Python.Model;
using Drydock.Python.Packaging;

namespace Drydock.Python.Rules;

/// <summary>PY005: trove classifiers or tox environments name Python versions that requires-python excludes.</summary>
internal sealed class RequiresPythonMismatchRule : IPythonRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "PY005",
        "requires-python-mismatch",
        Severity.Warning,
        "A classifier or tox environment names a Python version that requires-python excludes.",
        "pip refuses to install the project on a Python that requires-python excludes, so a tox environment for that version fails at install time, and a classifier for it advertises support that does not exist.",
        "Make requires-python, the classifiers and the tox envlist name the same versions: drop the excluded ones or widen requires-python.");

    RuleDescriptor IPythonRule.Descriptor => Descriptor;

    public void Check(PythonProject model, FindingSink sink)
    {
        var pyproject = model.PyProject;
        if (pyproject?.RequiresPythonText is not { } requires) { return; }
        var specifier = pyproject.RequiresPython;
        if (specifier.IsAny) { return; }
        foreach (var classifier in pyproject.PythonClassifiers.Where(classifier => !specifier.AllowsSeries(classifier.Version)))
        {
            sink.Report(Descriptor, pyproject.Source, classifier.Start, classifier.End,
                $"classifier 'Python :: {classifier.Version}' contradicts requires-python '{requires}' ({pyproject.Path}:{pyproject.RequiresPythonAt?.Line})");
        }

        foreach (var tox in model.IniFiles.Where(ini => Path.GetFileName(ini.Path) == "tox.ini"))
        {
            var (text, _) = model.Project.ReadText(tox.Path);
            if (text is null || tox.Section("tox")?["envlist"] is not { } envlist) { continue; }
            foreach (var (line, item) in envlist.ValueLines.SelectMany(value => SplitOutsideBraces(value.Text).Select(item => (value.Line, item))))
            {
                foreach (string environment in ExpandBraces(item))
                {
                    if (PythonOf(environment) is not { } version || specifier.AllowsSeries(version)) { continue; }
                    int column = Math.Max(0, text.Line(line).IndexOf(item, StringComparison.Ordinal));
                    int start = text.LineStart(line) + column;
                    sink.Report(Descriptor, text, start, start + item.Length,
                        $"tox environment '{environment}' runs Python {version}, which requires-python '{requires}' excludes: pip will refuse to install the project there");
                }
            }
        }
    }

    /// <summary>Splits an envlist line on commas that are not inside braces; drops an inline comment.</summary>
    internal static IEnumerable<string> SplitOutsideBraces(string line)
    {
        int comment = line.IndexOf(" #", StringComparison.Ordinal);
        if (comment >= 0) { line = line[..comment]; }
        int depth = 0, start = 0;
        for (int k = 0; k <= line.Length; k++)
        {
            if (k < line.Length && line[k] == '{') { depth++; }
            else if (k < line.Length && line[k] == '}') { depth--; }
            else if (k == line.Length || (line[k] == ',' && depth == 0))
            {
                string item = line[start..k].Trim();
                if (item.Length > 0) { yield return item; }
                start = k + 1;
            }
        }
    }

    /// <summary>py39 -> 3.9, py310-django -> 3.10, py3.11 -> 3.11.</summary>
    internal static string? PythonOf(string environment)
    {
        string factor = environment.Split('-')[0];
        if (!factor.StartsWith("py", StringComparison.Ordinal) || factor.Length < 4) { return null; }
        string digits = factor[2..].Replace(".", "", StringComparison.Ordinal);
        if (!digits.All(char.IsAsciiDigit) || digits.Length < 2) { return null; }
        return $"{digits[0]}.{digits[1..]}";
    }

    /// <summary>tox's brace expansion: py{39,310}-{a,b} -> py39-a, py39-b, py310-a, py310-b.</summary>
    internal static IEnumerable<string> ExpandBraces(string item)
    {
        int open = item.IndexOf('{');
        int close = open < 0 ? -1 : item.IndexOf('}', open);
        if (open < 0 || close < 0) { return [item]; }
        string head = item[..open], tail = item[(close + 1)..];
        return item[(open + 1)..close].Split(',').SelectMany(choice => ExpandBraces(head + choice.Trim() + tail));
    }
}
