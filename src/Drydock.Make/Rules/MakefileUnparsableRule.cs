using Drydock.Findings;

namespace Drydock.Make.Rules;

/// <summary>MK000: a Makefile that cannot be read, or that make stops on while reading it.</summary>
public sealed class MakefileUnparsableRule : IMakeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "MK000",
        "makefile-unparsable",
        Severity.Error,
        "The Makefile cannot be read, or make stops on a syntax error while reading it.",
        "make reads the whole Makefile before running anything: one syntax error (a missing separator, an unbalanced endif, an unterminated define) stops every target, and the CI step that calls make fails before doing any work. A binary or non-UTF-8 file is not a Makefile Drydock can check.",
        "Fix the line make names: indent recipe lines with a tab, balance ifeq/else/endif and define/endef, and keep the file as UTF-8 text.");

    public RuleDescriptor Rule => Descriptor;

    public void Check(MakeContext context)
    {
        foreach (var unreadable in context.Makefiles.Unreadable)
        {
            var problem = unreadable.Problem;
            context.Sink.Report(Descriptor, new SourceLocation(unreadable.Path, problem.Line, problem.Column), $"{unreadable.Path} is not a Makefile Drydock can read: {problem.Message}");
        }

        foreach (var file in context.Makefiles.Files)
        {
            foreach (var problem in file.Problems)
            {
                context.Report(Descriptor, file, problem.Span, $"make stops here: `{file.Path}:{problem.Line}: *** {problem.Message}.  Stop.`");
            }
        }
    }
}
