using System.Diagnostics;
using Drydock.Analysis;
using Drydock.Workflows;
using Drydock.Workflows.Model;

// End-to-end timing of the workflow analyzer on a generated repository (see ../generate.py):
// scan, read, parse, build the model and run every GA rule, as `drydock check` does. Run by hand:
//   dotnet run -c Release --project bench/workflows/Drydock.Workflows.Bench -- /tmp/ga-bench [runs] [--phases]
string root = args.Length > 0 ? args[0] : "/tmp/ga-bench";
int runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
bool phases = args.Contains("--phases");
for (int run = 1; run <= runs; run++)
{
    var clock = Stopwatch.StartNew();
    var project = Project.Open(root);
    long scanned = clock.ElapsedMilliseconds;
    if (phases)
    {
        var model = project.Model(WorkflowSet.Build);
        long built = clock.ElapsedMilliseconds;
        Console.WriteLine($"  scan {scanned} ms, model {built - scanned} ms ({model.Files.Count} files)");
        foreach (var rule in WorkflowAnalyzer.AllRules)
        {
            var ruleClock = Stopwatch.StartNew();
            rule.Check(model, project, new FindingSink());
            if (ruleClock.ElapsedMilliseconds > 20)
            {
                Console.WriteLine($"  {rule.Rule.Id} {ruleClock.ElapsedMilliseconds} ms");
            }
        }
    }

    var engine = new CheckEngine([new WorkflowAnalyzer()]);
    var result = engine.Run(project);
    clock.Stop();
    Console.WriteLine($"run {run}: {project.Files.FileCount} files, {result.Findings.Count} findings, {clock.ElapsedMilliseconds} ms");
    if (run == 1)
    {
        foreach (var group in result.Findings.GroupBy(finding => finding.RuleId).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {group.Key} {group.Count()}");
        }
    }
}
