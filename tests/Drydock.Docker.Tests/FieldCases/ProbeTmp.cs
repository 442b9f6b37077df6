using Drydock.Analysis;
using Drydock.Docker.Rules;
using Drydock.Testing;

namespace Drydock.Docker.Tests.FieldCases;

public sealed class ProbeTmp
{
    [Fact]
    public void Probe()
    {
        var lines = new List<string>();
        foreach (string dir in Directory.GetDirectories(RepoRoot.Combine("examples")).Order())
        {
            var project = Project.Open(dir);
            var sink = new FindingSink();
            new DockerfileAnalyzer([.. DockerfileRules.All.Where(r => string.CompareOrdinal(r.Rule.Id, "DF040") >= 0 && string.CompareOrdinal(r.Rule.Id, "DF079") <= 0)]).Analyze(project, sink);
            foreach (var f in sink.Findings.OrderBy(f => f.Location.Path).ThenBy(f => f.Location.Line))
            {
                lines.Add($"{Path.GetFileName(dir)}/{f.Location.Path}:{f.Location.Line} {f.RuleId} {f.Message}");
            }
        }

        File.WriteAllLines("/tmp/probe-docker.txt", lines);
    }
}
