using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Text;
using Drydock.Yaml;
using YamlDotNet.RepresentationModel;

namespace Drydock.Compose.Model;

/// <summary>Why a compose file could not be read as a compose document (becomes DC000).</summary>
public sealed record ComposeProblem(string Path, string Message, int Line, int Column);

/// <summary>
/// One compose file as parsed: its text, its YAML tree and root mapping, or the problem that stopped it.
/// Paths are relative to the project root with '/' separators.
/// </summary>
public sealed class ComposeFile
{
    /// <summary>How many nodes a walk over one file may visit, aliases included, before it is called a bomb.</summary>
    public const int NodeBudget = 2_000_000;

    private ComposeFile(string path, SourceText? text, YamlSource? yaml, YamlMappingNode? root, IReadOnlyList<ComposeProblem> problems)
    {
        Path = path;
        Text = text;
        Yaml = yaml;
        Root = root;
        Problems = problems;
        int slash = path.LastIndexOf('/');
        Directory = slash < 0 ? "" : path[..slash];
        Name = slash < 0 ? path : path[(slash + 1)..];
    }

    public string Path { get; }

    /// <summary>The folder holding the file, relative to the root ("" for the root).</summary>
    public string Directory { get; }

    public string Name { get; }

    public SourceText? Text { get; }

    public YamlSource? Yaml { get; }

    /// <summary>The top-level mapping, or null when the file could not be parsed into one.</summary>
    public YamlMappingNode? Root { get; }

    public IReadOnlyList<ComposeProblem> Problems { get; }

    public bool IsUsable => Root is not null && Text is not null;

    /// <summary>A fresh budget for one walk over this file.</summary>
    public static YamlWalkBudget NewBudget() => new(NodeBudget);

    public static ComposeFile Load(Project project, string path)
    {
        var (text, readProblem) = project.ReadText(path);
        if (text is null)
        {
            return Failed(path, null, readProblem?.Message ?? "cannot read file", readProblem?.Line ?? 0, readProblem?.Column ?? 0);
        }

        return Parse(text, project);
    }

    /// <summary>Parses already-read text (tests and the bench use this directly).</summary>
    public static ComposeFile Parse(SourceText text, Project? project = null)
    {
        if (!YamlSource.TryParse(text, out var yaml, out var problem))
        {
            var (line, column) = problem!.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? FirstTabIndent(text) ?? (problem.Line, problem.Column) : (problem.Line, problem.Column);
            return Failed(text.Path, text, problem.Message, line, column);
        }

        project?.RegisterSuppressions(text.Path, YamlSource.Pragmas(text));
        if (yaml!.Root is null || yaml.Root.IsNull())
        {
            return Failed(text.Path, text, "empty compose file: no services, networks, volumes, secrets or configs", 0, 0);
        }

        if (yaml.Documents.Count > 1)
        {
            var second = yaml.Documents[1].RootNode;
            return Failed(text.Path, text, "the file holds several YAML documents ('---'); compose reads one document per file", (int)second.Start.Line, (int)second.Start.Column);
        }

        if (yaml.Root is not YamlMappingNode root)
        {
            return Failed(text.Path, text, $"Top-level object must be a mapping, found a {NodeKind(yaml.Root)}", (int)yaml.Root.Start.Line, (int)yaml.Root.Start.Column);
        }

        var budget = NewBudget();
        if (!FitsBudget(root, budget))
        {
            return Failed(text.Path, text, $"the document expands to more than {NodeBudget:N0} nodes through aliases (a YAML bomb?); not analysed", (int)root.Start.Line, (int)root.Start.Column);
        }

        return new ComposeFile(text.Path, text, yaml, root, []);
    }

    /// <summary>Where a node is, for findings.</summary>
    public SourceLocation Locate(YamlNode node)
    {
        var (start, end) = YamlSource.Span(node);
        if (Text is null)
        {
            return SourceLocation.WholeFile(Path);
        }

        var (line, column) = Text.Position(start);
        var (endLine, endColumn) = Text.Position(end);
        return new SourceLocation(Path, line, column, endLine, endColumn);
    }

    public static string NodeKind(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "sequence",
        YamlScalarNode scalar when scalar.IsNull() => "null",
        _ => "scalar",
    };

    /// <summary>YamlDotNet reports a tab at the start of the enclosing mapping; point at the tab itself.</summary>
    private static (int Line, int Column)? FirstTabIndent(SourceText text)
    {
        for (int line = 1; line <= text.LineCount; line++)
        {
            string content = text.Line(line);
            int indent = content.Length - content.TrimStart(' ', '\t').Length;
            int tab = content.IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return (line, tab + 1);
            }
        }

        return null;
    }

    private static ComposeFile Failed(string path, SourceText? text, string message, int line, int column) =>
        new(path, text, null, null, [new ComposeProblem(path, message, line, column)]);

    /// <summary>
    /// Walks the tree as every later pass will (merge keys expanded, aliases followed) and checks that it
    /// stays within the budget. Nested aliases that multiply are what make a YAML bomb.
    /// </summary>
    private static bool FitsBudget(YamlNode root, YamlWalkBudget budget)
    {
        var stack = new Stack<YamlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            if (!budget.Spend())
            {
                return false;
            }

            switch (stack.Pop())
            {
                case YamlMappingNode mapping:
                    foreach (var entry in YamlNodes.Entries(mapping, budget))
                    {
                        stack.Push(entry.Value);
                    }

                    if (budget.Exhausted)
                    {
                        return false;
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var child in sequence.Children)
                    {
                        stack.Push(child);
                    }

                    break;
            }
        }

        return true;
    }
}
