using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Image.Analysis;

namespace Drydock.Image.Rules;

/// <summary>IM012: a script's #! interpreter is absent from the image.</summary>
public sealed class ShebangInterpreterMissingRule : IPlatformRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "IM012",
        "shebang-interpreter-missing",
        Severity.Error,
        "The entrypoint is a script whose #! interpreter is not in the image.",
        "The kernel runs the interpreter named after #!; when it is absent exec fails with 'no such file or directory', which blames the script although the script is there.",
        "Install the interpreter in the final stage, or change the #! line to one that exists (`#!/bin/sh`, `#!/usr/bin/env python3` with python3 on PATH).");

    RuleDescriptor IPlatformRule.Descriptor => Descriptor;

    public void Check(PlatformContext context, FindingSink sink)
    {
        if (context.Platform.Entrypoint is { } resolution && resolution.Outcome == CommandOutcome.InterpreterMissing)
        {
            CommandFindings.ReportEntrypoint(context, sink, Descriptor, resolution, Descriptor.FixAdvice);
        }
    }
}
