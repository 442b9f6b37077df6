using Drydock.Compose.Model;
using Drydock.Findings;
using YamlDotNet.Core;

namespace Drydock.Compose.Rules;

/// <summary>DC011: <c>${VAR}</c> used with no default, and defined neither in .env nor in a documented .env.example.</summary>
public sealed class UndefinedVariableRule : IComposeRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DC011",
        "undefined-variable",
        Severity.Warning,
        "A variable is interpolated with no default and is defined nowhere.",
        "Compose replaces an unset variable with an empty string and only warns (\"The \\\"VAR\\\" variable is not set. Defaulting to a blank string.\"): an empty image tag, port or password then breaks the service at run time, far from the cause.",
        "Define the variable in .env (or document it in .env.example), give it a default with `${VAR:-value}`, or make it required with `${VAR:?message}`.");

    public RuleDescriptor Rule => Descriptor;

    public void Check(ComposeContext context)
    {
        foreach (var stack in context.Compose.Stacks)
        {
            var reported = new HashSet<(string, string)>();
            foreach (var use in stack.VariableUses.OrderBy(use => use.File.Path, StringComparer.Ordinal).ThenBy(use => use.Node.Start.Index).ThenBy(use => use.Reference.Start))
            {
                var reference = use.Reference;
                if (reference.HasFallback || reference.IsDeclaredRequired
                    || stack.Variables.ContainsKey(reference.Name) || stack.DocumentedVariables.Contains(reference.Name)
                    || context.Knowledge.EnvironmentVariables.Contains(reference.Name)
                    || !reported.Add((use.File.Path, reference.Name)) || use.File.Text is null)
                {
                    continue;
                }

                var (start, end) = Yaml.YamlSource.Span(use.Node);
                int offset = start + (use.Node.Style is ScalarStyle.Plain ? 0 : 1) + reference.Start;
                bool exact = use.Node.Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted && !use.Node.Value!.Contains('\n', StringComparison.Ordinal);
                string where = stack.Variables.Count > 0 ? $"{ComposeSet.Join(stack.Directory, ".env")}" : "any .env file";
                context.Sink.Report(
                    Descriptor,
                    use.File.Text,
                    exact ? offset : start,
                    exact ? offset + reference.Length : end,
                    $"variable {reference.Name} is used without a default and is not defined in {where}; compose will substitute an empty string");
            }
        }
    }
}
