using System.Globalization;
using System.Text;
using Drydock.Logs.Model;

namespace Drydock.Reports.Diagnose;

/// <summary>Workflow commands (<c>::error file=…::</c>) that annotate the repository file a diagnosis points at, else the log.</summary>
public static class DiagnoseGithubWriter
{
    public static void Write(TextWriter output, DiagnoseResult result)
    {
        foreach (var diagnosis in result.Diagnoses)
        {
            var place = diagnosis.Related.Count > 0 ? diagnosis.Related[0].Location : null;
            string file = place?.Path ?? diagnosis.Evidence.Path;
            int line = place is not null ? place.Line : diagnosis.Evidence.StartLine;
            string title = $"{diagnosis.RuleId} {diagnosis.Name}";
            string jobs = string.Join(", ", diagnosis.Jobs.Select(job => job.Name));
            string message = $"{diagnosis.Message} (jobs: {jobs}). Fix: {diagnosis.Fix}";
            output.Write(string.Create(CultureInfo.InvariantCulture, $"::error file={Property(file)},line={Math.Max(1, line)},title={Property(title)}::{Data(Redacted.Text(message))}\n"));
        }

        foreach (string note in result.Notes)
        {
            output.Write($"::notice::{Data(Redacted.Text(note))}\n");
        }

        foreach (var problem in result.Problems)
        {
            output.Write($"::warning file={Property(problem.Path)},title={LogProblem.RuleId}::{Data(Redacted.Text(problem.Message))}\n");
        }
    }

    private static string Data(string text) =>
        new StringBuilder(text).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").ToString();

    private static string Property(string text) => new StringBuilder(Data(text)).Replace(":", "%3A").Replace(",", "%2C").ToString();
}
