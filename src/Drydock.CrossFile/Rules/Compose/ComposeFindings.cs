using Drydock.Compose.Model;
using Drydock.Docker.Model;
using Drydock.Findings;
using Drydock.Yaml;
using YamlDotNet.RepresentationModel;

namespace Drydock.CrossFile.Rules.Compose;

/// <summary>Reporting helpers of the compose cross-file rules: findings at compose nodes, related Dockerfile lines.</summary>
public static class ComposeFindings
{
    /// <summary>Reports at a YAML node of <paramref name="file"/> (the whole file when its text is unknown).</summary>
    public static void Report(CrossFileContext context, RuleDescriptor rule, ComposeFile file, YamlNode node, string message, Fix? fix = null, IReadOnlyList<RelatedLocation>? related = null, string? fixAdvice = null)
    {
        if (file.Text is null)
        {
            context.Sink.Report(rule, SourceLocation.WholeFile(file.Path), message, fixAdvice: fixAdvice, fix: fix, related: related);
            return;
        }

        var (start, end) = YamlSource.Span(node);
        context.Sink.Report(rule, file.Text, start, end, message, fixAdvice: fixAdvice, fix: fix, related: related);
    }

    public static void Report(CrossFileContext context, RuleDescriptor rule, ComposeValue at, string message, Fix? fix = null, IReadOnlyList<RelatedLocation>? related = null, string? fixAdvice = null) =>
        Report(context, rule, at.File, at.Node, message, fix, related, fixAdvice);

    /// <summary>A related location at a Dockerfile instruction.</summary>
    public static RelatedLocation At(Instruction instruction, string message) =>
        new(new SourceLocation(instruction.Document.Path, instruction.Line), message);

    /// <summary>A fix replacing a node's text (as written, quotes and all) with <paramref name="replacement"/>.</summary>
    public static Fix Replace(string title, ComposeFile file, YamlNode node, string replacement, bool isSafe)
    {
        var (start, end) = YamlSource.Span(node);
        return new Fix(title, isSafe, [new TextEdit(file.Path, start, end - start, replacement)]);
    }
}
