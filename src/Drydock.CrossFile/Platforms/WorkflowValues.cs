using System.Text.RegularExpressions;
using Drydock.Workflows.Model;
using Drydock.Workflows.Parsing;
using Drydock.Yaml;
using YamlDotNet.RepresentationModel;

namespace Drydock.CrossFile.Platforms;

/// <summary>
/// The values a workflow string can take at run time, as far as the file tells: literal <c>${{ env.X }}</c> substituted,
/// and each <c>${{ matrix.KEY }}</c> replaced by every value the job's matrix gives KEY (rows and include entries).
/// Whatever else an expression reads stays unknown.
/// </summary>
internal static partial class WorkflowValues
{
    /// <summary>Matrix combinations expanded at most, far above a real build matrix.</summary>
    private const int MaxValues = 64;

    /// <summary>
    /// The values of <paramref name="text"/>, and false when some expression could not be resolved: such an expression
    /// is cut out of the value, so that the literal parts around it are still read.
    /// </summary>
    public static (IReadOnlyList<string> Values, bool Complete) Expand(WorkflowFile file, Job? job, Step step, string text)
    {
        var values = new List<string> { file.ResolveEnv(text, job, step) };
        bool complete = true;
        while (values.Count > 0 && values.Count <= MaxValues)
        {
            string value = values[0];
            var template = ExpressionTemplates.Find(value).FirstOrDefault(item => item.Closed && MatrixKey().IsMatch(item.Inner));
            if (template is null)
            {
                break;
            }

            string key = MatrixKey().Match(template.Inner).Groups["key"].Value;
            if (MatrixValues(job?.Matrix, key) is not { } choices)
            {
                complete = false;
                values = [.. values.Select(item => item.Replace(value[template.Start..template.End], "", StringComparison.Ordinal))];
                continue;
            }

            values = [.. values.SelectMany(item => choices.Select(choice => item.Replace(value[template.Start..template.End], choice, StringComparison.Ordinal)))];
        }

        if (values.Count > MaxValues)
        {
            return ([], false);
        }

        // An expression nothing resolves is cut out: "linux/amd64,${{ inputs.extra }}" still names linux/amd64.
        var known = new List<string>();
        foreach (string value in values)
        {
            var templates = ExpressionTemplates.Find(value);
            complete &= templates.Count == 0;
            known.Add(templates.Reverse().Aggregate(value, (text, template) => text.Remove(template.Start, template.End - template.Start)));
        }

        return (known.Distinct(StringComparer.Ordinal).ToList(), complete);
    }

    /// <summary>Every literal value the matrix gives <paramref name="key"/>; null when the matrix is dynamic, lacks the key, or holds an expression there.</summary>
    private static List<string>? MatrixValues(Matrix? matrix, string key)
    {
        if (matrix is null || matrix.IsDynamic)
        {
            return null;
        }

        var nodes = new List<YamlNode>();
        if (matrix.Row(key) is { } row)
        {
            if (row.IsDynamic)
            {
                return null;
            }

            nodes.AddRange(row.Values);
        }

        nodes.AddRange(matrix.Include.SelectMany(combination => combination.Entries).Where(entry => entry.Key.Value == key).Select(entry => entry.Value));
        var values = nodes.Select(node => node.ScalarValue()).ToList();
        return values.Count == 0 || values.Any(value => value is null || value.Contains("${{", StringComparison.Ordinal)) ? null : [.. values.OfType<string>()];
    }

    [GeneratedRegex(@"^\s*matrix\.(?<key>[A-Za-z_][A-Za-z0-9_-]*)\s*$")]
    private static partial Regex MatrixKey();
}
