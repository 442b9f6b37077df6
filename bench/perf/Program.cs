using System.Diagnostics;
using System.Globalization;
using Drydock.Analysis;
using Drydock.Configuration;
using Drydock.Discovery;
using Drydock.Reports.Check;

// Per-phase timings of what `drydock check DIR --format json` does, in the order the CLI does it:
// scan, each analyzer in turn on one project (so models shared with the cross-file rules are built by the
// first analyzer that asks), the whole engine on a fresh project (analyzers in parallel), the JSON report,
// and secret redaction run again. PERF_PATTERNS=1 also times each secret pattern alone over every string.
// Run by hand (JIT build; the figures in bench/cli/README.md are for the NativeAOT binary):
//   dotnet run -c Release --project bench/perf -- DIR [rounds=3]
string root = args.Length > 0 ? args[0] : ".";
int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
IAnalyzer[] analyzers =
[
    new Drydock.Docker.Rules.DockerfileAnalyzer(),
    new Drydock.Compose.ComposeAnalyzer(),
    new Drydock.Workflows.WorkflowAnalyzer(),
    new Drydock.Python.PythonAnalyzer(),
    new Drydock.CrossFile.CrossFileAnalyzer(),
];

for (int round = 0; round < rounds; round++)
{
    Console.WriteLine($"round {round + 1}");
    var watch = Stopwatch.StartNew();
    var config = ConfigLoader.LoadFromDirectory(root);
    var files = RepositoryScanner.Scan(root, config.ExcludedPaths);
    Console.WriteLine($"  scan                {watch.Elapsed.TotalMilliseconds,8:F0} ms  ({files.FileCount} files)");

    // Each analyzer in turn on one project: a model shared with the cross-file analyzer is built inside the
    // figure of the analyzer that asks for it first.
    var shared = new Project(root, config, files);
    foreach (var analyzer in analyzers)
    {
        watch.Restart();
        var result = new CheckEngine([analyzer]).Run(shared);
        Console.WriteLine($"  {analyzer.GetType().Name,-20}{watch.Elapsed.TotalMilliseconds,8:F0} ms  ({result.Findings.Count} findings, models shared with the ones above)");
    }

    watch.Restart();
    var project = new Project(root, config, files);
    var engine = new CheckEngine(analyzers);
    var all = engine.Run(project);
    Console.WriteLine($"  engine (parallel)   {watch.Elapsed.TotalMilliseconds,8:F0} ms  ({all.Findings.Count} findings)");
    GC.Collect();
    Console.WriteLine($"  after the engine: {GC.GetTotalAllocatedBytes() / 1048576} MiB allocated so far, {GC.GetTotalMemory(false) / 1048576} MiB live (with the project kept)");
    GC.KeepAlive(project);

    watch.Restart();
    var report = new CheckReport(root, all, engine.Rules, config.FailOn, files.FileCount);
    using (var sink = Stream.Null)
    {
        JsonCheckWriter.Write(sink, report);
    }

    Console.WriteLine($"  json report         {watch.Elapsed.TotalMilliseconds,8:F0} ms");

    // Secret redaction of every string of every finding, once more: SecretRedactor remembers the texts it has
    // seen, so this is what a second report (or repeated strings) costs.
    watch.Restart();
    long chars = 0;
    foreach (var finding in all.Findings)
    {
        chars += Drydock.Security.SecretRedactor.Redact(finding.Message).Length + Drydock.Security.SecretRedactor.Redact(finding.Evidence).Length
            + Drydock.Security.SecretRedactor.Redact(finding.Why).Length + Drydock.Security.SecretRedactor.Redact(finding.FixAdvice).Length;
    }

    Console.WriteLine($"  redaction, again    {watch.Elapsed.TotalMilliseconds,8:F0} ms  ({chars / 1024} KiB of text)");
    if (Environment.GetEnvironmentVariable("PERF_PATTERNS") is not null)
    {
        using var document = Drydock.Knowledge.KnowledgeFile.Open(typeof(Drydock.Security.SecretRedactor).Assembly, "secret-patterns.json");
        var strings = all.Findings.SelectMany(f => new[] { f.Message, f.Evidence, f.Why, f.FixAdvice }).Where(s => !string.IsNullOrEmpty(s)).ToList();
        Console.WriteLine($"    {strings.Count} strings, {strings.Distinct().Count()} distinct");
        foreach (var entry in document.RootElement.GetProperty("patterns").EnumerateArray())
        {
            var regex = new System.Text.RegularExpressions.Regex(entry.GetProperty("regex").GetString()!, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
            watch.Restart();
            int hits = strings.Count(regex.IsMatch);
            Console.WriteLine($"    {entry.GetProperty("id").GetString(),-28}{watch.Elapsed.TotalMilliseconds,8:F0} ms  {hits} hits");
        }
    }
}

Console.WriteLine($"gc pauses {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, gen0 {GC.CollectionCount(0)}, gen2 {GC.CollectionCount(2)}");
