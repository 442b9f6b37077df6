using System.Text;
using Drydock.Analysis;
using Drydock.Fixing;
using Drydock.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace Drydock.Cli.Tests;

/// <summary>
/// Real files, broken the way edits and bad merges break them (cut short, a line lost or doubled, a stray quote,
/// tab, brace, NUL or non-ASCII character), inside the example repositories they come from: every analyzer must
/// keep going (no internal error), and `drydock fix` must still be able to plan on the result.
/// </summary>
public sealed class MutationRobustnessTests
{
    private static readonly CheckEngine Engine = new(AnalyzerCatalog.All);

    private static readonly string[] Strays = ["\"", "'", "\t", "{", "}", "[", "]", ":", "\\", "$", "${", "$(", "#", "-", "\0", "é", "\u2028", "\r", "\n", "<<EOF", "&&", "|", "    ", "`"];

    private static readonly string[] Examples = [.. Directory.GetDirectories(RepoRoot.Combine("examples")).Where(path => !path.EndsWith("logs-corpus", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Broken_copies_of_real_files_never_stop_an_analyzer()
    {
        var cases =
            from example in Gen.Elements(Examples)
            from seed in Gen.Choose(0, int.MaxValue)
            from edits in Gen.Choose(1, 4)
            select (Example: example, Seed: seed, Edits: edits);

        Prop.ForAll(cases.ToArbitrary(), sample =>
        {
            using var tree = new TempTree();
            var files = CopyTree(sample.Example, tree.Root);
            var random = new Random(sample.Seed);
            string victim = files[random.Next(files.Count)];
            string text = File.ReadAllText(Path.Combine(tree.Root, victim));
            for (int i = 0; i < sample.Edits; i++)
            {
                text = Mutate(text, random);
            }

            File.WriteAllText(Path.Combine(tree.Root, victim), text, new UTF8Encoding(false));
            var project = Project.Open(tree.Root);
            var result = Engine.Run(project);
            var problems = result.Notes.Where(note => note.Contains("internal error", StringComparison.OrdinalIgnoreCase) || note.Contains("Exception", StringComparison.Ordinal)).ToList();
            _ = new FixSession(Engine).Run(Project.Open(tree.Root), includeUnsafe: true);
            return problems.Count == 0
                ? true.ToProperty()
                : false.Label($"{Path.GetFileName(sample.Example)}/{victim} (seed {sample.Seed}, {sample.Edits} edits): {string.Join("; ", problems)}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(120));
    }

    private static string Mutate(string text, Random random)
    {
        if (text.Length == 0)
        {
            return Strays[random.Next(Strays.Length)];
        }

        var lines = text.Split('\n').ToList();
        int line = random.Next(lines.Count);
        int at = random.Next(text.Length + 1);
        switch (random.Next(6))
        {
            case 0:
                return text[..at];
            case 1:
                lines.RemoveAt(line);
                return string.Join('\n', lines);
            case 2:
                lines.Insert(line, lines[line]);
                return string.Join('\n', lines);
            case 3:
                return text[..at] + Strays[random.Next(Strays.Length)] + text[at..];
            case 4:
                return at < text.Length ? text[..at] + Strays[random.Next(Strays.Length)] + text[(at + 1)..] : text;
            default:
                int other = random.Next(lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return string.Join('\n', lines);
        }
    }

    /// <summary>Copies the example's text files (not its logs) and returns their relative paths.</summary>
    private static List<string> CopyTree(string source, string destination)
    {
        var copied = new List<string>();
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(source, file).Replace('\\', '/');
            if (relative.StartsWith("logs/", StringComparison.Ordinal) || relative.EndsWith(".txt", StringComparison.Ordinal) && relative.StartsWith("expected", StringComparison.Ordinal))
            {
                continue;
            }

            string target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            copied.Add(relative);
        }

        return copied;
    }
}
