using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>DC023: a required env_file that does not exist.</summary>
public sealed class EnvFileMissingRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC023",
        "env-file-missing",
        Severity.Error,
        "A required env_file does not exist.",
        "Compose reads env_file before creating the container and stops with \"env file ... not found: stat ...: no such file or directory\". A file that is git-ignored exists on your machine but not in CI or on a fresh clone.",
        "Create the file (commit a template such as .env.example and copy it), or mark it optional with the long form `- path: .env` / `required: false`.");

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var service in context.Compose.Stacks.SelectMany(stack => stack.Services))
        {
            foreach (var envFile in service.EnvFiles.Where(file => file.Required && !file.Node.IsInterpolated && !ComposeEdits.FileExists(context.Project, file.Path)))
            {
                context.Report(Descriptor, envFile.Node, $"env file '{envFile.Path}' of '{service.Name}' not found: compose stops before starting the service", $"Create '{envFile.Path}', or write `env_file: [{{path: {envFile.Node.Value}, required: false}}]` if it is optional.");
            }
        }
    }
}
