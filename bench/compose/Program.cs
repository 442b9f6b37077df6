using System.Diagnostics;
using System.Globalization;
using Drydock.Analysis;
using Drydock.Compose;

// Usage: dotnet run -c Release -- <folder of generated compose projects> [rounds]
// Times a cold check (scan + parse + model + all DC rules) of every compose file under the folder.
string root = args.Length > 0 ? args[0] : throw new ArgumentException("pass the folder made by generate.py");
int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var times = new List<double>();
int findings = 0, files = 0;
for (int round = 0; round < rounds; round++)
{
    var clock = Stopwatch.StartNew();
    var project = Project.Open(root);
    var result = new CheckEngine([new ComposeAnalyzer(() => [])]).Run(project);
    clock.Stop();
    times.Add(clock.Elapsed.TotalMilliseconds);
    findings = result.Findings.Count;
    files = project.Files.OfKind(Drydock.Discovery.FileKind.Compose).Count;
}

times.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"drydock compose: {files} files, {findings} findings, first {times.Max():F0} ms, median {times[times.Count / 2]:F0} ms over {rounds} rounds"));

// Phase split of one more cold run, to see where the time goes.
var phase = Stopwatch.StartNew();
var cold = Project.Open(root);
double scan = phase.Elapsed.TotalMilliseconds;
var set = cold.Model<Drydock.Compose.Model.ComposeSet>(Drydock.Compose.Model.ComposeSet.Build);
double model = phase.Elapsed.TotalMilliseconds;
_ = Drydock.Compose.Validation.ComposeStructure.Of(cold).All.Count();
double structure = phase.Elapsed.TotalMilliseconds;
var sink = new FindingSink();
var context = new ComposeContext(cold, set, sink, () => []);
var perRule = new List<(string, double)>();
foreach (var rule in ComposeAnalyzer.RuleInstances)
{
    double before = phase.Elapsed.TotalMilliseconds;
    rule.Check(context);
    perRule.Add((rule.Rule.Id, phase.Elapsed.TotalMilliseconds - before));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"phases: scan {scan:F0} ms, model {model - scan:F0} ms, schema {structure - model:F0} ms, rules {phase.Elapsed.TotalMilliseconds - structure:F0} ms; slowest rules: {string.Join(", ", perRule.OrderByDescending(r => r.Item2).Take(3).Select(r => $"{r.Item1} {r.Item2:F0} ms"))}"));
