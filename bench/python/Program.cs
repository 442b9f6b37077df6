using System.Diagnostics;
using System.Globalization;
using System.Text;
using Drydock.Analysis;
using Drydock.Python;
using Drydock.Python.Model;
using Drydock.Python.Parsing;

// Generates a 2,000-module Python project, then times (a) tokenizing + parsing every .py file and (b) the whole
// PythonAnalyzer run (model, facts, all rules). Run by hand:
//   dotnet run -c Release --project bench/python -- [files=2000] [rounds=7]
int files = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
string root = Path.Combine(Path.GetTempPath(), "drydock-python-bench-" + Environment.ProcessId);
Generate(root, files);
try
{
    var project = Project.Open(root);
    var paths = project.Model(PythonProject.Build).ModulePaths;
    var texts = paths.Select(path => project.ReadText(path).Text!.Text).ToList();
    long bytes = texts.Sum(text => (long)Encoding.UTF8.GetByteCount(text));
    Console.WriteLine($"{paths.Count} .py files, {bytes / 1024} KiB, {texts.Sum(text => text.Count(c => c == '\n'))} lines");

    var parse = new List<double>();
    var analyze = new List<double>();
    for (int round = 0; round < rounds; round++)
    {
        var watch = Stopwatch.StartNew();
        int statements = 0;
        foreach (string text in texts)
        {
            statements += PyParser.Parse(text).Statements.Count;
        }

        parse.Add(watch.Elapsed.TotalMilliseconds);

        watch.Restart();
        var fresh = Project.Open(root);
        var result = new CheckEngine([new PythonAnalyzer()]).Run(fresh);
        analyze.Add(watch.Elapsed.TotalMilliseconds);
        if (round == 0) { Console.WriteLine($"{statements} top-level statements; analyzer: {result.Findings.Count} findings, {result.Notes.Count} notes"); }
    }

    var phases = Stopwatch.StartNew();
    int transient = 0;
    foreach (string text in texts) { transient += PythonModule.FromText("m.py", text).Calls.Count; }
    Console.WriteLine($"phase parse+facts, nothing kept: {phases.ElapsedMilliseconds} ms ({transient} calls)"); phases.Restart();
    var phased = Project.Open(root);
    Console.WriteLine($"phase scan: {phases.ElapsedMilliseconds} ms"); phases.Restart();
    var phasedModel = phased.Model(PythonProject.Build);
    Console.WriteLine($"phase model: {phases.ElapsedMilliseconds} ms"); phases.Restart();
    int facts = phasedModel.Modules.Sum(module => module.Imports.Count + module.Calls.Count);
    Console.WriteLine($"phase read+parse+facts: {phases.ElapsedMilliseconds} ms ({facts} imports and calls)"); phases.Restart();
    new CheckEngine([new PythonAnalyzer()]).Run(phased);
    Console.WriteLine($"phase rules: {phases.ElapsedMilliseconds} ms; gc pause total {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, gen2 {GC.CollectionCount(2)}, heap {GC.GetTotalMemory(false) / 1048576} MiB"); phases.Restart();
    Console.WriteLine($"tokenize+parse all files: min {parse.Min():F0} ms, median {Median(parse):F0} ms (first {parse[0]:F0} ms)");
    Console.WriteLine($"full PythonAnalyzer run (scan, read, parse, facts, rules): min {analyze.Min():F0} ms, median {Median(analyze):F0} ms (first {analyze[0]:F0} ms)");
}
finally
{
    Directory.Delete(root, recursive: true);
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static void Generate(string root, int count)
{
    var random = new Random(2000);
    Directory.CreateDirectory(root);
    File.WriteAllText(Path.Combine(root, "pyproject.toml"), "[project]\nname = \"bench\"\nrequires-python = \">=3.10\"\ndependencies = [\"httpx\", \"pydantic>=2\"]\n");
    for (int k = 0; k < count; k++)
    {
        bool test = k % 5 == 0;
        string folder = test ? $"tests/group{k % 20}" : $"src/bench/pkg{k % 40}/sub{k % 7}";
        Directory.CreateDirectory(Path.Combine(root, folder));
        if (!test) { File.WriteAllText(Path.Combine(root, folder, "__init__.py"), ""); }
        string name = test ? $"test_module_{k}.py" : $"module_{k}.py";
        File.WriteAllText(Path.Combine(root, folder, name), Module(random, k, test));
    }
}

static string Module(Random random, int index, bool test)
{
    var builder = new StringBuilder();
    builder.Append("\"\"\"Module ").Append(index).Append(": generated for the benchmark.\"\"\"\n");
    builder.Append("from __future__ import annotations\n\nimport asyncio\nimport json\nimport sys\nfrom dataclasses import dataclass, field\n");
    builder.Append(test ? "\nimport pytest\n" : "\nimport httpx\n");
    builder.Append("\ntry:\n    import orjson\nexcept ImportError:  # optional speedup\n    orjson = None\n\n");
    builder.Append("PATTERN = r\"\\d+\\.\\d{2}\"\nLIMIT = 1_000\n\n");
    int functions = 8 + random.Next(8);
    for (int f = 0; f < functions; f++)
    {
        builder.Append("\n@dataclass\nclass Record").Append(f).Append(":\n    name: str\n    values: list[int] = field(default_factory=list)\n\n");
        builder.Append("    def total(self) -> int:\n        return sum(v * 2 for v in self.values if v > 0)\n\n");
        builder.Append(test ? "\ndef test_" : "\nasync def handler_").Append(f).Append("(value: int = 3, *args, **kwargs):\n");
        builder.Append("    data = {\"key\": value, \"items\": [1, 2, 3], 'nested': {'a': (1, 2)}}\n");
        builder.Append("    text = f\"{value!r:>10} and {data['key']} {'x' if value else 'y'}\"\n");
        builder.Append("    if value > LIMIT and (\n        value % 3 == 0\n        or value % 5 == 0\n    ):\n        return json.dumps(data)\n");
        builder.Append("    for i in range(value):\n        text += str(i) \\\n            + \"!\"\n    assert text\n");
        builder.Append(test ? "" : "    await asyncio.sleep(0)\n");
    }

    builder.Append("\n\nif __name__ == \"__main__\":\n    if \"--server\" in sys.argv:\n        asyncio.run(main())\n    else:\n        print(\"demo\")\n        sys.exit(0)\n");
    return builder.ToString();
}
