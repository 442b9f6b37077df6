using Drydock.Compose.Model;
using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.CrossFile.Rules.Compose;

/// <summary>DC044: build.args passes a variable that no ARG of the Dockerfile declares.</summary>
public sealed class BuildArgNotDeclaredRule : ICrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC044",
        "build-arg-not-declared",
        Severity.Warning,
        "build.args passes a variable that the service's Dockerfile never declares with ARG (globally or in any stage).",
        "Only instructions after an ARG of that name see a build argument. BuildKit drops an undeclared one without a word (moby/buildkit#2128; only the classic builder printed 'One or more build-args [X] were not consumed'), so the build runs with the Dockerfile's defaults and a typo or a renamed ARG goes unnoticed.",
        "Declare it in the Dockerfile (ARG NAME before the instructions that use it), fix the name to match an existing ARG, or remove the entry.")
    {
        Fixable = true,
    };

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        foreach (var image in ServiceImage.All(context))
        {
            if (image.Document is not { } document || image.Service.Build is not { Args.Count: > 0 } build)
            {
                continue;
            }

            var declared = document.Instructions.OfType<ArgInstruction>().SelectMany(arg => arg.Declarations).Select(declaration => declaration.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var arg in build.Args.Where(arg => !declared.Contains(arg.Name) && !ComposeImageKnowledge.Default.PredefinedBuildArgs.Contains(arg.Name)))
            {
                string? similar = declared.FirstOrDefault(name => name.Equals(arg.Name, StringComparison.OrdinalIgnoreCase));
                string names = declared.Count == 0 ? "it declares no ARG" : "it declares " + string.Join(", ", declared.Order(StringComparer.Ordinal));
                ComposeFindings.Report(context, Descriptor, arg.Node,
                    $"service '{image.Service.Name}' passes build arg {arg.Name}, but {document.Path} never declares ARG {arg.Name} ({names}){(similar is null ? "" : $"; ARG names are case-sensitive, did you mean {similar}?")}: the value never reaches the build",
                    fix: RemoveEntry(build, arg));
            }
        }
    }

    /// <summary>Deleting an entry BuildKit ignores changes nothing; offered only when the entry has its own line and others remain.</summary>
    private static Fix? RemoveEntry(ComposeBuild build, ComposeKeyValue arg)
    {
        var text = arg.Node.File.Text;
        if (text is null || build.Args.Count < 2 || build.Args.Any(other => other.Node.File != arg.Node.File))
        {
            return null;
        }

        var (line, _) = text.Position(arg.Node.Span.Start);
        var (endLine, _) = text.Position(arg.Node.Span.End);
        bool alone = build.Args.Count(other => text.Position(other.Node.Span.Start).Line == line) == 1;
        string lineText = text.Text[text.LineStart(line)..(line < text.LineCount ? text.LineStart(line + 1) : text.Text.Length)].Trim();
        bool blockEntry = lineText.StartsWith(arg.Name, StringComparison.Ordinal) || lineText.StartsWith("- ", StringComparison.Ordinal)
            || lineText.StartsWith('"') || lineText.StartsWith('\'');
        if (!alone || !blockEntry || endLine != line || lineText.EndsWith('|') || lineText.EndsWith('>') || lineText.EndsWith(':'))
        {
            return null;
        }

        return Drydock.Compose.ComposeEdits.DeleteLines($"remove build arg {arg.Name}, which the Dockerfile does not declare", arg.Node, arg.Node.Span.End, isSafe: true);
    }
}
