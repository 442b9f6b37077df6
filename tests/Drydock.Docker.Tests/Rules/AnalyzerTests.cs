using System.Text;
using Drydock.Analysis;
using Drydock.Docker.Model;
using Drydock.Docker.Rules;
using Drydock.Findings;
using Drydock.Testing;

namespace Drydock.Docker.Tests.Rules;

public class AnalyzerTests
{
    [Fact]
    public void Every_rule_class_is_listed_once_in_the_analyzer()
    {
        var listed = DockerfileRules.All.Select(rule => rule.GetType()).ToList();
        var declared = typeof(DockerfileRule).Assembly.GetExportedTypes()
            .Where(type => type.IsSubclassOf(typeof(DockerfileRule)) && !type.IsAbstract).ToList();
        Assert.Equal(declared.OrderBy(type => type.Name), listed.OrderBy(type => type.Name));
        var ids = new DockerfileAnalyzer().Rules.Select(rule => rule.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("DF000", ids);
    }

    [Fact]
    public void Rule_ids_and_names_follow_the_conventions()
    {
        foreach (var rule in new DockerfileAnalyzer().Rules)
        {
            Assert.Matches("^DF[0-9]{3}$", rule.Id);
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", rule.Name);
            Assert.Equal(RuleKind.Dockerfile, rule.Kind);
            Assert.False(string.IsNullOrWhiteSpace(rule.Summary + rule.Why + rule.FixAdvice));
        }
    }

    [Theory]
    [InlineData("empty", new byte[0])]
    [InlineData("binary", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00 })]
    [InlineData("invalid-utf8", new byte[] { 0x46, 0x52, 0x4F, 0x4D, 0x20, 0xC3, 0x28, 0x0A })]
    public void Bad_files_give_a_located_finding_not_an_exception(string name, byte[] bytes)
    {
        using var tree = new TempTree();
        tree.WriteBytes("Dockerfile", bytes);
        var result = new CheckEngine([new DockerfileAnalyzer()]).Run(Project.Open(tree.Root));
        Assert.Empty(result.Notes);
        if (name == "empty")
        {
            Assert.Empty(result.Findings);
            return;
        }

        var finding = Assert.Single(result.Findings);
        Assert.Equal("DF000", finding.RuleId);
        Assert.Equal(1, finding.Location.Line);
        Assert.Contains(name == "binary" ? "binary" : "invalid UTF-8", finding.Message, StringComparison.Ordinal);
    }

    /// <summary>Inputs the coverage-guided fuzzer (fuzz/) found to crash the parser or the model, reduced to one line.</summary>
    [Theory]
    [InlineData("FROM debian:12\nRUN +=x\n")]
    [InlineData("FROM debian:12\nRUN apt-get install \"\"\n")]
    [InlineData("FROM python:3.12\nRUN pip install \"\" =\n")]
    [InlineData("FROM debian:12\nRUN apt-get install -=5s\n")]
    public void Inputs_the_fuzzer_found_are_analysed_without_an_internal_error(string dockerfile)
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", dockerfile);
        var result = new CheckEngine([new DockerfileAnalyzer()]).Run(Project.Open(tree.Root));
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void A_50_MB_dockerfile_is_refused_with_a_finding()
    {
        using var tree = new TempTree();
        string path = tree.Path("Dockerfile");
        using (var stream = File.Create(path))
        {
            byte[] line = Encoding.UTF8.GetBytes("RUN echo " + new string('x', 1000) + "\n");
            stream.Write("FROM alpine:3.20\n"u8);
            for (long written = 0; written < 50L * 1024 * 1024; written += line.Length)
            {
                stream.Write(line);
            }
        }

        var result = new CheckEngine([new DockerfileAnalyzer()]).Run(Project.Open(tree.Root));
        var finding = Assert.Single(result.Findings);
        Assert.Equal("DF000", finding.RuleId);
        Assert.Contains("MiB", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_dockerfile_under_the_cap_is_parsed()
    {
        var builder = new StringBuilder("FROM alpine:3.20\n");
        for (int index = 0; index < 20_000; index++)
        {
            builder.Append("RUN echo ").Append(index).Append(" \\\n  && true\n");
        }

        var document = DockerfileDocument.Parse("Dockerfile", builder.ToString());
        Assert.Equal(20_001, document.Instructions.Count);
        Assert.Empty(document.Problems);
    }

    [Fact]
    public void Pragmas_suppress_the_next_instruction_and_the_whole_file()
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM ubuntu:latest\n# drydock ignore=DF006\nRUN apt-get update \\\n && apt-get install \\\n      curl\n# drydock global ignore=apt-install-recommends,DF005\n");
        var result = new CheckEngine([new DockerfileAnalyzer(RuleCaseTests.OwnRules)]).Run(Project.Open(tree.Root));
        Assert.Equal(["DF002"], result.Findings.Select(finding => finding.RuleId));
        Assert.Equal(3, result.SuppressedCount);
    }

    [Theory]
    [InlineData("FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n", "DF004", "FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\n")]
    [InlineData("FROM debian:12\r\nRUN apt-get update && apt-get install -y --no-install-recommends curl\r\nUSER app\r\n", "DF005", "FROM debian:12\r\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\r\n    && rm -rf /var/lib/apt/lists/*\r\nUSER app\r\n")]
    [InlineData("FROM debian:12\nRUN apt-get install --no-install-recommends make\n", "DF006", "FROM debian:12\nRUN apt-get install -y --no-install-recommends make\n")]
    [InlineData("FROM python:3.12\nRUN pip install -r r.txt\n", "DF007", "FROM python:3.12\nRUN pip install --no-cache-dir -r r.txt\n")]
    [InlineData("FROM alpine:3\nADD app.py /app/\n", "DF011", "FROM alpine:3\nCOPY app.py /app/\n")]
    [InlineData("FROM alpine:3\nCMD gunicorn --bind 0.0.0.0:8000 app:app\n", "DF014", "FROM alpine:3\nCMD [\"gunicorn\", \"--bind\", \"0.0.0.0:8000\", \"app:app\"]\n")]
    [InlineData("FROM alpine:3\nMAINTAINER Jane <j@x.org>\n", "DF024", "FROM alpine:3\nLABEL org.opencontainers.image.authors=\"Jane <j@x.org>\"\n")]
    [InlineData("FROM alpine:3\nRUN apk add git\n", "DF025", "FROM alpine:3\nRUN apk add --no-cache git\n")]
    [InlineData("FROM debian:12\nRUN apt update\n", "DF027", "FROM debian:12\nRUN apt-get update\n")]
    [InlineData("FROM debian:12\nRUN useradd -u 123456 app\n", "DF029", "FROM debian:12\nRUN useradd -l -u 123456 app\n")]
    [InlineData("ARG V=1\nFROM alpine:3\nRUN echo $V\n", "DF034", "ARG V=1\nFROM alpine:3\nARG V\nRUN echo $V\n")]
    [InlineData("FROM alpine:3\nCMD ['sh', '-c', 'x']\n", "DF035", "FROM alpine:3\nCMD [\"sh\", \"-c\", \"x\"]\n")]
    public void Safe_fix_removes_the_finding_and_keeps_every_other_byte(string before, string ruleId, string after)
    {
        var first = RuleCaseTests.Check("Dockerfile", before);
        var finding = first.Findings.Single(candidate => candidate.RuleId == ruleId);
        Assert.NotNull(finding.Fix);
        Assert.True(finding.Fix!.IsSafe);
        var document = DockerfileDocument.Parse("Dockerfile", before);
        string fixedText = document.ApplyEdits(finding.Fix.Edits);
        Assert.Equal(after, fixedText);
        Assert.DoesNotContain(RuleCaseTests.Check("Dockerfile", fixedText).Findings, candidate => candidate.RuleId == ruleId);
    }

    [Fact]
    public void Secret_values_stay_out_of_the_evidence()
    {
        var result = RuleCaseTests.Check("Dockerfile", "FROM alpine:3\nENV API_TOKEN=s3cr3t-value\n");
        var finding = result.Findings.Single(candidate => candidate.RuleId == "DF022");
        Assert.DoesNotContain("s3cr3t-value", finding.Evidence + finding.Message, StringComparison.Ordinal);
    }
}
