using System.Diagnostics;
using System.Globalization;
using Drydock.Logs.Analysis;

// Usage: Drydock.Logs.Bench [--jobs N] LOG... : diagnoses the logs once and prints the figures on one line.
// --jobs caps the logs scanned at once (default: every core); cpu > wall shows the cores working together.
int jobs = Environment.ProcessorCount;
if (args.Length >= 2 && args[0] == "--jobs")
{
    jobs = int.Parse(args[1], CultureInfo.InvariantCulture);
    args = args[2..];
}

var process = Process.GetCurrentProcess();
var clock = Stopwatch.StartNew();
var result = new DiagnoseEngine(new DiagnoseOptions { MaxDegreeOfParallelism = jobs }).Diagnose(args);
clock.Stop();
process.Refresh();
long bytes = args.Where(File.Exists).Sum(path => new FileInfo(path).Length)
    + args.Where(Directory.Exists).SelectMany(path => Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)).Sum(path => new FileInfo(path).Length);
double cpu = process.TotalProcessorTime.TotalSeconds;
double megabytes = bytes / 1048576.0;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"input {megabytes:0} MB, jobs {result.Jobs.Count} ({jobs} at once), diagnoses {result.Diagnoses.Count}, problems {result.Problems.Count}; wall {clock.Elapsed.TotalSeconds:0.00} s, cpu {cpu:0.00} s (cpu/wall {cpu / clock.Elapsed.TotalSeconds:0.00}), {megabytes / cpu:0} MB/s per CPU-second, peak working set {process.PeakWorkingSet64 / 1048576} MB"));
foreach (string note in result.Notes)
{
    Console.WriteLine($"  note: {note}");
}

foreach (var problem in result.Problems)
{
    Console.WriteLine($"  LG000 {problem.Path}: {problem.Message}");
}

foreach (var diagnosis in result.Diagnoses.Take(3))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {diagnosis.RuleId} {diagnosis.Message} ({diagnosis.Evidence.Path}:{diagnosis.Evidence.StartLine})"));
}
