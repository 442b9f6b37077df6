using System.Text;
using Drydock.Logs.Model;
using Drydock.Logs.Reading;
using Drydock.Logs.Signatures;
using Drydock.Security;

namespace Drydock.Logs.Analysis;

/// <summary>
/// <c>drydock diagnose</c> without the command line: expand the sources, scan the logs in parallel, pick each
/// log's root causes, group jobs that fail for the same reason, link into the repository, redact secrets.
/// Reads only: no network, no process started.
/// </summary>
public sealed class DiagnoseEngine
{
    private readonly DiagnoseOptions options;
    private readonly LogScanner scanner;
    private readonly SignatureCatalog catalog;

    public DiagnoseEngine(DiagnoseOptions? options = null, SignatureCatalog? catalog = null)
    {
        this.options = options ?? new DiagnoseOptions();
        this.catalog = (catalog ?? SignatureCatalog.Default).Without(this.options.IgnoredRules);
        scanner = new LogScanner(this.catalog, this.options.Scan);
    }

    public DiagnoseResult Diagnose(IEnumerable<string> sources, Func<Stream>? standardInput = null)
    {
        var (inputs, problems) = LogSources.Expand(sources, options.Archives, standardInput);
        var result = Diagnose(inputs);
        return result with { Problems = [.. problems.Select(problem => new LogProblem(problem.Path, problem.Message)), .. result.Problems] };
    }

    public DiagnoseResult Diagnose(IReadOnlyList<LogInput> inputs)
    {
        var scans = new LogScan[inputs.Count];
        var progress = options.Progress;
        long bytes = 0;
        int done = 0;
        Action<long>? onBytes = progress is null ? null : delta => progress.Report(new DiagnoseProgress(Interlocked.Add(ref bytes, delta), Volatile.Read(ref done), inputs.Count));
        Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) }, index =>
        {
            scans[index] = scanner.Scan(inputs[index], onBytes);
            progress?.Report(new DiagnoseProgress(Interlocked.Read(ref bytes), Interlocked.Increment(ref done), inputs.Count));
        });

        return Combine(scans);
    }

    private DiagnoseResult Combine(IReadOnlyList<LogScan> scans)
    {
        var problems = new List<LogProblem>();
        var notes = new List<string>();
        var jobs = new List<JobOutcome>();
        var perLog = new List<Diagnosis>();
        foreach (var scan in scans)
        {
            if (scan.Problem is not null)
            {
                problems.Add(new LogProblem(scan.Input.Path, scan.Problem));
                continue;
            }

            if (scan.TruncatedLines > 0)
            {
                notes.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{scan.Input.Path}: {scan.TruncatedLines} line(s) longer than {options.Scan.MaxLineChars} characters were cut for analysis (still counted as one line each)"));
            }

            var failingStep = scan.FailingStep;
            jobs.Add(new JobOutcome(scan.Input.JobName, scan.Input.Path, scan.Failed, failingStep?.Name ?? scan.FailingDockerStep?.Name, scan.ExitCode, scan.Lines, scan.Formats.ToString()));
            perLog.AddRange(LogVerdict.Diagnose(scan, options.MaxSecondaryPerLog, catalog));
        }

        var grouped = Group(perLog);
        if (options.RepositoryRoot is not null)
        {
            var linker = new RepositoryLinker(options.RepositoryRoot, options.CheckFindings, catalog);
            var scanByPath = scans.ToDictionary(scan => scan.Input.Path, StringComparer.Ordinal);
            grouped = [.. grouped.Select(diagnosis => linker.Link(diagnosis, scanByPath.GetValueOrDefault(diagnosis.Evidence.Path)))];
        }

        var ordered = grouped
            .Where(diagnosis => !options.IgnoredRules.Contains(diagnosis.RuleId) && !options.IgnoredRules.Contains(diagnosis.Name))
            .Select((diagnosis, index) => (diagnosis, index))
            .OrderBy(pair => pair.diagnosis.IsGeneral)
            .ThenByDescending(pair => pair.diagnosis.Confidence + (0.02 * Math.Min(pair.diagnosis.Jobs.Count, 10)))
            .ThenBy(pair => pair.index)
            .Select(pair => Redact(pair.diagnosis))
            .ToList();
        return new DiagnoseResult(ordered, jobs, problems) { Notes = notes };
    }

    private static List<Diagnosis> Group(List<Diagnosis> perLog)
    {
        var groups = new List<Diagnosis>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var diagnosis in perLog)
        {
            string key = GroupKey(diagnosis);
            if (byKey.TryGetValue(key, out int index))
            {
                var first = groups[index];
                groups[index] = first with
                {
                    Jobs = [.. first.Jobs, .. diagnosis.Jobs.Where(job => !first.Jobs.Contains(job))],
                    Confidence = Math.Max(first.Confidence, diagnosis.Confidence),
                };
            }
            else
            {
                byKey[key] = groups.Count;
                groups.Add(diagnosis);
            }
        }

        return groups;
    }

    /// <summary>
    /// Same rule and same specifics (package, module, exit code) means same cause; lint output groups by rule
    /// alone (the counts differ per job), the general extractor by its headline with numbers masked.
    /// </summary>
    private static string GroupKey(Diagnosis diagnosis)
    {
        if (diagnosis.Summary.Count > 0)
        {
            return diagnosis.RuleId;
        }

        var builder = new StringBuilder(diagnosis.RuleId).Append('|');
        foreach (char c in diagnosis.Message)
        {
            builder.Append(char.IsAsciiDigit(c) && diagnosis.IsGeneral ? '#' : c);
        }

        return builder.ToString();
    }

    private static Diagnosis Redact(Diagnosis diagnosis)
    {
        var evidence = diagnosis.Evidence;
        string joined = string.Join('\n', evidence.Lines);
        string redacted = SecretRedactor.Redact(joined);
        return diagnosis with
        {
            Message = SecretRedactor.Redact(diagnosis.Message),
            Evidence = ReferenceEquals(joined, redacted) || joined == redacted ? evidence : evidence with { Lines = redacted.Split('\n') },
            Summary = [.. diagnosis.Summary.Select(SecretRedactor.Redact)],
            Jobs = [.. diagnosis.Jobs.Select(job => job with { Step = job.Step is null ? null : SecretRedactor.Redact(job.Step) })],
        };
    }
}
