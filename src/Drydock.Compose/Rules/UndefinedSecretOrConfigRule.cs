using Drydock.Findings;

namespace Drydock.Compose.Rules;

/// <summary>DC021: a service is granted a secret or config that the top level does not declare.</summary>
public sealed class UndefinedSecretOrConfigRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC021",
        "undefined-secret-or-config",
        Severity.Error,
        "A service uses a secret or config that is not declared.",
        "`docker compose up` refuses the project: \"service \\\"api\\\" refers to undefined secret db_password: invalid compose project\".",
        "Declare it under the top-level `secrets:` or `configs:` (with `file:`, `environment:` or `external: true`).");

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var stack in context.Compose.Stacks)
        {
            foreach (var service in stack.Services)
            {
                foreach (var secret in service.Secrets.Where(secret => !stack.Secrets.ContainsKey(secret.Name)))
                {
                    context.Report(Descriptor, secret.Node, $"service \"{service.Name}\" refers to undefined secret {secret.Name}: invalid compose project");
                }

                foreach (var config in service.Configs.Where(config => !stack.Configs.ContainsKey(config.Name)))
                {
                    context.Report(Descriptor, config.Node, $"service \"{service.Name}\" refers to undefined config {config.Name}: invalid compose project");
                }
            }
        }
    }
}
