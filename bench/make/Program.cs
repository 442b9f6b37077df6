using System.Diagnostics;
using System.Globalization;
using Drydock.Analysis;
using Drydock.Make;
using Drydock.Make.Model;

// Usage: dotnet run -c Release -- <folder made by generate.py> [rounds] [--list]
// Times a cold check (scan + parse + model + all MK rules) of every Makefile under the folder; --list prints the findings
// (useful on a folder of real Makefiles, to look for false positives).
string root = args.Length > 0 ? args[0] : throw new ArgumentException("pass the folder made by generate.py");
int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var times = new List<double>();
int findings = 0, files = 0;
long bytes = 0;
string byRule = "";
for (int round = 0; round < rounds; round++)
{
    var clock = Stopwatch.StartNew();
    var project = Project.Open(root);
    var result = new CheckEngine([new MakefileAnalyzer()]).Run(project);
    clock.Stop();
    times.Add(clock.Elapsed.TotalMilliseconds);
    findings = result.Findings.Count;
    byRule = string.Join(", ", result.Findings.GroupBy(finding => finding.RuleId).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => $"{group.Key} {group.Count()}"));
    var makefiles = project.Files.OfKind(Drydock.Discovery.FileKind.Makefile);
    files = makefiles.Count;
    bytes = makefiles.Sum(file => file.Length);
}

if (args.Contains("--list"))
{
    foreach (var finding in new CheckEngine([new MakefileAnalyzer()]).Run(Project.Open(root)).Findings)
    {
        Console.WriteLine($"{finding.Location} {finding.RuleId} {finding.Message}");
    }
}

times.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"drydock make: {files} files, {bytes / 1024} KiB, {findings} findings ({byRule}), first {times.Max():F0} ms, median {times[times.Count / 2]:F0} ms over {rounds} rounds"));

// Phase split of one more cold run.
var phase = Stopwatch.StartNew();
var cold = Project.Open(root);
double scan = phase.Elapsed.TotalMilliseconds;
var set = cold.Model<MakefileSet>(MakefileSet.Build);
double model = phase.Elapsed.TotalMilliseconds;
var context = new MakeContext(cold, set, new FindingSink());
var perRule = new List<(string, double)>();
foreach (var rule in MakefileAnalyzer.RuleInstances)
{
    double before = phase.Elapsed.TotalMilliseconds;
    rule.Check(context);
    perRule.Add((rule.Rule.Id, phase.Elapsed.TotalMilliseconds - before));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"phases: scan {scan:F0} ms, parse {model - scan:F0} ms, rules {phase.Elapsed.TotalMilliseconds - model:F0} ms; slowest rules: {string.Join(", ", perRule.OrderByDescending(r => r.Item2).Take(3).Select(r => $"{r.Item1} {r.Item2:F0} ms"))}"));
