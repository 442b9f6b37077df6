using Drydock.Analysis;
using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF000: the Dockerfile cannot be read (binary, invalid UTF-8, too large) or has a syntax error.</summary>
public static class DockerfileParseErrorRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF000",
        "dockerfile-parse-error",
        Severity.Error,
        "The Dockerfile cannot be read or parsed.",
        "The builder stops at the first syntax error, and a file that is not UTF-8 text is not a Dockerfile at all: nothing else in it can be checked.",
        "Fix the syntax error at the reported position (or restore the file if it was damaged), then run the check again.");

    internal static void Report(FindingSink sink, UnreadableDockerfile unreadable)
    {
        var problem = unreadable.Problem;
        var location = problem.Line > 0
            ? new SourceLocation(unreadable.Path, problem.Line, problem.Column, problem.Line, problem.Column)
            : SourceLocation.WholeFile(unreadable.Path);
        sink.Report(Descriptor, location, $"{unreadable.Path} cannot be analysed: {problem.Message}");
    }

    internal static void Report(DockerfileContext context)
    {
        foreach (var problem in context.Document.Problems)
        {
            context.Report(Descriptor, problem.Span, problem.Message);
        }
    }
}
