using Drydock.Analysis;
using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.Workflows.Rules;

/// <summary>GA027: a run: script prints a secret (directly, or through an env variable that holds one).</summary>
public sealed class SecretEchoedRule : IWorkflowRule
{
    private static readonly string[] Printers = ["echo ", "printf ", "cat <<", "Write-Host ", "Write-Output "];

    public static readonly RuleDescriptor Descriptor = new(
        "GA027",
        "secret-echoed",
        Severity.Warning,
        "A run: script prints a secret to the log with echo or printf.",
        "GitHub masks a secret only when it appears verbatim: a secret printed base64-encoded, split, URL-encoded or as part of JSON shows in clear text in a log that everyone with read access can see, and logs are kept for 90 days.",
        "Do not print secrets. Pipe them to the tool that needs them ('--password-stdin'), or write them to a file with '>>' that no step prints.")
    {
    };

    public RuleDescriptor Rule => Descriptor;

    public void Check(WorkflowSet workflows, Project project, FindingSink sink)
    {
        foreach (var file in workflows.Files)
        {
            foreach (var (job, step) in file.AllSteps())
            {
                if (step.Run is not { } run)
                {
                    continue;
                }

                var secretVariables = step.Env.Concat(job?.Env ?? []).Concat(file.Env)
                    .Where(entry => entry.Scalar?.Value.Contains("secrets.", StringComparison.Ordinal) ?? false)
                    .Select(entry => entry.Key.Value).ToList();
                int offset = 0;
                foreach (string line in run.Value.Split('\n'))
                {
                    if (PrintsSecret(line, secretVariables) is { } what)
                    {
                        sink.Report(Descriptor, file, file.Locate(run, offset, line.TrimEnd('\r').Length),
                            $"step '{step.DisplayName}' prints {what} to the log");
                    }

                    offset += line.Length + 1;
                }
            }
        }
    }

    private static string? PrintsSecret(string line, List<string> secretVariables)
    {
        string trimmed = line.Trim();
        int printer = Printers.Select(word => trimmed.IndexOf(word, StringComparison.Ordinal)).Where(at => at >= 0).DefaultIfEmpty(-1).Min();
        if (printer < 0)
        {
            return null;
        }

        // Redirected into a file or piped into a program: not printed.
        string rest = trimmed[printer..];
        if (rest.Contains(">>", StringComparison.Ordinal) || rest.Contains(" > ", StringComparison.Ordinal) || rest.Contains('|'))
        {
            return null;
        }

        int secret = rest.IndexOf("secrets.", StringComparison.Ordinal);
        if (secret >= 0 && rest.LastIndexOf("${{", secret, StringComparison.Ordinal) >= 0)
        {
            int end = secret + "secrets.".Length;
            while (end < rest.Length && (char.IsLetterOrDigit(rest[end]) || rest[end] == '_'))
            {
                end++;
            }

            return $"'{rest[secret..end]}'";
        }

        var variable = secretVariables.FirstOrDefault(name => rest.Contains("$" + name, StringComparison.Ordinal) || rest.Contains("${" + name + "}", StringComparison.Ordinal) || rest.Contains("$env:" + name, StringComparison.Ordinal));
        return variable is null ? null : $"${variable}, which holds a secret";
    }
}
