using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF024: MAINTAINER is deprecated.</summary>
public sealed class MaintainerDeprecatedRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF024",
        "maintainer-deprecated",
        Severity.Style,
        "MAINTAINER is deprecated.",
        "MAINTAINER has been deprecated since Docker 1.13 and is not shown by tools that read the OCI annotations.",
        "Use LABEL org.opencontainers.image.authors=\"name <email>\".")
    {
        Equivalents = ["hadolint DL4000", "buildkit MaintainerDeprecated"],
        Fixable = true,
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitInstruction(DockerfileContext context, Instruction instruction)
    {
        if (instruction is not MaintainerInstruction maintainer || maintainer.Span.Length == 0 || maintainer.EndLine != maintainer.Line)
        {
            return;
        }

        string value = maintainer.Maintainer.Trim('"').Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        var fix = context.Replace("use an OCI label", maintainer.Span, $"LABEL org.opencontainers.image.authors=\"{value}\"");
        context.Report(Descriptor, maintainer.KeywordSpan, $"MAINTAINER is deprecated: write LABEL org.opencontainers.image.authors=\"{value}\"", fix);
    }
}
