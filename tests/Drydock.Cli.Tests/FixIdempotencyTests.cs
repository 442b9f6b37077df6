using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Fixing;
using Drydock.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace Drydock.Cli.Tests;

/// <summary>
/// `drydock fix` twice equals `drydock fix` once, and every edit it keeps leaves a file that still parses:
/// over every example, over every fixture repository of the test suites, and over random Dockerfiles built
/// from real instruction lines.
/// </summary>
public class FixIdempotencyTests
{
    private static readonly CheckEngine Engine = new(AnalyzerCatalog.All);

    public static TheoryData<string, bool> Corpus()
    {
        var data = new TheoryData<string, bool>();
        var roots = Directory.GetDirectories(RepoRoot.Combine("examples"))
            .Concat(Directory.GetDirectories(RepoRoot.Combine("tests"), "Cases", SearchOption.AllDirectories).SelectMany(Directory.GetDirectories))
            .Select(path => Path.GetRelativePath(RepoRoot.Path, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (string root in roots)
        {
            data.Add(root, false);
            data.Add(root, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Fixing_twice_changes_nothing_the_second_time(string corpusFolder, bool includeUnsafe)
    {
        using var tree = new TempTree();
        CopyTree(RepoRoot.Combine(corpusFolder), tree.Root);

        // Files that did not parse before fixing (fixtures of XX000 itself) are allowed to still not parse.
        var unparsableBefore = Engine.Run(Project.Open(tree.Root)).Findings
            .Where(IsUnparsable).Select(finding => finding.Location.Path).ToHashSet(StringComparer.Ordinal);
        var first = FixAndWrite(tree.Root, includeUnsafe);
        var second = new FixSession(Engine).Run(Project.Open(tree.Root), includeUnsafe);

        Assert.True(second.Changes.Count == 0, $"{corpusFolder}: a second run still changes {string.Join(", ", second.Changes.Select(change => change.Original.Path))}");
        Assert.DoesNotContain(second.Remaining, finding => IsUnparsable(finding)
            && !unparsableBefore.Contains(finding.Location.Path)
            && first.Changes.Any(change => change.Original.Path == finding.Location.Path));
    }

    [Fact]
    public void Random_dockerfiles_from_real_lines_fix_idempotently()
    {
        string[] lines =
        [
            "RUN apt-get update && apt-get install -y curl wget",
            "RUN apt-get install -y gnupg && rm -rf /var/lib/apt/lists/*",
            "RUN pip install -r requirements.txt",
            "RUN pip install -e .",
            "RUN curl -fsSL https://example.com/key.gpg | apt-key add - && echo \"deb https://example.com/apt stable main\" > /etc/apt/sources.list.d/example.list",
            "COPY . .",
            "COPY requirements.txt .",
            "WORKDIR app",
            "CMD python -m app",
            "ENTRYPOINT [\"python\", \"-m\", \"app\"]",
            "EXPOSE 8080",
            "USER nobody",
            "ENV PYTHONUNBUFFERED=1",
            "HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1",
            "MAINTAINER someone@example.com",
            "ADD requirements.txt /tmp/",
            "RUN cd /tmp && make",
            "RUN apk add curl",
        ];
        var bases = new[] { "FROM python:3.11-slim", "FROM python:3.12", "FROM debian:bookworm", "FROM alpine:3.20", "FROM ubuntu" };
        var dockerfiles =
            from first in Gen.Elements(bases)
            from body in Gen.Elements(lines).ArrayOf()
            select first + "\n" + string.Join("\n", body) + "\n";

        Prop.ForAll(dockerfiles.ToArbitrary(), text =>
        {
            using var tree = new TempTree();
            tree.Write("Dockerfile", text).Write("requirements.txt", "flask==3.0.3\n").Write("app/__main__.py", "print('hi')\n");
            FixAndWrite(tree.Root, includeUnsafe: true);
            string once = File.ReadAllText(tree.Path("Dockerfile"));
            FixAndWrite(tree.Root, includeUnsafe: true);
            return once == File.ReadAllText(tree.Path("Dockerfile"));
        }).QuickCheckThrowOnFailure();
    }

    private static bool IsUnparsable(Finding finding) => finding.Rule.Id.EndsWith("000", StringComparison.Ordinal);

    private static FixOutcome FixAndWrite(string root, bool includeUnsafe)
    {
        var outcome = new FixSession(Engine).Run(Project.Open(root), includeUnsafe);
        foreach (var change in outcome.Changes)
        {
            AtomicFileWriter.Write(root, change);
        }

        return outcome;
    }

    private static void CopyTree(string source, string destination)
    {
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
