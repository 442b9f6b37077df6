using System.CommandLine;
using System.Text.Json;
using Drydock.Findings;

namespace Drydock.Cli.Commands;

/// <summary>`drydock rules`: every rule with its id, name, severity and whether it can be fixed.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text" }.AcceptOnlyFromAmong("text", "json");
        var command = new Command("rules", "List every rule: id, name, severity, fixable, and the equivalent in other tools.") { format };
        command.SetAction(parse => Run(parse.GetValue(format)!));
        return command;
    }

    private static int Run(string format)
    {
        var rules = RuleCatalog.All;
        using var stdout = Console.OpenStandardOutput();
        if (format == "json")
        {
            using var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
            json.WriteStartArray();
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", rule.Name);
                json.WriteString("severity", rule.DefaultSeverity.ToName());
                json.WriteString("kind", rule.Kind.ToString().ToLowerInvariant());
                json.WriteBoolean("fixable", rule.Fixable);
                json.WriteString("summary", rule.Summary);
                json.WriteStartArray("equivalents");
                foreach (string equivalent in rule.Equivalents)
                {
                    json.WriteStringValue(equivalent);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            return ExitCodes.Clean;
        }

        using var writer = new StreamWriter(stdout) { NewLine = "\n" };
        writer.WriteLine($"{"ID",-6} {"NAME",-40} {"SEVERITY",-8} {"FIX",-3} SUMMARY");
        foreach (var rule in rules)
        {
            string equivalents = rule.Equivalents.Count > 0 ? $" [{string.Join(", ", rule.Equivalents)}]" : "";
            writer.WriteLine($"{rule.Id,-6} {rule.Name,-40} {rule.DefaultSeverity.ToName(),-8} {(rule.Fixable ? "yes" : "-"),-3} {rule.Summary}{equivalents}");
        }

        writer.WriteLine($"{rules.Count} rules. `drydock explain ID` shows a rule's page.");
        return ExitCodes.Clean;
    }
}
