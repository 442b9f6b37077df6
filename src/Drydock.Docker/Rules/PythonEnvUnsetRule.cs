using Drydock.Docker.Knowledge;
using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF053: a Python service image without PYTHONUNBUFFERED / PYTHONDONTWRITEBYTECODE.</summary>
public sealed class PythonEnvUnsetRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF053",
        "python-env-unset",
        Severity.Info,
        "A Python service image sets neither PYTHONUNBUFFERED nor PYTHONDONTWRITEBYTECODE (or only one of them).",
        "With stdout on a pipe Python buffers its output: docker logs stays empty until the buffer fills and the last lines before a crash are lost. Without PYTHONDONTWRITEBYTECODE the interpreter writes .pyc files into the image's source tree at run time.",
        "Add ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 to the final stage.")
    {
        Fixable = true,
    };

    private static readonly string[] Variables = ["PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE"];

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitStage(DockerfileContext context, Stage stage)
    {
        if (!context.IsShipped(stage) || FieldCaseFacts.BaseOf(stage).Family is not { } family)
        {
            return;
        }

        var words = FieldCaseFacts.StartWords(stage);
        bool pythonServer = words is not null && FieldKnowledge.Default.IsServer(words, out bool isPython) && isPython;
        bool runsPython = words is { Count: > 0 } && Path.GetFileName(words[0]).StartsWith("python", StringComparison.Ordinal);
        if (!pythonServer && !runsPython && !(family.IsPython && words is not null))
        {
            return;
        }

        var missing = Variables.Where(name => !stage.Variables.IsDeclared(name)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        string assignments = string.Join(' ', missing.Select(name => name + "=1"));
        var fix = context.Insert($"add ENV {assignments}", stage.From.Span.End, context.Document.Source.NewLine + "ENV " + assignments);
        context.Report(Descriptor, stage.From.Span,
            $"this Python image does not set {string.Join(" or ", missing)}: {(missing.Contains("PYTHONUNBUFFERED") ? "its logs are buffered and the last lines before a crash are lost" : ".pyc files are written at run time")}; add ENV {assignments}",
            fix);
    }
}
