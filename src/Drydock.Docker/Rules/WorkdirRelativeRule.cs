using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF021: a relative WORKDIR with no absolute WORKDIR before it in the stage chain.</summary>
public sealed class WorkdirRelativeRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF021",
        "workdir-relative",
        Severity.Warning,
        "WORKDIR is relative and nothing before it sets an absolute one.",
        "A relative WORKDIR is resolved against the base image's working directory, which the Dockerfile does not show and which changes between images: files land somewhere unexpected.",
        "Use an absolute path: WORKDIR /app.")
    {
        Equivalents = ["hadolint DL3000"],
        Fixable = true,
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitWorkdir(DockerfileContext context, WorkdirInstruction workdir)
    {
        if (workdir.Stage is not { } stage || workdir.PathWord is not { } path)
        {
            return;
        }

        var expansion = stage.Expand(path, workdir);
        string value = expansion.IsKnown ? expansion.Text : path.Value;
        bool absolute = value.StartsWith('/') || value.StartsWith('$') || (value.Length > 1 && value[1] == ':') || value.StartsWith('\\');
        if (absolute || stage.WorkdirAt(workdir) is not null)
        {
            return;
        }

        var fix = path.HasVariables || path.IsQuoted ? null : context.Replace("make it absolute", path.Span, "/" + path.Raw, safe: false);
        context.Report(Descriptor, path.Span, $"WORKDIR {value} is relative to the base image's working directory; write the absolute path (WORKDIR /{value})", fix);
    }
}
